package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;

/**
 * Each RUN has a shell of its own: {@code RUN export X=y} or {@code RUN source venv/bin/activate}
 * changes that shell and nothing else, and it exits at the end of the RUN. The next instruction
 * starts from the image's ENV again.
 */
public final class RunExport implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("run-export", Severity.WARNING,
      "RUN sets shell state (export, an assignment, source, alias, umask) that no later command uses");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      List<ShellCommand> commands = run.commands();
      // walking back from the end: the state set after the last command that does something is lost
      for (int i = commands.size() - 1; i >= 0; i--) {
        ShellCommand command = commands.get(i);
        String message = stateOnly(command);
        if (message == null) {
          break;
        }
        if (command.subshellDepth() == 0) {
          context.report(command.range(), message);
        }
      }
    }
  }

  /** What is lost, as the message says it, when the command only changes its shell; else null. */
  private static String stateOnly(ShellCommand command) {
    if (command.words().isEmpty()) {
      return command.assignments().isEmpty() ? null : lostVariables(command.assignments(), "Setting ");
    }
    List<Word> args = command.arguments();
    switch (command.name()) {
      case "export", "readonly", "declare", "typeset" -> {
        if (command.is("declare") || command.is("typeset")) {
          boolean exported = false;
          for (Word w : args) {
            exported |= w.isFlag() && w.value().indexOf('x') > 0;
          }
          if (!exported) {
            return null;
          }
        }
        List<Word> names = command.positionalArguments();
        return names.isEmpty() ? null : lostVariables(names, "'" + command.name() + "' of ");
      }
      case "source", ".", "alias", "umask", "ulimit", "unset", "shopt" -> {
        if (args.isEmpty()) {
          return null; // 'umask' or 'alias' alone prints; 'source' alone is an error
        }
        String shown = command.name() + " " + args.get(0).value();
        shown = shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
        String advice = command.is("source") || command.is(".")
            ? "set what it sets with ENV (for a virtualenv: ENV PATH=/opt/venv/bin:$PATH), or source it in the RUN "
                + "that needs it"
            : "do it in the RUN that needs it";
        return "'" + shown + "' changes only this RUN's shell, which exits right after; " + advice;
      }
      default -> {
        return null;
      }
    }
  }

  /** The message for variables whose values are lost; values are not quoted (they may be secrets). */
  private static String lostVariables(List<Word> words, String what) {
    StringBuilder names = new StringBuilder();
    String first = null;
    for (Word word : words) {
      String v = word.value();
      int eq = v.indexOf('=');
      String name = eq >= 0 ? v.substring(0, eq) : v;
      if (name.isEmpty()) {
        continue;
      }
      if (first == null) {
        first = name;
      }
      names.append(names.length() == 0 ? "" : ", ").append(name);
    }
    if (first == null) {
      return null;
    }
    return what + names + " is lost when this RUN's shell exits: later instructions do not see it; set it with "
        + "ENV " + first + "=<value>, or in the RUN that uses it";
  }
}
