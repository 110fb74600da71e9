package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** A service without {@code read_only: true}. Off by default: most images need changes to run read-only. */
public final class ComposeReadOnlyMissing implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-read-only-missing", Severity.INFO,
      "A service's root file system is writable").withTags("security").security(3.0).offByDefault();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      YamlNode.Scalar readOnly = service.scalar("read_only");
      if (readOnly == null || readOnly.known() && !readOnly.isTrue()) {
        context.report(readOnly != null ? readOnly : service.key(), service.describe() + " can write to its root "
            + "file system, so whoever gets into it can change its programs; set read_only: true and give the "
            + "places it writes a volume or tmpfs");
      }
    }
  }
}
