package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * A service others wait for with {@code condition: service_healthy} that has no healthcheck: the
 * dependants never start. A HEALTHCHECK in the Dockerfile the service builds counts.
 */
public final class ComposeHealthcheckMissing implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-healthcheck-missing", Severity.ERROR,
      "A service others wait to be healthy has no healthcheck");
  private static final Pattern HEALTHCHECK = Pattern.compile("(?im)^\\s*HEALTHCHECK\\s+(?!NONE\\b)\\S");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      if (!(service.get("depends_on") instanceof YamlNode.Mapping dependencies)) {
        continue;
      }
      for (YamlNode.Entry dependency : dependencies.entries()) {
        YamlNode.Scalar condition = dependency.value() instanceof YamlNode.Mapping m ? m.scalar("condition") : null;
        if (condition == null || !condition.text().equals("service_healthy")) {
          continue;
        }
        Service target = project.service(dependency.key().text()).orElse(null);
        if (target != null && !hasHealthcheck(target, project)) {
          context.report(condition, service.describe() + " waits for '" + target.name() + "' to be healthy, but '"
              + target.name() + "' has no healthcheck, so it never becomes healthy; give it a healthcheck: test: ...");
        }
      }
    }
  }

  private static boolean hasHealthcheck(Service service, ComposeProject project) {
    YamlNode healthcheck = service.get("healthcheck");
    if (healthcheck instanceof YamlNode.Mapping m) {
      YamlNode.Scalar disable = m.scalar("disable");
      return disable == null || !disable.isTrue();
    }
    for (ComposeProject.Build build : project.builds()) {
      if (build.service().equals(service.name())) {
        return builtWithHealthcheck(build);
      }
    }
    return service.builds(); // built from a Dockerfile this run cannot read: no claim
  }

  private static boolean builtWithHealthcheck(ComposeProject.Build build) {
    try {
      if (!Files.isRegularFile(build.dockerfile()) || Files.size(build.dockerfile()) > (4 << 20)) {
        return true; // compose-build-dockerfile-missing, or not one to read: no claim
      }
      return HEALTHCHECK.matcher(Files.readString(build.dockerfile())).find();
    } catch (java.io.IOException | RuntimeException e) {
      return true;
    }
  }
}
