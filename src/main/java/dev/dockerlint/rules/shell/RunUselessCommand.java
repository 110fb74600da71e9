package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import java.util.List;
import java.util.Set;

/**
 * Interactive and system-administration tools do nothing useful while an image builds: there is no
 * terminal, no init system and no running services to inspect.
 */
public final class RunUselessCommand implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("run-useless-command", Severity.INFO,
      "RUN invokes an interactive or system tool that has no effect in a build", "DL3001");

  private static final Set<String> USELESS =
      Set.of("ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      List<ShellCommand> commands = run.commands();
      boolean background = false;
      for (ShellCommand raw : commands) {
        ShellCommand command = raw.invoked();
        if (command != null && USELESS.contains(command.name())
            && !(command.is("kill") && background)) {
          context.report(command.words().get(0).range(), "'" + command.name() + "' " + why(command.name()));
        }
        background |= raw.separator() == Separator.BACKGROUND;
      }
    }
  }

  private static String why(String name) {
    return switch (name) {
      case "ssh", "vim", "top" -> "needs a terminal and a person at it, which a build has not; remove it";
      case "service", "shutdown" -> "manages services of a running system, and a build step has none running; "
          + "start services from the container's entrypoint instead";
      case "kill" -> "has no process to stop in a build step; remove it";
      default -> "inspects the build machine, not the image; remove it";
    };
  }
}
