package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import java.util.HashSet;
import java.util.Set;

/**
 * Lines Docker would reject: the parser's errors. Instructions before the first FROM are reported by
 * first-instruction, and ONBUILD FROM/ONBUILD/MAINTAINER by onbuild-forbidden, so one mistake gives
 * one finding.
 */
public final class SyntaxErrorRule implements Rule {
  public static final String ID = "syntax-error";
  private static final RuleInfo INFO =
      RuleInfo.of(ID, Severity.ERROR, "The Dockerfile has a line Docker would reject");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Set<SourceRange> forbiddenTriggers = new HashSet<>();
    for (Onbuild onbuild : file.instructions(Onbuild.class)) {
      if (onbuild.trigger() != null && OnbuildForbidden.FORBIDDEN.contains(onbuild.trigger().name())) {
        forbiddenTriggers.add(onbuild.trigger().keyword().range());
      }
    }
    for (SyntaxError error : file.syntaxErrors()) {
      if (!forbiddenTriggers.contains(error.range())) {
        context.report(error.range(), error.message());
      }
    }
  }
}
