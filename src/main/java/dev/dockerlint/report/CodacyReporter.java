package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.HadolintCodes;
import java.io.IOException;

/**
 * hadolint's {@code codacy} format, the result format of Codacy's tool wrappers: one compact JSON
 * object per finding, one per line, keys in hadolint's (alphabetical) order.
 *
 * <pre>
 * {"filename":"Dockerfile","line":2,"message":"...","patternId":"DL3007"}
 * </pre>
 *
 * <ul>
 *   <li>{@code patternId} is the finding's hadolint code when it has one ({@link HadolintCodes#of}),
 *       else the dockerlint rule id.
 *   <li>A file that could not be linted is an object with pattern {@code io-error} and line 1, after
 *       the findings, in path order.
 * </ul>
 *
 * <p>A run asked for this format exits 0 whatever it finds, as hadolint does; that is the caller's
 * business.
 */
public final class CodacyReporter implements Reporter {
  static final String IO_ERROR = "io-error";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (Finding finding : report.findings()) {
      JsonSupport.compact(out, json -> issue(json, finding.file(), finding.line(), finding.message(),
          HadolintCodes.of(finding)));
      out.append('\n');
    }
    for (FileResult file : JsonSupport.failedFiles(report)) {
      JsonSupport.compact(out, json -> issue(json, file.path(), 1, file.error(), IO_ERROR));
      out.append('\n');
    }
  }

  private static void issue(JsonGenerator json, String filename, int line, String message, String pattern)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("filename", filename);
    json.writeNumberField("line", line);
    json.writeStringField("message", message);
    json.writeStringField("patternId", pattern);
    json.writeEndObject();
  }
}
