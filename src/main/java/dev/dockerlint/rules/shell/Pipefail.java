package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline's status is its last command's: {@code curl ... | tar x} succeeds when the download
 * fails. Without {@code pipefail} the build goes on with a broken step.
 */
public final class Pipefail implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("pipefail", Severity.WARNING,
      "RUN uses a pipe without the pipefail option, so a failing command before the pipe is ignored", "DL4006");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      boolean stageShellHasPipefail = shellOfBase(file, stage);
      boolean shellHasPipefail = stageShellHasPipefail;
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Shell shell) {
          shellHasPipefail = hasPipefail(shell.command());
        } else if (instruction instanceof Run run && run.command() instanceof ShellForm form && !shellHasPipefail) {
          check(form.script(), context);
        }
      }
    }
  }

  /** The SHELL in effect at the start of a stage: the last SHELL of the stages it is built on. */
  private static boolean shellOfBase(Dockerfile file, Stage stage) {
    Optional<Shell> shell = file.inherited(stage, Shell.class);
    return shell.isPresent() && hasPipefail(shell.get().command());
  }

  /** {@code SHELL ["/bin/bash", "-o", "pipefail", "-c"]}, also {@code -eo pipefail}. */
  private static boolean hasPipefail(CommandLine command) {
    if (!(command instanceof ExecForm exec)) {
      return false;
    }
    List<Token> args = exec.arguments();
    for (int i = 1; i + 1 < args.size(); i++) {
      String flag = args.get(i).text();
      if (isOptionFlag(flag) && args.get(i + 1).text().equals("pipefail")) {
        return true;
      }
    }
    return false;
  }

  /** {@code -o}, or a cluster of short options ending in o ({@code -eo}, {@code -euxo}). */
  private static boolean isOptionFlag(String flag) {
    if (flag.length() < 2 || flag.charAt(0) != '-' || flag.startsWith("--") || !flag.endsWith("o")) {
      return false;
    }
    for (int i = 1; i < flag.length(); i++) {
      if (!Character.isLetter(flag.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void check(ShellScript script, RuleContext context) {
    List<ShellCommand> commands = script.commands();
    for (ShellCommand command : commands) {
      if (command.separator() != Separator.PIPE || cannotFail(command)) {
        continue;
      }
      if (pipefailSetBefore(commands, command)) {
        continue;
      }
      var next = script.pipedInto(command);
      var range = next.isPresent() ? command.range().union(next.get().range()) : command.range();
      context.report(range, "Pipe without pipefail: if '" + command.name() + "' fails the RUN still succeeds; "
          + "use SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] or start the RUN with 'set -o pipefail &&' "
          + "where the shell supports it");
      return; // one finding per RUN
    }
  }

  /**
   * {@code set -o pipefail} (or {@code -eo pipefail}, {@code -euxo pipefail}) earlier in the RUN, or
   * a shell started with {@code -o pipefail} that runs the piped command ({@code bash -o pipefail -c '...'}).
   */
  private static boolean pipefailSetBefore(List<ShellCommand> commands, ShellCommand pipe) {
    if (heredocShellWithPipefail(commands, pipe)) {
      return true;
    }
    boolean set = false;
    for (ShellCommand command : commands) {
      boolean before = command.range().start().compareTo(pipe.range().start()) < 0;
      if (!before) {
        continue;
      }
      if (command.is("set") && optionPipefail(command.arguments())) {
        set = !disables(command.arguments());
      } else if (isShell(command) && optionPipefail(command.arguments()) && command.range().contains(pipe.range())) {
        return true;
      }
    }
    return set;
  }

  /**
   * The pipe is in the heredoc script of a shell started with {@code -o pipefail}
   * ({@code bash -o pipefail <<EOF}): a heredoc script's commands come right before its shell's
   * command, one level deeper, and lie after that command's line.
   */
  private static boolean heredocShellWithPipefail(List<ShellCommand> commands, ShellCommand pipe) {
    int index = commands.indexOf(pipe);
    for (int j = index + 1; index >= 0 && j < commands.size(); j++) {
      ShellCommand next = commands.get(j);
      if (next.subshellDepth() >= pipe.subshellDepth()) {
        continue;
      }
      return next.subshellDepth() == pipe.subshellDepth() - 1 && next.stdinShell() != null
          && optionPipefail(next.unwrapped().arguments()) && pipe.range().start().compareTo(next.range().end()) >= 0;
    }
    return false;
  }

  private static boolean optionPipefail(List<Word> args) {
    for (int i = 0; i + 1 < args.size(); i++) {
      if ((isOptionFlag(args.get(i).value()) || args.get(i).value().equals("+o"))
          && args.get(i + 1).value().equals("pipefail")) {
        return true;
      }
    }
    return false;
  }

  private static boolean disables(List<Word> args) {
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).value().equals("+o") && args.get(i + 1).value().equals("pipefail")) {
        return true;
      }
    }
    return false;
  }

  /** Left sides that cannot fail in a way the pipeline should report: echo, printf, yes, cat of a heredoc. */
  private static boolean cannotFail(ShellCommand command) {
    ShellCommand c = command.unwrapped();
    return switch (c.name()) {
      case "echo", "printf", "yes", "true" -> true;
      case "cat" -> c.positionalArguments().isEmpty();
      default -> false;
    };
  }

  private static boolean isShell(ShellCommand command) {
    return switch (command.name()) {
      case "bash", "sh", "zsh", "ash", "ksh", "dash", "mksh" -> true;
      default -> false;
    };
  }
}
