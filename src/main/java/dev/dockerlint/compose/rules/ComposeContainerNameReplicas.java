package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** {@code container_name} with more than one replica: the second container cannot take the name. */
public final class ComposeContainerNameReplicas implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-container-name-replicas", Severity.ERROR,
      "A service with several replicas sets container_name");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      YamlNode.Scalar name = service.scalar("container_name");
      YamlNode.Mapping deploy = service.mapping("deploy");
      YamlNode.Scalar replicas = deploy == null ? null : deploy.scalar("replicas");
      YamlNode.Scalar scale = service.scalar("scale");
      YamlNode.Scalar count = replicas != null ? replicas : scale;
      if (name != null && count != null && count.known() && count.text().matches("[0-9]{1,18}")
          && Long.parseLong(count.text()) > 1) {
        context.report(name, service.describe() + " sets container_name '" + name.text() + "' and asks for "
            + count.text() + " replicas, but container names are unique, so only one can start; remove container_name");
      }
    }
  }
}
