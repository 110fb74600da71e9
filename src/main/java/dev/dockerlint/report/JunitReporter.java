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
    // the totals come first in the document: counted in a pass of their own, so the suites can be
    // written as they are made rather than gathered in memory
    int tests = 0;
    int failures = 0;
    int errors = 0;
    for (FileResult file : files) {
      int rules = ruleCount(file);
      int fileErrors = file.error() != null ? 1 : 0;
      tests += testCount(rules, fileErrors);
      failures += rules;
      errors += fileErrors;
    }
    out.append(Xml.DECLARATION);
    out.append("<testsuites name=\"").append(Xml.attribute(report.toolName())).append("\" tests=\"")
        .append(Integer.toString(tests)).append("\" failures=\"").append(Integer.toString(failures))
        .append("\" errors=\"").append(Integer.toString(errors)).append("\">\n");
    for (FileResult file : files) {
      Map<String, List<Finding>> byRule = new LinkedHashMap<>();
      for (Finding finding : file.findings()) {
        byRule.computeIfAbsent(finding.rule(), k -> new ArrayList<>()).add(finding);
      }
      int fileErrors = file.error() != null ? 1 : 0;
      String path = Xml.attribute(file.path());
      out.append("  <testsuite name=\"").append(path).append("\" tests=\"")
          .append(Integer.toString(testCount(byRule.size(), fileErrors))).append("\" failures=\"")
          .append(Integer.toString(byRule.size())).append("\" errors=\"").append(Integer.toString(fileErrors))
          .append("\">\n");
      if (file.error() != null) {
        openCase(out, FILE_CASE, path);
        out.append(">\n      <error message=\"").append(Xml.attribute(file.error())).append("\" type=\"")
            .append(IO_ERROR).append("\"/>\n    </testcase>\n");
      } else if (byRule.isEmpty()) {
        openCase(out, FILE_CASE, path);
        out.append("/>\n");
      }
      for (Map.Entry<String, List<Finding>> entry : byRule.entrySet()) {
        String rule = entry.getKey();
        writeFailure(out, rule, path, entry.getValue(), catalog.contains(rule) ? report.helpUri(rule) : null);
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
  }

  /** How many rules have findings in the file: its failing testcases. */
  private static int ruleCount(FileResult file) {
    Set<String> rules = new HashSet<>();
    for (Finding finding : file.findings()) {
      rules.add(finding.rule());
    }
    return rules.size();
  }

  /** A file's testcases: one per rule with findings, one for an error, else one passing case. */
  private static int testCount(int rules, int errors) {
    return rules + errors + (rules == 0 && errors == 0 ? 1 : 0);
  }

  private static void openCase(Appendable out, String name, String escapedPath) throws IOException {
    out.append("    <testcase name=\"").append(Xml.attribute(name)).append("\" classname=\"").append(escapedPath)
        .append("\" file=\"").append(escapedPath).append('"');
  }

  private static void writeFailure(Appendable out, String rule, String escapedPath, List<Finding> findings,
      String helpUri) throws IOException {
    Severity worst = findings.get(0).severity();
    for (Finding finding : findings) {
      if (finding.severity().atLeast(worst)) {
        worst = finding.severity();
      }
    }
    String message = findings.get(0).message();
    if (findings.size() > 1) {
      message += " (and " + (findings.size() - 1) + " more)";
    }
    openCase(out, rule, escapedPath);
    out.append(">\n      <failure message=\"").append(Xml.attribute(message)).append("\" type=\"")
        .append(worst.label()).append("\">");
    for (Finding finding : findings) {
      // each line escaped on its own: a newline in a message is a reference, never a line break
      out.append(Integer.toString(finding.line())).append(':').append(Integer.toString(finding.column())).append(": ")
          .append(Xml.text(finding.message())).append('\n');
    }
    if (helpUri != null) {
      out.append("help: ").append(Xml.text(helpUri)).append('\n');
    }
    out.append("</failure>\n").append("    </testcase>\n");
  }
}
