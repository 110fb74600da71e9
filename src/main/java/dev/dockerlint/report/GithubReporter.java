package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Severity;
import java.io.IOException;

/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns into annotations on
 * the pull request and the run summary:
 *
 * <pre>
 * ::warning file=Dockerfile,line=2,col=6,endLine=2,endColumn=17,title=image-latest::Image 'node:latest' uses ...
 * ::error file=missing/Dockerfile::cannot read file: No such file or directory
 * </pre>
 *
 * <ul>
 *   <li>The command is {@code error}, {@code warning} or {@code notice} (for info and style).
 *   <li>Positions are 1-based; {@code endColumn} is exclusive, as in the other formats. GitHub does
 *       not accept columns on an annotation that spans lines, so a multi-line finding gets only
 *       {@code line} and {@code endLine}.
 *   <li>A file that could not be linted gets an {@code error} command with only {@code file}.
 *   <li>Escaping as the runner expects: in the message {@code %}, CR and LF become {@code %25},
 *       {@code %0D} and {@code %0A}; property values (path, rule id) also escape {@code :} and
 *       {@code ,} as {@code %3A} and {@code %2C}. The runner decodes nothing else, so the other
 *       control characters (an ESC, say) are escaped as everywhere ({@link ControlCharacters}):
 *       no file name or message can end a command early or start one of its own.
 * </ul>
 *
 * <p>Nothing else is written (no summary line, and nothing at all when there are no findings), so
 * every line of stdout is a command. Files are listed in path order, findings by position. GitHub
 * shows only the first few annotations of each kind per step; the rest stay in the log. Paths are
 * printed as given and should be relative to the workspace.
 */
public final class GithubReporter implements Reporter {
  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (FileResult file : PathOrder.files(report)) {
      if (file.error() != null) {
        out.append("::error file=").append(property(file.path())).append("::").append(data(file.error())).append('\n');
      }
      for (Finding finding : file.findings()) {
        writeFinding(finding, out);
      }
    }
  }

  private static void writeFinding(Finding finding, Appendable out) throws IOException {
    int line = finding.line();
    int endLine = finding.range().endLine();
    out.append("::").append(command(finding.severity()))
        .append(" file=").append(property(finding.file()))
        .append(",line=").append(Integer.toString(line));
    if (endLine == line) {
      out.append(",col=").append(Integer.toString(finding.column()))
          .append(",endLine=").append(Integer.toString(endLine))
          .append(",endColumn=").append(Integer.toString(finding.range().end().column()));
    } else {
      out.append(",endLine=").append(Integer.toString(endLine));
    }
    out.append(",title=").append(property(finding.rule()))
        .append("::").append(data(finding.message())).append('\n');
  }

  static String command(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "notice";
    };
  }

  /** Escapes a command's message. */
  static String data(String text) {
    return escape(text, false);
  }

  /** Escapes a property value: as {@link #data} plus {@code :} and {@code ,}. */
  static String property(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean property) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '%' -> escaped.append("%25");
        case '\r' -> escaped.append("%0D");
        case '\n' -> escaped.append("%0A");
        case ':' -> escaped.append(property ? "%3A" : ":");
        case ',' -> escaped.append(property ? "%2C" : ",");
        default -> {
          if (ControlCharacters.isControl(c)) {
            escaped.append(ControlCharacters.escape(c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
