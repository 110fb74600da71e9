package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.HashMap;
import java.util.Map;

/** The same host port published twice (by two services, or one twice): the second cannot bind it. */
public final class ComposePortDuplicate implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-port-duplicate", Severity.ERROR,
      "Two services publish the same host port");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    Map<String, String> firstBy = new HashMap<>();
    for (Service service : project.services()) {
      for (Service.Port port : service.ports()) {
        if (!port.published().matches("[0-9]{1,5}")) {
          continue; // none (Docker picks one), a range or a variable left open
        }
        String address = port.hostIp().isEmpty() || port.hostIp().equals("0.0.0.0") || port.hostIp().equals("::")
            ? "*" : port.hostIp();
        String key = address + "|" + port.published() + "/" + port.protocol();
        String wildcard = "*|" + port.published() + "/" + port.protocol();
        String first = firstBy.get(key);
        if (first == null && !address.equals("*")) {
          first = firstBy.get(wildcard); // every interface holds the port on this address too
        }
        if (first != null) {
          context.report(port.node(), service.describe() + " publishes host port " + port.published() + "/"
              + port.protocol() + ", which " + first + " already publishes, so one of them cannot start; "
              + "give one another host port");
        } else {
          firstBy.put(key, "service '" + service.name() + "'");
        }
      }
    }
  }
}
