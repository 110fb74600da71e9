package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;

/**
 * RUN already runs as the stage's USER; sudo adds a setuid binary and a TTY-oriented tool to the
 * image and hides which user a step really runs as. Switch with USER instead.
 */
public final class RunSudo implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("run-sudo", Severity.WARNING,
      "RUN uses sudo instead of switching users with USER", "DL3004", "DS-0010");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      for (ShellCommand command : run.commands()) {
        Word sudo = sudoWord(command);
        if (sudo != null) {
          context.report(sudo.range(), message());
        }
      }
    }
    for (Instruction instruction : file.instructions()) {
      Instruction target = instruction instanceof Onbuild o ? o.trigger() : instruction;
      if (target instanceof Run run && run.command() instanceof ExecForm exec && !exec.arguments().isEmpty()) {
        Token program = exec.arguments().get(0);
        if (baseName(program.text()).equals("sudo")) {
          context.report(program.range(), message());
        }
      }
    }
  }

  /** The word running sudo: the program itself, or sudo behind env/nice wrappers. */
  private static Word sudoWord(ShellCommand command) {
    if (command.words().isEmpty()) {
      return null;
    }
    if (command.is("sudo")) {
      return command.words().get(0);
    }
    ShellCommand inner = command.unwrapped();
    if (inner == command) {
      return null;
    }
    // wrappers are looked through one by one: env sudo make, nice -n 5 sudo make
    List<Word> words = command.words();
    int innerStart = words.size() - inner.words().size();
    for (int i = 1; i <= innerStart && i < words.size(); i++) {
      Word w = words.get(i);
      if (!w.quoted() && baseName(w.value()).equals("sudo")) {
        return w;
      }
    }
    return null;
  }

  private static String baseName(String program) {
    int slash = program.lastIndexOf('/');
    return slash >= 0 ? program.substring(slash + 1) : program;
  }

  private static String message() {
    return "'sudo' in RUN: steps already run as the current USER; switch with 'USER root' before the step "
        + "(and back after) instead of sudo";
  }
}
