package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;

/**
 * wget draws a progress bar for a terminal; in a build log it becomes thousands of lines that bury
 * the output worth reading.
 */
public final class WgetProgress implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("wget-progress", Severity.INFO,
      "wget runs without -q or --progress and floods the build log with its progress bar", "DL3047");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    // every RUN, exec form and ONBUILD triggers included
    for (ShellCommand command : file.invokedRunCommands()) {
      if (command.is("wget") && !quiet(command)) {
        context.report(command.words().get(0).range(), "'wget' without -q or --progress writes a progress bar of "
            + "thousands of lines into the build log; add -q (or --progress=dot:giga with GNU wget)");
      }
    }
  }

  /** Quiet, not verbose, a chosen progress style, or output going to a log file. */
  private static boolean quiet(ShellCommand wget) {
    return wget.hasAnyFlag("--progress", "-q", "--quiet", "-nv", "--no-verbose", "-o", "--output-file", "-a",
        "--append-output");
  }
}
