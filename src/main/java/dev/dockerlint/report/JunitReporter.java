package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JUnit XML for CI test-report views (GitLab {@code artifacts:reports:junit}, Jenkins, Azure
 * Pipelines). There is no formal schema; this uses the common shape.
 *
 * <pre>
 * &lt;?xml version="1.0" encoding="UTF-8"?&gt;
 * &lt;testsuites name="dockerlint" tests="3" failures="2" errors="0"&gt;
 *   &lt;testsuite name="Dockerfile" tests="2" failures="2" errors="0"&gt;
 *     &lt;testcase name="expose-port-range" classname="Dockerfile" file="Dockerfile"&gt;
 *       &lt;failure message="Port '99999' is outside 0-65535 (and 1 more)" type="error"&gt;2:8: Port ...
 * 3:8: Port ...
 * help: https://...&lt;/failure&gt;
 *     &lt;/testcase&gt;
 *   &lt;/testsuite&gt;
 * &lt;/testsuites&gt;
 * </pre>
 *
 * <ul>
 *   <li>One {@code <testsuite>} per input file, in path order, named by its path.
 *   <li>One failing {@code <testcase>} per rule with findings in that file, in the order of each
 *       rule's first finding; {@code name} is the rule id, {@code classname} and {@code file} the path
 *       (GitLab shows {@code classname} as the suite and drops duplicate names, hence one case per
 *       rule rather than per finding). Its {@code <failure>} has the first finding's message (with
 *       how many more there are), {@code type} the most severe severity among them, and as text one
 *       {@code line:column: message} line per finding, then the rule's help URL when it is in the
 *       catalog.
 *   <li>A file without findings gets one passing testcase named {@code dockerlint}, so it counts as
 *       a passed test; a file that could not be linted gets a testcase {@code dockerlint} with an
 *       {@code <error type="io-error">} carrying the reason.
 *   <li>{@code tests}, {@code failures} and {@code errors} count testcases. No timestamps or times,
 *       so the same report always gives the same bytes. Escaping by {@link Xml}.
 * </ul>
 */
public final class JunitReporter implements Reporter {
  static final String FILE_CASE = "dockerlint";
  static final String IO_ERROR = "io-error";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Set<String> catalog = new HashSet<>();
    for (RuleInfo rule : report.rules()) {
      catalog.add(rule.id());
    }
    List<FileResult> files = PathOrder.files(report);
    int tests = 0;
    int failures = 0;
    int errors = 0;
    StringBuilder suites = new StringBuilder();
    for (FileResult file : files) {
      Map<String, List<Finding>> byRule = new LinkedHashMap<>();
      for (Finding finding : file.findings()) {
        byRule.computeIfAbsent(finding.rule(), k -> new ArrayList<>()).add(finding);
      }
      int fileErrors = file.error() != null ? 1 : 0;
      int fileTests = byRule.size() + fileErrors + (byRule.isEmpty() && fileErrors == 0 ? 1 : 0);
      tests += fileTests;
      failures += byRule.size();
      errors += fileErrors;
      String path = Xml.attribute(file.path());
      suites.append("  <testsuite name=\"").append(path).append("\" tests=\"").append(fileTests)
          .append("\" failures=\"").append(byRule.size()).append("\" errors=\"").append(fileErrors).append("\">\n");
      if (file.error() != null) {
        openCase(suites, FILE_CASE, path);
        suites.append(">\n      <error message=\"").append(Xml.attribute(file.error())).append("\" type=\"")
            .append(IO_ERROR).append("\"/>\n    </testcase>\n");
      } else if (byRule.isEmpty()) {
        openCase(suites, FILE_CASE, path);
        suites.append("/>\n");
      }
      for (Map.Entry<String, List<Finding>> entry : byRule.entrySet()) {
        String rule = entry.getKey();
        writeFailure(suites, rule, path, entry.getValue(), catalog.contains(rule) ? report.helpUri(rule) : null);
      }
      suites.append("  </testsuite>\n");
    }
    out.append(Xml.DECLARATION);
    out.append("<testsuites name=\"").append(Xml.attribute(report.toolName())).append("\" tests=\"")
        .append(Integer.toString(tests)).append("\" failures=\"").append(Integer.toString(failures))
        .append("\" errors=\"").append(Integer.toString(errors)).append("\">\n");
    out.append(suites);
    out.append("</testsuites>\n");
  }

  private static void openCase(StringBuilder out, String name, String escapedPath) {
    out.append("    <testcase name=\"").append(Xml.attribute(name)).append("\" classname=\"").append(escapedPath)
        .append("\" file=\"").append(escapedPath).append('"');
  }

  private static void writeFailure(StringBuilder out, String rule, String escapedPath, List<Finding> findings,
      String helpUri) {
    Severity worst = findings.get(0).severity();
    StringBuilder text = new StringBuilder();
    for (Finding finding : findings) {
      if (finding.severity().atLeast(worst)) {
        worst = finding.severity();
      }
      // each line escaped on its own: a newline in a message is a reference, never a line break
      text.append(finding.line()).append(':').append(finding.column()).append(": ").append(Xml.text(finding.message()))
          .append('\n');
    }
    if (helpUri != null) {
      text.append("help: ").append(Xml.text(helpUri)).append('\n');
    }
    String message = findings.get(0).message();
    if (findings.size() > 1) {
      message += " (and " + (findings.size() - 1) + " more)";
    }
    openCase(out, rule, escapedPath);
    out.append(">\n      <failure message=\"").append(Xml.attribute(message)).append("\" type=\"")
        .append(worst.label()).append("\">").append(text).append("</failure>\n")
        .append("    </testcase>\n");
  }
}
