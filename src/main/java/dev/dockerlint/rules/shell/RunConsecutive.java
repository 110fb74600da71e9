package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;

/** Two RUNs in a row that each run a single command make two layers where one would do. */
public final class RunConsecutive implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("run-consecutive", Severity.INFO,
      "Consecutive RUN instructions could be one layer", "DL3059").offByDefault();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Run previous = null;
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Run run && isSingleCommand(run)) {
          if (previous != null && sameFlags(previous, run)) {
            context.report(run.keyword(), "This RUN and the RUN on line " + previous.range().startLine()
                + " each run one command; join them with '&&' into one RUN to save a layer");
          }
          previous = run;
        } else {
          previous = null;
        }
      }
    }
  }

  /** One simple command, no heredoc (heredoc RUNs are scripts of their own). */
  private static boolean isSingleCommand(Run run) {
    if (run.command() instanceof ExecForm) {
      return true;
    }
    if (!(run.command() instanceof ShellForm shell) || !shell.heredocs().isEmpty() || !shell.posixShell()) {
      return false;
    }
    int topLevel = 0;
    for (ShellCommand command : shell.script().commands()) {
      if (command.subshellDepth() == 0) {
        topLevel++;
      }
    }
    return topLevel == 1 && shell.script().problems().isEmpty();
  }

  private static boolean sameFlags(Run a, Run b) {
    if (a.flags().size() != b.flags().size()) {
      return false;
    }
    for (int i = 0; i < a.flags().size(); i++) {
      Flag fa = a.flags().get(i);
      Flag fb = b.flags().get(i);
      if (!fa.text().equals(fb.text())) {
        return false;
      }
    }
    return true;
  }
}
