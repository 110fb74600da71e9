package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** {@code privileged: true} gives the container every capability and every device of the host. */
public final class ComposePrivileged implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-privileged", Severity.ERROR,
      "A service runs privileged").withTags("security").security(9.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      YamlNode.Scalar privileged = service.scalar("privileged");
      if (privileged != null && privileged.isTrue()) {
        context.report(privileged, service.describe() + " runs privileged: it gets every capability and every "
            + "device of the host, so a compromise of it is a compromise of the host; add only the capabilities "
            + "it needs with cap_add");
      }
    }
  }
}
