package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * {@code CMD sudo -u app /app}: the image ships sudo and a sudoers entry that lets its default user
 * become root, so the container is root in all but name; USER says who the process runs as.
 */
public final class CmdSudo implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("cmd-sudo", Severity.WARNING,
      "CMD or ENTRYPOINT starts the container's process through sudo").withTags("security").security(5.0);

  /** Programs that start the command given after them (and their options). */
  private static final Set<String> STARTERS = Set.of("tini", "dumb-init", "env", "nice", "exec");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      for (Instruction instruction : stage.instructions()) {
        // ONBUILD CMD sets the CMD of the images built on this one
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        CommandLine command = target instanceof Cmd cmd ? cmd.command()
            : target instanceof Entrypoint entrypoint ? entrypoint.command() : null;
        if (command instanceof ExecForm exec) {
          Token sudo = sudoArgument(exec.arguments());
          if (sudo != null) {
            context.report(sudo.range(), message(target.name()));
          }
        } else if (command instanceof ShellForm shell) {
          for (ShellCommand c : shell.script().commands()) {
            Word sudo = sudoWord(c);
            if (sudo != null) {
              context.report(sudo.range(), message(target.name()));
            }
          }
        }
      }
    }
  }

  private static String message(String instruction) {
    return "'sudo' in " + instruction + " needs sudo and a sudoers entry in the image, which let its user become "
        + "root at run time; set USER to the user the process runs as (or drop privileges with gosu or su-exec in "
        + "an entrypoint script that starts as root)";
  }

  /** {@code ["sudo", ...]}, or sudo behind tini, dumb-init or env: {@code ["tini", "--", "sudo", ...]}. */
  private static Token sudoArgument(List<Token> argv) {
    for (Token argument : argv) {
      String name = baseName(argument.text());
      if (name.equals("sudo")) {
        return argument;
      }
      if (!STARTERS.contains(name) && !argument.text().startsWith("-") && argument.text().indexOf('=') < 0) {
        return null; // the program: what follows are its arguments
      }
    }
    return null;
  }

  /** The word running sudo in a shell command: its program, or behind env/nice/exec wrappers. */
  private static Word sudoWord(ShellCommand command) {
    for (Word word : command.words()) {
      String name = baseName(word.value());
      if (name.equals("sudo") && !word.quoted()) {
        return word;
      }
      if (!STARTERS.contains(name) && !word.isFlag() && word.value().indexOf('=') < 0) {
        return null;
      }
    }
    return null;
  }

  private static String baseName(String program) {
    int slash = program.lastIndexOf('/');
    return slash >= 0 ? program.substring(slash + 1) : program;
  }
}
