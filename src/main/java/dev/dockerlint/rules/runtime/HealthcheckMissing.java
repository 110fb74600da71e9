package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** Without a HEALTHCHECK an orchestrator only knows whether the process is alive. */
public final class HealthcheckMissing implements Rule {
  private static final RuleInfo INFO =
      RuleInfo.of("healthcheck-missing", Severity.INFO, "The final stage has no HEALTHCHECK", "DL3057");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    if (file.finalStage().isEmpty()) {
      return;
    }
    Stage last = file.finalStage().get();
    if (last.from().image().text().isEmpty()) {
      return; // FROM without an image is a syntax error already
    }
    for (Stage stage : file.lineage(last)) {
      if (!stage.instructions(Healthcheck.class).isEmpty()) {
        return; // HEALTHCHECK NONE counts: an explicit choice
      }
    }
    context.report(last.from().image(), "The final stage has no HEALTHCHECK; add one (for example HEALTHCHECK CMD "
        + "curl -f http://localhost/ || exit 1) or state HEALTHCHECK NONE if the image is not a service");
  }
}
