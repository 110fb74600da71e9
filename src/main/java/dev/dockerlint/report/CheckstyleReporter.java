package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Severity;
import java.io.IOException;

/**
 * Checkstyle XML, as read by Jenkins Warnings NG, reviewdog ({@code -f=checkstyle}), cs2pr and
 * SonarQube importers.
 *
 * <pre>
 * &lt;?xml version="1.0" encoding="UTF-8"?&gt;
 * &lt;checkstyle version="4.3"&gt;
 *   &lt;file name="Dockerfile"&gt;
 *     &lt;error line="2" column="6" severity="warning" message="Image ..." source="dockerlint.image-latest"/&gt;
 *   &lt;/file&gt;
 * &lt;/checkstyle&gt;
 * </pre>
 *
 * <ul>
 *   <li>One {@code <file>} per input file in path order, including files without findings (so a
 *       consumer can tell "checked and clean" from "not checked"), findings by position.
 *   <li>{@code severity} is {@code error}, {@code warning} or {@code info} (info and style);
 *       {@code source} is {@code dockerlint.} plus the rule id. Lines and columns are 1-based;
 *       columns count UTF-16 code units, as in the JSON and SARIF formats.
 *   <li>A file that could not be linted gets one {@code <error line="1" severity="error"
 *       source="dockerlint.io-error">} with the reason as its message.
 *   <li>Attribute values are escaped by {@link Xml}: markup characters as entities, control
 *       characters as references or escapes, so no value breaks a line.
 * </ul>
 */
public final class CheckstyleReporter implements Reporter {
  static final String VERSION = "4.3";
  static final String SOURCE_PREFIX = "dockerlint.";
  static final String IO_ERROR = "io-error";

  @Override
  public void write(Report report, Appendable out) throws IOException {
    out.append(Xml.DECLARATION);
    out.append("<checkstyle version=\"").append(VERSION).append("\">\n");
    for (FileResult file : PathOrder.files(report)) {
      out.append("  <file name=\"").append(Xml.attribute(file.path())).append("\">\n");
      if (file.error() != null) {
        out.append("    <error line=\"1\" severity=\"error\" message=\"").append(Xml.attribute(file.error()))
            .append("\" source=\"").append(SOURCE_PREFIX).append(IO_ERROR).append("\"/>\n");
      }
      for (Finding finding : file.findings()) {
        out.append("    <error line=\"").append(Integer.toString(finding.line()))
            .append("\" column=\"").append(Integer.toString(finding.column()))
            .append("\" severity=\"").append(severity(finding.severity()))
            .append("\" message=\"").append(Xml.attribute(finding.message()))
            .append("\" source=\"").append(Xml.attribute(SOURCE_PREFIX + finding.rule())).append("\"/>\n");
      }
      out.append("  </file>\n");
    }
    out.append("</checkstyle>\n");
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "info";
    };
  }
}
