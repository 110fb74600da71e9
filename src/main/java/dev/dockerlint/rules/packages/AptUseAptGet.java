package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.source.SourceRange;
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
      "RUN uses apt, whose command-line interface is not stable, instead of apt-get", "DL3027")
      .fixable(Applicability.SAFE);

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
            + "' is meant for interactive use and its interface may change; use '" + replacement(s) + "' in scripts",
            fix(command, sub, s));
      }
    }
  }

  /**
   * {@code apt} becomes {@code apt-get}, for the subcommands apt-get has with the same meaning;
   * the others (search, list, full-upgrade) are other programs or names, left to the user.
   */
  private static Fix fix(ShellCommand command, Word sub, String s) {
    Word program = command.words().get(0);
    if (sub == null || !replacement(s).equals("apt-get " + s) || !program.raw().equals(program.value())
        || !program.value().endsWith("apt")) {
      return null;
    }
    SourceRange name = program.range();
    // the last three characters of the word are 'apt': /usr/bin/apt keeps its directory
    SourceRange at = new SourceRange(name.endLine(), name.endColumn() - 3, name.endLine(), name.endColumn());
    return name.startLine() != name.endLine() ? null : Fix.safe("Use apt-get", Edit.replace(at, "apt-get"));
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
