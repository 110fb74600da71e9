package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;
import java.util.Set;

/** {@code ln -sf /bin/bash /bin/sh}: re-linking the system shell instead of using SHELL. */
public final class ShellSymlink implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("shell-symlink", Severity.WARNING,
      "RUN re-links /bin/sh instead of using SHELL", "DL4005");

  private static final Set<String> SYSTEM_SHELL = Set.of("/bin/sh", "/usr/bin/sh");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellCommand command : file.invokedRunCommands()) {
      if (!command.is("ln") || !command.hasAnyFlag("-s", "--symbolic") || command.hasAnyFlag("-t", "--target-directory")) {
        continue;
      }
      List<Word> positional = command.positionalArguments();
      if (positional.size() < 2) {
        continue;
      }
      Word link = positional.get(positional.size() - 1);
      if (SYSTEM_SHELL.contains(link.value())) {
        String shell = positional.get(0).value();
        context.report(link.range(), "RUN re-links " + link.value() + " to '" + shell + "', changing the shell of "
            + "every later step and of the image's users; use SHELL [\"" + shell + "\", \"-c\"] instead");
      }
    }
  }
}
