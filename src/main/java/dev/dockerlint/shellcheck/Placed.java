package dev.dockerlint.shellcheck;

import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A ShellCheck comment placed in the Dockerfile: its code ({@code SC2086}), severity, message
 * (final period dropped, as dockerlint writes messages) and range, with the fix ShellCheck
 * suggests as edits of the Dockerfile, which become the finding's fix
 * ({@link ShellCheckAnalyzer#fix}).
 *
 * @param fix the edits, empty when ShellCheck suggests none or one of them falls outside the
 *     Dockerfile's text (on the lines dockerlint adds for ShellCheck)
 */
record Placed(String code, Severity severity, String message, SourceRange range, List<Edit> fix) {
  /**
   * One replacement of a suggested fix.
   *
   * @param afterEnd whether text inserted where another edit inserts goes after it
   * @param precedence which of two overlapping edits wins (higher first)
   */
  record Edit(SourceRange range, String replacement, boolean afterEnd, int precedence) {}

  /** The comment placed in the Dockerfile, or null when it is about the lines dockerlint added. */
  static Placed of(Script script, Json1.Comment comment) {
    String code = "SC" + comment.code();
    if (ShellCheckRunner.EXCLUDED.contains(code) || !ShellCheck.CODES.contains(code)) {
      return null;
    }
    SourceRange range = script.place(comment.line(), comment.column(), comment.endLine(), comment.endColumn());
    if (range == null) {
      return null;
    }
    List<Edit> fix = new ArrayList<>();
    for (Json1.Replacement r : comment.fix()) {
      SourceRange at = script.placeExactly(r.line(), r.column(), r.endLine(), r.endColumn());
      if (at == null) {
        fix.clear();
        break;
      }
      fix.add(new Edit(at, r.text(), r.afterEnd(), r.precedence()));
    }
    String message = comment.message().strip();
    if (message.endsWith(".") && !message.endsWith("..")) {
      message = message.substring(0, message.length() - 1).strip();
    }
    return new Placed(code, ShellCheckAnalyzer.severity(comment.level()), message, range, List.copyOf(fix));
  }
}
