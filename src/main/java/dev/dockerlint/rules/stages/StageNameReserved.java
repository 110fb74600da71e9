package dev.dockerlint.rules.stages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;

/** {@code scratch} is the empty image and {@code context} the build context; a stage cannot take those names. */
public final class StageNameReserved implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("stage-name-reserved", Severity.ERROR,
      "Stage is named scratch or context", "ReservedStageName", "DL3063");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Token name = stage.from().stageName();
      if (name == null) {
        continue;
      }
      String lower = name.text().toLowerCase(Locale.ROOT);
      if (lower.equals("scratch") || lower.equals("context")) {
        context.report(name, "Stage name '" + name.text() + "' is reserved (" + lower + " already means "
            + (lower.equals("scratch") ? "the empty base image" : "the build context") + "); choose another name");
      }
    }
  }
}
