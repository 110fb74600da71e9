package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;

/** {@code security_opt} turning off seccomp, AppArmor or SELinux labels, or unmasking /proc and /sys. */
public final class ComposeSecurityOptDisabled implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-security-opt-disabled", Severity.ERROR,
      "A service turns off seccomp, AppArmor or SELinux confinement").withTags("security").security(7.5);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      for (YamlNode.Scalar option : service.names("security_opt")) {
        String text = option.text().toLowerCase(Locale.ROOT).replace('=', ':').replace(" ", "");
        String what = switch (text) {
          case "seccomp:unconfined" -> "the seccomp filter that blocks dangerous system calls";
          case "apparmor:unconfined" -> "the AppArmor profile";
          case "label:disable" -> "SELinux labelling";
          case "systempaths:unconfined" -> "the masking of /proc and /sys";
          default -> null;
        };
        if (what != null && option.known()) {
          context.report(option, service.describe() + " turns off " + what + " with security_opt " + option.text()
              + "; remove it, or give a profile that allows only what the service needs");
        }
      }
    }
  }
}
