package dev.dockerlint.rules;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.ArrayList;
import java.util.List;

/** The commands every RUN runs: parsed shell-form commands and exec-form argv, wrappers looked through. */
final class RunCommands {
  private RunCommands() {}

  /** Every command of every RUN (ONBUILD RUN included), as the program it really runs. */
  static List<ShellCommand> all(Dockerfile file) {
    List<ShellCommand> result = new ArrayList<>();
    for (Stage stage : file.stages()) {
      for (Instruction instruction : stage.instructions()) {
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        if (target instanceof Run run) {
          result.addAll(of(run));
        }
      }
    }
    return result;
  }

  static List<ShellCommand> of(Run run) {
    List<ShellCommand> result = new ArrayList<>();
    if (run.command() instanceof ShellForm shell) {
      for (ShellCommand command : shell.script().commands()) {
        ShellCommand invoked = RunScripts.invoked(command);
        if (invoked != null) {
          result.add(invoked);
        }
      }
    } else if (run.command() instanceof ExecForm exec && !exec.arguments().isEmpty()) {
      List<Word> words = new ArrayList<>();
      for (Token argument : exec.arguments()) {
        words.add(new Word(argument.text(), argument.text(), argument.range(), false, false));
      }
      ShellCommand invoked = RunScripts.invoked(new ShellCommand(List.of(), words, exec.range(), Separator.END, 0));
      if (invoked != null) {
        result.add(invoked);
      }
    }
    return result;
  }
}
