package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceText;
import java.io.IOException;

/**
 * One line per finding in the GNU error-message format that compilers use and editors (Emacs
 * compilation mode, Vim's quickfix, IDE and CI problem matchers) parse:
 *
 * <pre>
 * Dockerfile:2:6: warning: Image 'node:latest' uses the mutable 'latest' tag; ... [image-latest]
 * missing/Dockerfile: error: cannot read file: No such file or directory
 * </pre>
 *
 * <ul>
 *   <li>Only the start is given ({@code FILE:LINE:COLUMN:}); GNU also allows ranges
 *       ({@code FILE:L1.C1-L2.C2:}), but far fewer tools parse those, so this form is the most
 *       widely understood.
 *   <li>Columns follow the GNU standard: 1-based, tab stops every 8 columns, one column per Unicode
 *       character (so they differ from the UTF-16 columns of the JSON and SARIF formats on lines
 *       with tabs or characters outside the BMP).
 *   <li>The severity word is {@code error}, {@code warning} or {@code info}; style findings are
 *       written as {@code info} too, because editors treat unknown words as errors. The rule id
 *       follows the message in brackets.
 *   <li>A file that could not be linted gets {@code FILE: error: REASON}.
 *   <li>Control characters in paths and messages are escaped ({@link ControlCharacters}), so each
 *       finding stays one line.
 * </ul>
 *
 * <p>Files in path order, findings by position; nothing else is written (no summary).
 */
public final class GnuReporter implements Reporter {
  static final int TAB_STOP = 8;

  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (FileResult file : PathOrder.files(report)) {
      if (file.error() != null) {
        out.append(ControlCharacters.escape(file.path())).append(": error: ").append(ControlCharacters.escape(file.error()))
            .append('\n');
      }
      for (Finding finding : file.findings()) {
        out.append(ControlCharacters.escape(finding.file())).append(':').append(Integer.toString(finding.line()))
            .append(':').append(Integer.toString(column(file.source(), finding))).append(": ")
            .append(word(finding.severity())).append(": ").append(ControlCharacters.escape(finding.message()))
            .append(" [").append(ControlCharacters.escape(finding.rule())).append("]\n");
      }
    }
  }

  static String word(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "info";
    };
  }

  /** The finding's start column as GNU counts it; the UTF-16 column when the source is unknown. */
  static int column(SourceText source, Finding finding) {
    if (source == null || finding.line() > source.lineCount()) {
      return finding.column();
    }
    String line = source.line(finding.line());
    int end = Math.min(finding.column() - 1, line.length());
    int column = 0;
    int i = 0;
    while (i < end) {
      int cp = line.codePointAt(i);
      column = cp == '\t' ? (column / TAB_STOP + 1) * TAB_STOP : column + 1;
      i += Character.charCount(cp);
    }
    // a column past the end of the line stays past it
    return column + 1 + Math.max(0, finding.column() - 1 - line.length());
  }
}
