package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void tty() throws IOException {
    Golden.assertMatches("sample.tty.txt", render(new TtyReporter(false), ReportFixtures.sample()));
    assertThat(render(new TtyReporter(false), ReportFixtures.clean())).as("nothing for a clean file").isEmpty();
  }

  @Test
  void ttyColoursTheSeverityAsHadolintDoes() throws IOException {
    String coloured = render(new TtyReporter(true), ReportFixtures.sample());
    assertThat(coloured).contains("Dockerfile:2 DL3007 \u001b[1;33mwarning\u001b[0m: Image 'node:latest'")
        .contains(" curl-pipe-shell \u001b[1;31merror\u001b[0m: ").contains(" DL3015 \u001b[92minfo\u001b[0m: ")
        .contains(" label-maintainer \u001b[36mstyle\u001b[0m: ");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(render(new TtyReporter(false), ReportFixtures.sample()));
  }

  @Test
  void hadolintJson() throws IOException {
    Golden.assertMatches("sample.hadolint.json", render(new HadolintJsonReporter(), ReportFixtures.sample()));
    assertThat(render(new HadolintJsonReporter(), ReportFixtures.clean())).isEqualTo("[]");
  }

  /** The golden file shows each NUL as a line of its own, {@code \0}; the NULs are checked here. */
  @Test
  void codeclimate() throws IOException {
    String out = render(new CodeclimateReporter(), ReportFixtures.sample());
    assertThat(out).doesNotContain("\n").endsWith("}\u0000");
    assertThat(out.split("\u0000")).hasSize(9).allMatch(issue -> issue.startsWith("{\"categories\":[\"Bug Risk\"],"));
    Golden.assertMatches("sample.codeclimate.txt", out.replace("\u0000", "\n\\0\n"));
    assertThat(render(new CodeclimateReporter(), ReportFixtures.clean())).isEmpty();
  }

  @Test
  void codacy() throws IOException {
    Golden.assertMatches("sample.codacy.txt", render(new CodacyReporter(), ReportFixtures.sample()));
    assertThat(render(new CodacyReporter(), ReportFixtures.clean())).isEmpty();
  }

  @Test
  void sonarqube() throws IOException {
    Golden.assertMatches("sample.sonarqube.json", render(new SonarqubeReporter(), ReportFixtures.sample()));
    assertThat(render(new SonarqubeReporter(), ReportFixtures.clean())).isEqualTo("{\"issues\":[]}");
  }

  /** gitlab_codeclimate, hadolint's name for GitLab's Code Quality report, is dockerlint's gitlab format. */
  @Test
  void gitlabCodeclimateIsGitlab() throws IOException {
    assertThat(render(Reporters.forFormat("gitlab_codeclimate", false).orElseThrow(), ReportFixtures.sample()))
        .isEqualTo(render(new GitlabReporter(), ReportFixtures.sample()));
  }
}
