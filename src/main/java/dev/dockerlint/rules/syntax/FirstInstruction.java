package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Invalid;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** Only ARG may come before the first FROM; Docker rejects anything else ("no build stage in current context"). */
public final class FirstInstruction implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("first-instruction", Severity.ERROR,
      "An instruction other than ARG comes before the first FROM", "DL3061");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      if (instruction instanceof From) {
        break;
      }
      // one Docker rejects for itself (an unknown keyword, a bad flag) is a syntax error, which Docker reports first
      if (!(instruction instanceof Arg) && !(instruction instanceof Invalid)) {
        context.report(instruction, instruction.name() + " comes before the first FROM (Docker: no build stage in "
            + "current context); start the Dockerfile with FROM (only ARG may precede it)");
      }
    }
  }
}
