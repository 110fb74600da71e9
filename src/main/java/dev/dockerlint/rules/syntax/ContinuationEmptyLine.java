package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.EmptyContinuation;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** An empty line inside a continued instruction: accepted today, deprecated by Docker. */
public final class ContinuationEmptyLine implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("continuation-empty-line", Severity.WARNING,
      "Empty line inside a continued instruction", "NoEmptyContinuation");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (EmptyContinuation empty : file.emptyContinuations()) {
      context.report(empty.line(), "Empty line inside a continued instruction; remove it or end the previous "
          + "line without a continuation (Docker deprecates empty continuation lines)");
    }
  }
}
