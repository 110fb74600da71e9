package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;

/**
 * {@code network_mode: host}, {@code pid: host}, {@code ipc: host}, {@code uts: host},
 * {@code userns_mode: host}: the container shares that namespace with the host.
 */
public final class ComposeHostNamespace implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-host-namespace", Severity.ERROR,
      "A service shares the host's network, process, IPC, UTS or user namespace").withTags("security").security(7.5);
  private static final List<String> KEYS = List.of("network_mode", "pid", "ipc", "uts", "userns_mode");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      for (String key : KEYS) {
        YamlNode.Scalar value = service.scalar(key);
        if (value != null && value.known() && value.text().equals("host")) {
          context.report(value, service.describe() + " sets " + key + ": host, so it shares the host's "
              + what(key) + " and loses the isolation a container gives; remove it, and publish ports or share "
              + "namespaces with another service instead");
        }
      }
    }
  }

  private static String what(String key) {
    return switch (key) {
      case "network_mode" -> "network stack (every port and interface)";
      case "pid" -> "processes (it can see and signal every one)";
      case "ipc" -> "shared memory and semaphores";
      case "uts" -> "host name";
      default -> "user namespace (root in the container is root on the host)";
    };
  }
}
