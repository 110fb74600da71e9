package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.Set;

/**
 * {@code apt-key add} puts a repository's key in the one keyring apt trusts for every repository;
 * apt deprecated it in favour of a keyring per repository ({@code signed-by}) and apt 3.0 (Debian
 * 13) no longer ships it.
 */
public final class AptKeyDeprecated implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("apt-key-deprecated", Severity.WARNING,
      "apt-key adds a repository key that apt trusts for every repository");

  /** What adds keys; {@code apt-key del} stays allowed by apt's own deprecation notice. */
  private static final Set<String> ADDING = Set.of("add", "adv", "update", "net-update");
  private static final Set<String> VALUE_FLAGS = Set.of("--keyring");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.invoked();
        if (command == null || !command.is("apt-key")) {
          continue;
        }
        Word sub = command.firstPositional(VALUE_FLAGS);
        if (sub != null && ADDING.contains(sub.value())) {
          context.report(command.rangeTo(sub), "'apt-key " + sub.value() + "' is deprecated and trusts the key for "
              + "every repository (apt 3.0 no longer has it); store the key in /etc/apt/keyrings/ and name it with "
              + "[signed-by=...] in the repository's sources entry");
        }
      }
    }
  }
}
