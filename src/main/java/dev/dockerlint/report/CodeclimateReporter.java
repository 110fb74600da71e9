package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.HadolintCodes;
import dev.dockerlint.lint.Severity;
import java.io.IOException;

/**
 * hadolint's {@code codeclimate} format, the Code Climate engine convention: one compact JSON issue
 * per finding, each followed by a NUL byte, no array and no line breaks. Keys in hadolint's
 * (alphabetical) order:
 *
 * <pre>
 * {"categories":["Bug Risk"],"check_name":"DL3007","description":"...",
 *  "location":{"lines":{"begin":2,"end":2},"path":"Dockerfile"},"severity":"major","type":"issue"}\0
 * </pre>
 *
 * <ul>
 *   <li>{@code check_name} is the finding's hadolint code when it has one ({@link HadolintCodes#of}),
 *       else the dockerlint rule id; every issue is in category {@code Bug Risk}.
 *   <li>Severity: error {@code blocker}, warning {@code major}, info {@code info}, style
 *       {@code minor}, as in hadolint.
 *   <li>{@code lines.end} is the last line the finding covers (hadolint repeats the first).
 *   <li>A file that could not be linted is an issue {@code io-error}, {@code blocker}, line 1, after
 *       the findings, in path order.
 * </ul>
 *
 * <p>A run asked for this format exits 0 whatever it finds (an engine that exits otherwise has
 * failed), as hadolint does; that is the caller's business.
 */
public final class CodeclimateReporter implements Reporter {
  static final String IO_ERROR = "io-error";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (Finding finding : report.findings()) {
      int endLine = finding.range().endLine();
      if (endLine > finding.line() && finding.range().end().column() == 1) {
        endLine--;
      }
      int end = endLine;
      JsonSupport.compact(out, json -> issue(json, HadolintCodes.of(finding), finding.message(), finding.file(),
          finding.line(), end, severity(finding.severity())));
      out.append('\u0000');
    }
    for (FileResult file : JsonSupport.failedFiles(report)) {
      JsonSupport.compact(out, json -> issue(json, IO_ERROR, file.error(), file.path(), 1, 1, "blocker"));
      out.append('\u0000');
    }
  }

  static void issue(JsonGenerator json, String check, String description, String path, int begin, int end,
      String severity) throws IOException {
    json.writeStartObject();
    JsonSupport.stringArray(json, "categories", java.util.List.of("Bug Risk"));
    json.writeStringField("check_name", check);
    json.writeStringField("description", description);
    json.writeObjectFieldStart("location");
    json.writeObjectFieldStart("lines");
    json.writeNumberField("begin", begin);
    json.writeNumberField("end", end);
    json.writeEndObject();
    json.writeStringField("path", path);
    json.writeEndObject();
    json.writeStringField("severity", severity);
    json.writeStringField("type", "issue");
    json.writeEndObject();
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "blocker";
      case WARNING -> "major";
      case INFO -> "info";
      case STYLE -> "minor";
    };
  }
}
