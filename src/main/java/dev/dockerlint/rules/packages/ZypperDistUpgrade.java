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
 * {@code zypper dist-upgrade} moves the whole image to whatever the repositories hold on the day of
 * the build, a different system on every rebuild; a newer base image does it reproducibly.
 */
public final class ZypperDistUpgrade implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("zypper-dist-upgrade", Severity.WARNING,
      "RUN upgrades the whole distribution with zypper dist-upgrade", "DL3035");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.invoked();
        if (command == null || !command.is("zypper")) {
          continue;
        }
        Word sub = PackageManager.subcommand(command);
        if (sub != null && (sub.value().equals("dist-upgrade") || sub.value().equals("dup"))) {
          context.report(PackageManager.nameAndSubcommand(command), "'zypper " + sub.value() + "' upgrades the whole "
              + "distribution to whatever the repositories hold at build time; use a newer base image and install "
              + "or update only the packages you need");
        }
      }
    }
  }
}
