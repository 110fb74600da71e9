package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;

/**
 * A shell-form CMD or ENTRYPOINT runs under {@code /bin/sh -c}: the shell is PID 1 and does not pass
 * SIGTERM on, so {@code docker stop} waits and then kills. As BuildKit does, a stage that set SHELL
 * (itself or a stage it is built on) chose its shell on purpose and is not reported; neither is a
 * command that ends by {@code exec}-ing its program, which replaces the shell.
 */
public final class JsonArgs implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("json-args", Severity.WARNING,
      "CMD or ENTRYPOINT in shell form does not receive stop signals", "DL3025", "JSONArgsRecommended");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      boolean shellSet = file.inherited(stage, Shell.class).isPresent();
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Shell) {
          shellSet = true;
        }
        CommandLine command = instruction instanceof Cmd cmd ? cmd.command()
            : instruction instanceof Entrypoint entrypoint ? entrypoint.command() : null;
        if (shellSet || !(command instanceof ShellForm shell) || shell.text().text().isBlank()
            || JsonSingleQuotes.isSingleQuotedJson(shell.text().text()) || execs(shell)) {
          continue;
        }
        context.report(shell.text(), instruction.name() + " in shell form runs under /bin/sh -c, which does not "
            + "forward stop signals; write it as a JSON array (" + instruction.name()
            + " [\"executable\", \"arg\"]) or start it with exec");
      }
    }
  }

  /** True when the command's last step is {@code exec}, so the program replaces the shell. */
  private static boolean execs(ShellForm shell) {
    ShellCommand last = null;
    for (ShellCommand command : shell.script().commands()) {
      if (command.subshellDepth() == 0) {
        last = command;
      }
    }
    return last != null && last.is("exec");
  }
}
