package dev.dockerlint.rules.stages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;

/**
 * Docker lower-cases stage names, so {@code FROM x AS Build} is referred to as {@code build}; a
 * mixed-case name misleads readers and breaks tools that compare names exactly.
 */
public final class StageNameCasing implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("stage-name-casing", Severity.WARNING,
      "Stage name is not lowercase", "StageNameCasing");

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
      if (!lower.equals(name.text())) {
        context.report(name, "Stage name '" + name.text() + "' should be lowercase; write '" + lower + "'");
      }
    }
  }
}
