package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** {@code depends_on} or {@code links} naming a service the project does not define. */
public final class ComposeServiceUnknown implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-service-unknown", Severity.ERROR,
      "depends_on or links names a service that does not exist");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    List<String> names = new ArrayList<>();
    for (Service service : project.services()) {
      names.add(service.name());
    }
    for (Service service : project.services()) {
      for (String key : List.of("depends_on", "links")) {
        for (YamlNode.Scalar named : service.names(key)) {
          String target = key.equals("links") && named.text().contains(":")
              ? named.text().substring(0, named.text().indexOf(':')) : named.text();
          if (!named.known() || names.contains(target)) {
            continue;
          }
          String close = dev.dockerlint.ast.NameSuggestion.closest(target, names, 2).orElse(null);
          context.report(named, service.describe() + " names '" + target + "' in " + key + ", but no service has "
              + "that name" + (close != null ? "; did you mean '" + close + "'?" : "; Compose refuses to start the project"));
        }
      }
    }
  }
}
