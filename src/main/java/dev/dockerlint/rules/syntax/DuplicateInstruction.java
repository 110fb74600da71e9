package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; an earlier one is dead code
 * that readers take for the real one. Each later one is reported with its own hadolint code.
 */
public final class DuplicateInstruction implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("duplicate-instruction", Severity.WARNING,
      "More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage", "DL4003", "DL4004", "DL3012",
      "MultipleInstructionsDisallowed");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Map<String, Instruction> previous = new HashMap<>();
      for (Instruction instruction : stage.instructions()) {
        String code = code(instruction);
        if (code == null) {
          continue;
        }
        Instruction earlier = previous.put(instruction.name(), instruction);
        if (earlier != null) {
          context.reportAs(instruction.keyword().range(), instruction.name() + " repeated in this stage (also on line "
              + earlier.range().start().line() + "): only the last one takes effect; remove the earlier ones", code,
              "MultipleInstructionsDisallowed");
        }
      }
    }
  }

  private static String code(Instruction instruction) {
    if (instruction instanceof Cmd) {
      return "DL4003";
    }
    if (instruction instanceof Entrypoint) {
      return "DL4004";
    }
    if (instruction instanceof Healthcheck) {
      return "DL3012";
    }
    return null;
  }
}
