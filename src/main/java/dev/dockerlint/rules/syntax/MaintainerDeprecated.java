package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Maintainer;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** MAINTAINER has been deprecated since Docker 1.13; a label carries the same information. */
public final class MaintainerDeprecated implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("maintainer-deprecated", Severity.WARNING,
      "MAINTAINER is deprecated", "DL4000", "MaintainerDeprecated").fixable(Applicability.SAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /**
   * The MAINTAINER instruction written as the label: the value double-quoted, with the file's
   * escape character before each quote, escape character and {@code $} (MAINTAINER expands no
   * variables; LABEL would). None for an empty or continued MAINTAINER.
   */
  private static Fix fix(Dockerfile file, Maintainer maintainer, String who) {
    if (who.isEmpty() || maintainer.maintainer() == null
        || maintainer.keyword().range().startLine() != maintainer.maintainer().range().endLine()
        || !maintainer.flags().isEmpty()) {
      return null;
    }
    char escape = file.escape();
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < who.length(); i++) {
      char c = who.charAt(i);
      if (c == '"' || c == '$' || c == escape) {
        quoted.append(escape);
      }
      quoted.append(c);
    }
    quoted.append('"');
    String keyword = maintainer.keyword().text();
    String label = keyword.equals(keyword.toLowerCase(java.util.Locale.ROOT)) ? "label" : "LABEL";
    SourceRange range = new SourceRange(maintainer.keyword().range().start(), maintainer.maintainer().range().end());
    return Fix.safe("Write it as the label org.opencontainers.image.authors",
        Edit.replace(range, label + " org.opencontainers.image.authors=" + quoted));
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      // BuildKit warns before it checks the instruction, so an invalid MAINTAINER is deprecated too
      if (!(instruction.parsed() instanceof Maintainer maintainer)) {
        continue;
      }
      String who = maintainer.maintainer() == null ? "" : maintainer.maintainer().text().strip();
      String value = who.isEmpty() ? "..." : who.replace("\"", "\\\"");
      context.report(maintainer.keyword().range(), "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\""
          + value + "\" instead", fix(file, maintainer, who));
    }
  }
}
