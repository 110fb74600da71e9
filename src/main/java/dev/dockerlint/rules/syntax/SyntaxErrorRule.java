package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Invalid;
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
 * What {@code docker build} rejects: the errors of BuildKit's parser, of its instructions layer
 * (unknown instructions, argument counts, flags and their values) and of its conversion to a build
 * (mount options, modes, checksums, signals), each with BuildKit's message, at the offending token.
 * Instructions before the first FROM are reported by first-instruction, and ONBUILD
 * FROM/ONBUILD/MAINTAINER by onbuild-forbidden, so one mistake gives one finding.
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
    for (Instruction instruction : file.instructions()) {
      if (instruction instanceof Invalid invalid && invalid.parsed() instanceof Onbuild onbuild
          && onbuild.trigger() != null && OnbuildForbidden.FORBIDDEN.contains(onbuild.trigger().name())) {
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
