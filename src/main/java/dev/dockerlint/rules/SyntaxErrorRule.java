package dev.dockerlint.rules;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** Lines Docker would reject: the parser's errors, and instructions before the first FROM. */
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
    for (SyntaxError error : file.syntaxErrors()) {
      context.report(error.range(), error.message());
    }
    for (Instruction instruction : file.instructions()) {
      if (instruction instanceof From) {
        break;
      }
      if (!(instruction instanceof Arg)) {
        context.report(instruction, instruction.name() + " comes before the first FROM; only ARG may precede FROM");
      }
    }
  }
}
