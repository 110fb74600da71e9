package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitLab Code Quality ({@code artifacts:reports:codequality}): a JSON array of Code Climate issues,
 * one per finding.
 *
 * <pre>
 * [
 *   {
 *     "type": "issue",
 *     "check_name": "image-latest",
 *     "description": "Image 'node:latest' uses the mutable 'latest' tag; ...",
 *     "categories": ["Style"],
 *     "severity": "minor",
 *     "fingerprint": "3f0c...",
 *     "location": {"path": "Dockerfile", "lines": {"begin": 2, "end": 2}},
 *     "engine_name": "dockerlint"
 *   }
 * ]
 * </pre>
 *
 * <p>Severity mapping (GitLab knows {@code info}, {@code minor}, {@code major}, {@code critical},
 * {@code blocker}):
 *
 * <table>
 *   <caption>dockerlint severity to GitLab severity</caption>
 *   <tr><th>dockerlint</th><th>GitLab</th></tr>
 *   <tr><td>error, security rule</td><td>{@code critical}</td></tr>
 *   <tr><td>error, other rule</td><td>{@code major}</td></tr>
 *   <tr><td>warning</td><td>{@code minor}</td></tr>
 *   <tr><td>info, style</td><td>{@code info}</td></tr>
 * </table>
 *
 * <p>A security rule is a catalog rule tagged {@code security} or carrying a
 * {@code security-severity}; its issues are in category {@code Security}, all others in
 * {@code Style}. {@code blocker} is not used.
 *
 * <p>The {@code fingerprint} is the same line-independent hash as SARIF's (see
 * {@link Fingerprints}), taken over the path as printed here: it does not change when lines are
 * added or removed elsewhere in the file, and two findings of one rule on identical lines differ by
 * their occurrence index, so GitLab does not merge them. {@code lines.end} is the last line the
 * finding covers.
 *
 * <p>A file that could not be linted becomes an issue with {@code check_name} {@code io-error},
 * severity {@code major}, category {@code Bug Risk} and line 1, so it is not lost in the merge
 * request widget. Findings come first (file, line, column, rule), then those files in path order.
 * Paths are relative to the project root as Code Quality wants them: as given, with forward slashes
 * and without {@code ./} or {@code dir/..} segments (so {@code dockerlint .} reports {@code
 * api/Dockerfile}, not {@code ./api/Dockerfile}); the job runs in the project root. No byte-order
 * mark; the same report always gives the same bytes.
 */
public final class GitlabReporter implements Reporter {
  static final String IO_ERROR = "io-error";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, RuleInfo> rules = new HashMap<>();
    for (RuleInfo rule : report.rules()) {
      rules.putIfAbsent(rule.id(), rule);
    }
    Fingerprints fingerprints = new Fingerprints(report);
    JsonSupport.write(out, json -> {
      json.writeStartArray();
      for (Finding finding : report.findings()) {
        boolean security = isSecurity(rules.get(finding.rule()));
        int endLine = finding.range().endLine();
        if (endLine > finding.line() && finding.range().end().column() == 1) {
          endLine--;
        }
        writeIssue(json, report, finding.rule(), finding.message(), security ? "Security" : "Style",
            severity(finding.severity(), security), fingerprints.next(finding, projectPath(finding.file())),
            projectPath(finding.file()), finding.line(), endLine);
      }
      for (FileResult file : JsonSupport.failedFiles(report)) {
        writeIssue(json, report, IO_ERROR, file.error(), "Bug Risk", "major",
            Fingerprints.hash(IO_ERROR + '\u0000' + projectPath(file.path())), projectPath(file.path()), 1, 1);
      }
      json.writeEndArray();
    });
  }

  private static void writeIssue(JsonGenerator json, Report report, String check, String description, String category,
      String severity, String fingerprint, String path, int begin, int end) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "issue");
    json.writeStringField("check_name", check);
    json.writeStringField("description", description);
    JsonSupport.stringArray(json, "categories", List.of(category));
    json.writeStringField("severity", severity);
    json.writeStringField("fingerprint", fingerprint);
    json.writeObjectFieldStart("location");
    json.writeStringField("path", path);
    json.writeObjectFieldStart("lines");
    json.writeNumberField("begin", begin);
    json.writeNumberField("end", end);
    json.writeEndObject();
    json.writeEndObject();
    json.writeStringField("engine_name", report.toolName());
    json.writeEndObject();
  }

  /** {@code ./api/../api/Dockerfile} → {@code api/Dockerfile}; absolute paths stay absolute. */
  static String projectPath(String path) {
    String normal = SarifReporter.normalize(SarifReporter.forwardSlashes(path));
    return normal.isEmpty() ? path : normal;
  }

  static boolean isSecurity(RuleInfo rule) {
    return rule != null && (rule.securitySeverity() != null || rule.tags().contains("security"));
  }

  static String severity(Severity severity, boolean security) {
    return switch (severity) {
      case ERROR -> security ? "critical" : "major";
      case WARNING -> "minor";
      case INFO, STYLE -> "info";
    };
  }
}
