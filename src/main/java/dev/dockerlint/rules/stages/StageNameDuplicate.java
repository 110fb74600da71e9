package dev.dockerlint.rules.stages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Stage names are case-insensitive and must be unique; Docker rejects a repeated one. */
public final class StageNameDuplicate implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("stage-name-duplicate", Severity.ERROR,
      "Two stages have the same name", "DL3024", "DuplicateStageName");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Map<String, Stage> seen = new HashMap<>();
    for (Stage stage : file.stages()) {
      Token name = stage.from().stageName();
      if (name == null || name.text().isEmpty()) {
        continue;
      }
      Stage earlier = seen.putIfAbsent(name.text().toLowerCase(Locale.ROOT), stage);
      if (earlier != null) {
        context.report(name, "Stage name '" + name.text() + "' is already used on line "
            + earlier.from().range().start().line() + "; give this stage a different name");
      }
    }
  }
}
