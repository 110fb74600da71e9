package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;

/**
 * {@code FROM x as y}: the AS keyword should be written in the same case as FROM. As in BuildKit, a
 * mixed-case FROM is left to the instruction casing rule.
 */
public final class FromAsCasing implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("from-as-casing", Severity.WARNING,
      "AS in FROM is not written in the same case as FROM", "FromAsCasing").fixable(Applicability.SAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      From from = stage.from();
      Token as = from.asKeyword();
      if (as == null) {
        continue;
      }
      String keyword = from.keyword().text();
      String wanted;
      if (keyword.equals(keyword.toUpperCase(Locale.ROOT))) {
        wanted = as.text().toUpperCase(Locale.ROOT);
      } else if (keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
        wanted = as.text().toLowerCase(Locale.ROOT);
      } else {
        continue;
      }
      if (!wanted.equals(as.text())) {
        context.report(as.range(), "'" + as.text() + "' and '" + keyword + "' are written in different cases; write '"
            + keyword + " ... " + wanted + " ...'", Fix.safe("Write '" + wanted + "'", Edit.replace(as.range(), wanted)));
      }
    }
  }
}
