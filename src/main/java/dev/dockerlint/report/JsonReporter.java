package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable output: exactly one JSON object, keys always in this order.
 *
 * <pre>
 * {
 *   "tool": {"name": "dockerlint", "version": "0.1.0"},
 *   "configs": [".dockerlint.yaml", "services/api/.dockerlint.yaml"],
 *   "findings": [
 *     {"file": "Dockerfile", "line": 1, "column": 6, "endLine": 1, "endColumn": 17,
 *      "rule": "image-latest", "severity": "warning", "message": "...", "aliases": ["DL3007"]},
 *     {"file": "Dockerfile", "line": 2, ..., "rule": "instruction-casing", ...,
 *      "fix": {"title": "Write 'RUN'", "applicability": "safe",
 *              "edits": [{"line": 2, "column": 1, "endLine": 2, "endColumn": 4, "replacement": "RUN"}]}}
 *   ],
 *   "summary": {"files": 1, "error": 0, "warning": 1, "info": 0, "style": 0},
 *   "errors": [{"file": "missing/Dockerfile", "message": "..."}]
 * }
 * </pre>
 *
 * <ul>
 *   <li>{@code configs} names the config files the run used, sorted: relative to the working
 *       directory, {@code ~/...} for the user config, else absolute; empty when only the built-in
 *       defaults applied (no file found, or {@code --isolated}).
 *   <li>{@code findings} are sorted by file, line, column, rule. Positions are 1-based, the end is
 *       exclusive, and columns count UTF-16 code units (as SARIF does).
 *   <li>{@code severity} is one of {@code error}, {@code warning}, {@code info}, {@code style}.
 *   <li>{@code fix} is there only for a finding that {@code --fix} (with {@code applicability}
 *       {@code safe}) or {@code --fix --unsafe-fixes} ({@code unsafe}) repairs: its edits, over
 *       the linted text, in the positions findings use; an empty range inserts.
 *   <li>{@code summary.files} counts the files that were linted; the severity keys count findings.
 *   <li>{@code errors} is only present when a file could not be linted (unreadable, binary); it lists
 *       those files in path order. A consumer should treat its presence as a failed run.
 * </ul>
 *
 * <p>Pretty-printed with two-space indents and a trailing newline; the same report always gives the
 * same bytes.
 */
public final class JsonReporter implements Reporter {
  @Override
  public void write(Report report, Appendable out) throws IOException {
    JsonSupport.write(out, json -> {
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", report.toolName());
      json.writeStringField("version", report.toolVersion());
      json.writeEndObject();
      JsonSupport.stringArray(json, "configs", report.configs());

      json.writeArrayFieldStart("findings");
      for (Finding finding : report.findings()) {
        writeFinding(json, finding);
      }
      json.writeEndArray();

      List<FileResult> failed = JsonSupport.failedFiles(report);
      Map<Severity, Integer> counts = report.countsBySeverity();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("files", report.files().size() - failed.size());
      for (Severity severity : Severity.values()) {
        json.writeNumberField(severity.label(), counts.getOrDefault(severity, 0));
      }
      json.writeEndObject();

      if (!failed.isEmpty()) {
        json.writeArrayFieldStart("errors");
        for (FileResult file : failed) {
          json.writeStartObject();
          json.writeStringField("file", file.path());
          json.writeStringField("message", file.error());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    });
  }

  private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
    json.writeStartObject();
    json.writeStringField("file", finding.file());
    json.writeNumberField("line", finding.range().start().line());
    json.writeNumberField("column", finding.range().start().column());
    json.writeNumberField("endLine", finding.range().end().line());
    json.writeNumberField("endColumn", finding.range().end().column());
    json.writeStringField("rule", finding.rule());
    json.writeStringField("severity", finding.severity().label());
    json.writeStringField("message", finding.message());
    JsonSupport.stringArray(json, "aliases", finding.aliases());
    FixJson.writeJson(json, finding.fix());
    json.writeEndObject();
  }
}
