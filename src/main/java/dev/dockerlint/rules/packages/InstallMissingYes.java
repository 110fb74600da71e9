package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.Apt;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A build has no one to answer "Do you want to continue? [Y/n]": the package manager reads end of
 * input and aborts, or waits. The assume-yes flag makes the step non-interactive.
 */
public final class InstallMissingYes implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("install-missing-yes", Severity.WARNING,
      "A package manager that asks for confirmation runs without its assume-yes flag",
      "DL3014", "DL3030", "DL3034", "DL3038").fixable(Applicability.SAFE);

  private static final Set<String> APT_PROMPTING =
      Set.of("install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep",
          "reinstall");
  private static final Set<String> RPM_PROMPTING =
      Set.of("install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "remove", "erase",
          "downgrade", "autoremove", "distro-sync", "group", "module", "in", "rm");
  private static final Set<String> ZYPPER_PROMPTING =
      Set.of("install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** The programs the switch below reads; others are skipped before their arguments are. */
  private static final Set<String> PROGRAMS = Set.of("apt-get", "yum", "dnf", "microdnf", "tdnf", "zypper");

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      List<ShellCommand> commands = run.commands();
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand command = commands.get(i).invoked();
        if (command == null || !PROGRAMS.contains(command.name()) || fedByYes(commands, i)) {
          continue;
        }
        Word sub = PackageManager.subcommand(command);
        if (sub == null) {
          continue;
        }
        String s = sub.value();
        switch (command.name()) {
          case "apt-get" -> {
            if (APT_PROMPTING.contains(s) && !aptAssumesYes(command) && !Apt.simulates(command)) {
              report(context, command, "-y", "DL3014");
            }
          }
          case "yum" -> {
            if (RPM_PROMPTING.contains(s) && !command.hasAnyFlag("-y", "--assumeyes", "--assume-yes")) {
              report(context, command, "-y", "DL3030");
            }
          }
          case "dnf", "microdnf", "tdnf" -> {
            if (RPM_PROMPTING.contains(s) && !command.hasAnyFlag("-y", "--assumeyes", "--assume-yes")) {
              report(context, command, "-y", "DL3038");
            }
          }
          case "zypper" -> {
            if (ZYPPER_PROMPTING.contains(s)
                && !command.hasAnyFlag("-n", "--non-interactive", "-y", "--no-confirm")) {
              report(context, command, "-n", "DL3034");
            }
          }
          default -> { }
        }
      }
    }
  }

  /** {@code yes | apt-get install x} answers the prompt. */
  private static boolean fedByYes(List<ShellCommand> commands, int index) {
    for (int j = index - 1; j >= 0; j--) {
      ShellCommand before = commands.get(j);
      if (before.subshellDepth() > commands.get(index).subshellDepth()) {
        continue;
      }
      return before.separator() == Separator.PIPE && before.unwrapped().is("yes");
    }
    return false;
  }

  /**
   * -y, --yes, --assume-yes (also in clusters like -qy), quiet level 2 (-qq, -q -q, -q=2,
   * --quiet=2), which apt-get documents as implying -y, or -o APT::Get::Assume-Yes=true.
   */
  private static boolean aptAssumesYes(ShellCommand command) {
    if (command.hasAnyFlag("-y", "--yes", "--assume-yes", "--force-yes")) {
      return true;
    }
    int quiet = 0;
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      if (!w.isFlag()) {
        continue;
      }
      String v = w.value();
      if (v.equals("-q=2") || v.equals("--quiet=2") || v.equals("-qq")) {
        quiet += 2;
      } else if (v.equals("--quiet")) {
        quiet++;
      } else if (!v.startsWith("--") && v.indexOf('=') < 0) {
        for (int k = 1; k < v.length(); k++) {
          if (v.charAt(k) == 'q') {
            quiet++;
          }
        }
      }
      String option = null;
      if (v.equals("-o") && i + 1 < args.size()) {
        option = args.get(i + 1).value();
      } else if (v.startsWith("-o") && !v.startsWith("--")) {
        option = v.substring(v.length() > 2 && v.charAt(2) == '=' ? 3 : 2);
      }
      if (option != null) {
        String o = option.toLowerCase(Locale.ROOT);
        if (o.startsWith("apt::get::assume-yes=") && !o.endsWith("=false") && !o.endsWith("=0")) {
          return true;
        }
      }
    }
    return quiet >= 2;
  }

  private static void report(RuleContext context, ShellCommand command, String flag, String alias) {
    Word sub = PackageManager.subcommand(command);
    String what = command.name() + " " + sub.value();
    // zypper's -n is a global option: it goes before the subcommand; the others' -y after it
    Fix fix = flag.equals("-n") ? Fix.safe("Add -n", Edit.insert(sub.range().start(), "-n "))
        : Fix.safe("Add " + flag, RunEdits.after(sub, flag));
    context.reportAs(PackageManager.nameAndSubcommand(command), "'" + what + "' without " + flag
        + " waits for a confirmation nobody gives in a build; add " + flag, fix, alias);
  }
}
