package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.HadolintCodes;
import java.io.IOException;

/**
 * hadolint's JSON ({@code --format hadolint-json}; {@code json} where hadolint's settings name
 * it): one compact array for all files, one object per finding, keys in hadolint's (alphabetical)
 * order, and nothing after the array, as hadolint writes it.
 *
 * <pre>
 * [{"code":"DL3007","column":6,"file":"Dockerfile","level":"warning","line":2,"message":"..."}]
 * </pre>
 *
 * <ul>
 *   <li>{@code code} is the finding's hadolint code when it has one ({@link HadolintCodes#of}),
 *       else the dockerlint rule id; {@code level} is {@code error}, {@code warning}, {@code info}
 *       or {@code style}.
 *   <li>{@code line} and {@code column} are where the finding starts (hadolint gives column 1 for
 *       every rule finding; dockerlint knows the column).
 *   <li>A file that could not be linted is an object with code {@code io-error}, level
 *       {@code error}, line and column 1, after the findings, in path order.
 *   <li>No findings: {@code []}.
 * </ul>
 */
public final class HadolintJsonReporter implements Reporter {
  static final String IO_ERROR = "io-error";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    JsonSupport.compact(out, json -> {
      json.writeStartArray();
      for (Finding finding : report.findings()) {
        write(json, HadolintCodes.of(finding), finding.column(), finding.file(), finding.severity().label(),
            finding.line(), finding.message());
      }
      for (FileResult file : JsonSupport.failedFiles(report)) {
        write(json, IO_ERROR, 1, file.path(), "error", 1, file.error());
      }
      json.writeEndArray();
    });
  }

  private static void write(JsonGenerator json, String code, int column, String file, String level, int line,
      String message) throws IOException {
    json.writeStartObject();
    json.writeStringField("code", code);
    json.writeNumberField("column", column);
    json.writeStringField("file", file);
    json.writeStringField("level", level);
    json.writeNumberField("line", line);
    json.writeStringField("message", message);
    json.writeEndObject();
  }
}
