package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GnuReporterTest {
  private static String render(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new GnuReporter().write(report, out);
    return out.toString();
  }

  @Test
  void oneLinePerFindingAndFileError() throws IOException {
    List<String> lines = render(ReportFixtures.sample()).lines().toList();
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0)).isEqualTo("Dockerfile:2:6: warning: Image 'node:latest' uses the mutable 'latest' tag; "
        + "pin a version such as node:20.15-alpine [image-latest]");
    assertThat(lines).contains("missing/Dockerfile: error: cannot read file: No such file or directory");
    assertThat(lines).allMatch(l -> l.matches("[^:]+(:\\d+:\\d+)?: (error|warning|info): .+"));
  }

  @Test
  void columnsExpandTabsToEightAndCountCharacters() throws IOException {
    // "\tRUN\tcurl": UTF-16 column 6 is 'c'; tab to 9, RUN 9-11, tab to 17
    List<String> lines = render(ReportFixtures.sample()).lines().toList();
    assertThat(lines).contains("Dockerfile:5:17: error: Script from 'https://example.com/install.sh' is piped into "
        + "'sh'; download, verify, then run it [curl-pipe-shell]");
    // line 6 has a whale (two UTF-16 units) before the finding: one column less than UTF-16
    assertThat(lines).anyMatch(l -> l.startsWith("Dockerfile:6:31: info: Label 'maintainer'"));
  }

  @Test
  void columnWithoutSourceIsTheFindingsColumn() {
    var finding = ReportFixtures.finding("f", "r", Severity.INFO, "m", SourceRange.of(3, 4, 3, 5));
    assertThat(GnuReporter.column(null, finding)).isEqualTo(4);
    assertThat(GnuReporter.column(new SourceText("a\n"), finding)).isEqualTo(4);
    var pastEnd = ReportFixtures.finding("f", "r", Severity.INFO, "m", SourceRange.of(1, 4, 1, 4));
    assertThat(GnuReporter.column(new SourceText("\t\n"), pastEnd)).isEqualTo(11);
  }

  @Test
  void controlCharactersCannotBreakTheLine() throws IOException {
    String path = "a\nb";
    Report report = new Report("dockerlint", "0.1.0", ReportFixtures.HOME, List.of(new FileResult(path,
        new SourceText("FROM a\n"),
        List.of(ReportFixtures.finding(path, "r", Severity.STYLE, "one\ntwo\u001b[31m", SourceRange.of(1, 1, 1, 2))),
        null)), List.of(), id -> Optional.empty());
    assertThat(render(report)).isEqualTo("a\\nb:1:1: info: one\\ntwo\\x1b[31m [r]\n");
  }

  @Test
  void cleanReportWritesNothing() throws IOException {
    assertThat(render(ReportFixtures.clean())).isEmpty();
  }
}
