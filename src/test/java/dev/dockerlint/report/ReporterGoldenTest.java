package dev.dockerlint.report;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReporterGoldenTest {
  private static String render(Reporter reporter, Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    reporter.write(report, out);
    return out.toString();
  }

  @Test
  void text() throws IOException {
    Golden.assertMatches("sample.txt", render(new TextReporter(false), ReportFixtures.sample()));
  }

  @Test
  void textWithoutProblems() throws IOException {
    Golden.assertMatches("clean.txt", render(new TextReporter(false), ReportFixtures.clean()));
  }

  @Test
  void json() throws IOException {
    Golden.assertMatches("sample.json", render(new JsonReporter(), ReportFixtures.sample()));
  }

  @Test
  void jsonWithoutProblems() throws IOException {
    Golden.assertMatches("clean.json", render(new JsonReporter(), ReportFixtures.clean()));
  }

  @Test
  void sarif() throws IOException {
    Golden.assertMatches("sample.sarif", render(new SarifReporter(), ReportFixtures.sample()));
  }

  @Test
  void sarifWithoutProblems() throws IOException {
    Golden.assertMatches("clean.sarif", render(new SarifReporter(), ReportFixtures.clean()));
  }

  @Test
  void github() throws IOException {
    Golden.assertMatches("sample.github.txt", render(new GithubReporter(), ReportFixtures.sample()));
  }

  @Test
  void gnu() throws IOException {
    Golden.assertMatches("sample.gnu.txt", render(new GnuReporter(), ReportFixtures.sample()));
  }

  @Test
  void gitlab() throws IOException {
    Golden.assertMatches("sample.gitlab.json", render(new GitlabReporter(), ReportFixtures.sample()));
  }

  @Test
  void checkstyle() throws IOException {
    Golden.assertMatches("sample.checkstyle.xml", render(new CheckstyleReporter(), ReportFixtures.sample()));
  }

  @Test
  void junit() throws IOException {
    Golden.assertMatches("sample.junit.xml", render(new JunitReporter(), ReportFixtures.sample()));
  }
}
