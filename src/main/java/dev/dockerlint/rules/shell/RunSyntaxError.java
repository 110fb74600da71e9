package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellDialect;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellNote;
import java.util.Map;

/**
 * A RUN whose script the shell cannot parse (an unterminated quote, an {@code if} without
 * {@code fi}) fails the build at that step, after everything before it was built. Reported where
 * the parse fails, once per RUN: what follows a syntax error cannot be read reliably.
 */
public final class RunSyntaxError implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("run-syntax-error", Severity.ERROR,
      "RUN script is not valid shell");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Map<dev.dockerlint.ast.Run, ShellDialect> dialects = null;
    for (ShellRun run : file.shellRuns(true)) {
      ShellNote failure = firstParseError(run);
      if (failure == null) {
        continue;
      }
      if (dialects == null) {
        dialects = ShellDialect.ofRuns(file);
      }
      ShellForm form = (ShellForm) run.run().command();
      ShellDialect stage = dialects.getOrDefault(run.run(), ShellDialect.SH);
      if (stage.regions(form).at(failure.range()) == ShellDialect.OTHER) {
        continue; // a heredoc another interpreter runs (#!/usr/bin/env python), parsed as shell by mistake
      }
      context.report(failure.range(), "Shell syntax error in RUN: " + failure.detail()
          + "; the build fails at this step, so fix the script here");
    }
  }

  /** The first place the script does not parse; problems of the parser itself (nesting limit, a bug) do not count. */
  private static ShellNote firstParseError(ShellRun run) {
    for (ShellNote note : run.script().notes()) {
      if (note.kind() == ShellNote.Kind.PARSE_ERROR && !note.detail().startsWith("internal")
          && !note.detail().startsWith("shell script nested too deeply")) {
        return note;
      }
    }
    return null;
  }
}
