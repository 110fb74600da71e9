package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.HadolintCodes;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * hadolint's {@code sonarqube} format, SonarQube's generic issue import
 * ({@code sonar.externalIssuesReportPaths}): one compact object holding every issue, keys in
 * hadolint's (alphabetical) order, nothing after it.
 *
 * <pre>
 * {"issues":[{"engineId":"dockerlint","primaryLocation":{"filePath":"Dockerfile","message":"...",
 *   "textRange":{"endColumn":16,"endLine":2,"startColumn":5,"startLine":2}},
 *   "ruleId":"DL3007","severity":"MAJOR","type":"CODE_SMELL"}]}
 * </pre>
 *
 * <ul>
 *   <li>{@code engineId} is the tool's name (hadolint writes {@code Hadolint}); {@code ruleId} is
 *       the finding's hadolint code when it has one ({@link HadolintCodes#of}), else the rule id.
 *   <li>Severity: error {@code CRITICAL}, warning {@code MAJOR}, info {@code MINOR}, style
 *       {@code INFO}; type {@code BUG} for errors, else {@code CODE_SMELL}, as in hadolint.
 *   <li>{@code textRange} has SonarQube's 0-based columns, end exclusive: the finding's own range
 *       (hadolint gives columns 0 to 1). A range ending at the start of a line ends at the end of
 *       the line before; an empty range covers one character where the line has one.
 *   <li>A file that could not be linted is an issue {@code io-error}, {@code BLOCKER}, {@code BUG},
 *       on line 1, after the findings, in path order.
 * </ul>
 */
public final class SonarqubeReporter implements Reporter {
  static final String IO_ERROR = "io-error";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, SourceText> sources = new HashMap<>();
    for (FileResult file : report.files()) {
      if (file.source() != null) {
        sources.putIfAbsent(file.path(), file.source());
      }
    }
    JsonSupport.compact(out, json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("issues");
      for (Finding finding : report.findings()) {
        int[] range = textRange(finding, sources.get(finding.file()));
        issue(json, report.toolName(), finding.file(), finding.message(), range, HadolintCodes.of(finding),
            severity(finding.severity()), finding.severity() == Severity.ERROR ? "BUG" : "CODE_SMELL");
      }
      for (FileResult file : JsonSupport.failedFiles(report)) {
        issue(json, report.toolName(), file.path(), file.error(), new int[] {1, 0, 1, 0}, IO_ERROR, "BLOCKER", "BUG");
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  /** startLine, startColumn, endLine, endColumn: SonarQube's 1-based lines and 0-based columns, end exclusive. */
  static int[] textRange(Finding finding, SourceText source) {
    int startLine = finding.line();
    int startColumn = finding.column() - 1;
    int endLine = finding.range().endLine();
    int endColumn = finding.range().end().column() - 1;
    if (endLine > startLine && endColumn == 0) {
      endLine--;
      endColumn = source != null && endLine <= source.lineCount() ? source.line(endLine).length() : -1;
    }
    int lineLength = source != null && startLine <= source.lineCount() ? source.line(startLine).length() : -1;
    if (endColumn < 0 || endLine == startLine && endColumn <= startColumn) {
      // unknown end, or an empty range: one character where the line has one
      endLine = startLine;
      endColumn = lineLength < 0 ? startColumn + 1 : Math.min(startColumn + 1, lineLength);
      startColumn = Math.min(startColumn, endColumn);
    }
    return new int[] {startLine, startColumn, endLine, endColumn};
  }

  private static void issue(JsonGenerator json, String engine, String path, String message, int[] range, String rule,
      String severity, String type) throws IOException {
    json.writeStartObject();
    json.writeStringField("engineId", engine);
    json.writeObjectFieldStart("primaryLocation");
    json.writeStringField("filePath", path);
    json.writeStringField("message", message);
    json.writeObjectFieldStart("textRange");
    json.writeNumberField("endColumn", range[3]);
    json.writeNumberField("endLine", range[2]);
    json.writeNumberField("startColumn", range[1]);
    json.writeNumberField("startLine", range[0]);
    json.writeEndObject();
    json.writeEndObject();
    json.writeStringField("ruleId", rule);
    json.writeStringField("severity", severity);
    json.writeStringField("type", type);
    json.writeEndObject();
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "CRITICAL";
      case WARNING -> "MAJOR";
      case INFO -> "MINOR";
      case STYLE -> "INFO";
    };
  }
}
