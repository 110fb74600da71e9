package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Maintainer;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** MAINTAINER has been deprecated since Docker 1.13; a label carries the same information. */
public final class MaintainerDeprecated implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("maintainer-deprecated", Severity.WARNING,
      "MAINTAINER is deprecated", "DL4000", "MaintainerDeprecated");

  @Override
  public RuleInfo info() {
    return INFO;
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
      context.report(maintainer, "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\""
          + value + "\" instead");
    }
  }
}
