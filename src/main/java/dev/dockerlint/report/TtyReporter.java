package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.HadolintCodes;
import dev.dockerlint.lint.Severity;
import java.io.IOException;

/**
 * hadolint's default output ({@code tty}), for the editor integrations and scripts that read it:
 * one line per finding, {@code FILE:LINE CODE SEVERITY: MESSAGE}.
 *
 * <pre>
 * Dockerfile:2 DL3007 warning: Image 'node:latest' uses the mutable 'latest' tag; ...
 * services/api/Dockerfile:3 expose-port-range error: Port '99999' is outside 0-65535
 * missing/Dockerfile: error: cannot read file: No such file or directory
 * </pre>
 *
 * <ul>
 *   <li>{@code CODE} is the finding's hadolint code when it has one ({@link HadolintCodes#of}),
 *       else the dockerlint rule id; there is no column, as in hadolint.
 *   <li>With colour, the severity is coloured as hadolint colours it: error bold red, warning bold
 *       yellow, info bright green, style cyan.
 *   <li>A file that could not be linted gets {@code FILE: error: REASON} (hadolint stops instead).
 *   <li>Files in path order, findings by position; nothing else (no summary, nothing for a clean
 *       file). Control characters in paths and messages are escaped ({@link ControlCharacters}).
 * </ul>
 */
public final class TtyReporter implements Reporter {
  private static final String RESET = "\u001b[0m";

  private final boolean color;

  public TtyReporter(boolean color) {
    this.color = color;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (FileResult file : PathOrder.files(report)) {
      if (file.error() != null) {
        out.append(ControlCharacters.escape(file.path())).append(": error: ")
            .append(ControlCharacters.escape(file.error())).append('\n');
      }
      for (Finding finding : file.findings()) {
        out.append(ControlCharacters.escape(finding.file())).append(':').append(Integer.toString(finding.line()))
            .append(' ').append(ControlCharacters.escape(HadolintCodes.of(finding))).append(' ');
        if (color) {
          out.append(colour(finding.severity())).append(finding.severity().label()).append(RESET);
        } else {
          out.append(finding.severity().label());
        }
        out.append(": ").append(ControlCharacters.escape(finding.message())).append('\n');
      }
    }
  }

  static String colour(Severity severity) {
    return switch (severity) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case INFO -> "\u001b[92m";
      case STYLE -> "\u001b[36m";
    };
  }
}
