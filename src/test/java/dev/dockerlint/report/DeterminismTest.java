package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static byte[] bytes(Reporter reporter, Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    reporter.write(report, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sameReportGivesSameBytes() throws IOException {
    for (Reporter reporter : List.of(new TextReporter(false), new TextReporter(true), new JsonReporter(),
        new SarifReporter(), new GithubReporter(), new GitlabReporter(), new CheckstyleReporter(),
        new JunitReporter(), new GnuReporter(), new TtyReporter(false), new TtyReporter(true), new HadolintJsonReporter(),
        new CodeclimateReporter(), new CodacyReporter(), new SonarqubeReporter())) {
      Report report = ReportFixtures.sample();
      byte[] first = bytes(reporter, report);
      assertThat(bytes(reporter, report)).as(reporter.getClass().getSimpleName()).isEqualTo(first);
      assertThat(bytes(reporter, ReportFixtures.sample())).as("rebuilt report").isEqualTo(first);
    }
  }

  @Test
  void outputUsesLineFeedsOnly() throws IOException {
    for (Reporter reporter : List.of(new TextReporter(false), new JsonReporter(), new SarifReporter(),
        new GithubReporter(), new GitlabReporter(), new CheckstyleReporter(), new JunitReporter(),
        new GnuReporter())) {
      String text = new String(bytes(reporter, ReportFixtures.sample()), StandardCharsets.UTF_8);
      assertThat(text).doesNotContain("\r").endsWith("\n");
    }
    // hadolint's shapes end as hadolint ends them: a line feed, a NUL, or nothing after the JSON
    for (Reporter reporter : List.of(new TtyReporter(false), new CodacyReporter(), new HadolintJsonReporter(),
        new CodeclimateReporter(), new SonarqubeReporter())) {
      String text = new String(bytes(reporter, ReportFixtures.sample()), StandardCharsets.UTF_8);
      assertThat(text).doesNotContain("\r");
    }
  }
}
