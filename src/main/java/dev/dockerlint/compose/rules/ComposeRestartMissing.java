package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/**
 * A service without a restart policy stays down after a crash or a reboot of the host. Off by
 * default: one-off tasks (migrations, tests) want none.
 */
public final class ComposeRestartMissing implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-restart-missing", Severity.INFO,
      "A service has no restart policy").offByDefault();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      YamlNode.Mapping deploy = service.mapping("deploy");
      if (service.get("restart") == null && (deploy == null || deploy.get("restart_policy") == null)) {
        context.report(service.key(), service.describe() + " has no restart policy, so it stays down after it "
            + "crashes or the host reboots; set restart: unless-stopped (or restart: \"no\" for a one-off task)");
      }
    }
  }
}
