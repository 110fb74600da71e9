package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;

/**
 * {@code apt} is the interactive front end: its output and options may change between releases and
 * it warns that it has no stable command-line interface. Scripts use apt-get and apt-cache.
 */
public final class AptUseAptGet implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("apt-use-apt-get", Severity.WARNING,
      "RUN uses apt, whose command-line interface is not stable, instead of apt-get", "DL3027");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.invoked();
        if (command == null || !command.is("apt")) {
          continue;
        }
        Word sub = PackageManager.subcommand(command);
        String s = sub == null ? "" : sub.value();
        context.report(PackageManager.nameAndSubcommand(command), "'apt" + (s.isEmpty() ? "" : " " + s)
            + "' is meant for interactive use and its interface may change; use '" + replacement(s) + "' in scripts");
      }
    }
  }

  private static String replacement(String sub) {
    return switch (sub) {
      case "search", "show", "policy", "showsrc", "depends", "rdepends" -> "apt-cache " + sub;
      case "list" -> "dpkg-query -l";
      case "full-upgrade" -> "apt-get dist-upgrade";
      case "" -> "apt-get";
      default -> "apt-get " + sub;
    };
  }
}
