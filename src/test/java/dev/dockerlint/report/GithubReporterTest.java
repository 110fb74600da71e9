package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GithubReporterTest {
  private static String render(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new GithubReporter().write(report, out);
    return out.toString();
  }

  private static Report oneFile(FileResult file) {
    return new Report("dockerlint", "0.1.0", ReportFixtures.HOME, List.of(file), ReportFixtures.RULES,
        id -> Optional.empty());
  }

  @Test
  void everyLineIsAWorkflowCommand() throws IOException {
    String text = render(ReportFixtures.sample());
    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(9).allMatch(l -> l.matches("::(error|warning|notice) file=[^:]+(,[a-zA-Z]+=[^,:]*)*::.+"));
    assertThat(lines).contains(
        "::warning file=Dockerfile,line=2,col=6,endLine=2,endColumn=17,title=image-latest::"
            + "Image 'node:latest' uses the mutable 'latest' tag; pin a version such as node:20.15-alpine",
        "::error file=missing/Dockerfile::cannot read file: No such file or directory");
  }

  @Test
  void severitiesMapToErrorWarningAndNotice() {
    assertThat(GithubReporter.command(Severity.ERROR)).isEqualTo("error");
    assertThat(GithubReporter.command(Severity.WARNING)).isEqualTo("warning");
    assertThat(GithubReporter.command(Severity.INFO)).isEqualTo("notice");
    assertThat(GithubReporter.command(Severity.STYLE)).isEqualTo("notice");
  }

  @Test
  void multiLineFindingsCarryNoColumns() throws IOException {
    String apt = render(ReportFixtures.sample()).lines().filter(l -> l.contains("apt-no-install-recommends"))
        .findFirst().orElseThrow();
    assertThat(apt).startsWith("::notice file=Dockerfile,line=3,endLine=4,title=apt-no-install-recommends::");
  }

  @Test
  void escapesHostilePathsAndMessages() throws IOException {
    String path = "odd,dir/C:50%/Docker\nfile";
    String message = "100% wrong,\r\nsee: ::error file=x::injected";
    FileResult file = new FileResult(path, new SourceText("FROM a\n"), List.of(
        ReportFixtures.finding(path, "rule:with,punct", Severity.ERROR, message, SourceRange.of(1, 1, 1, 7))), null);
    String text = render(oneFile(file));
    assertThat(text).isEqualTo("::error file=odd%2Cdir/C%3A50%25/Docker%0Afile,line=1,col=1,endLine=1,endColumn=7,"
        + "title=rule%3Awith%2Cpunct::100%25 wrong,%0D%0Asee: ::error file=x::injected\n");
    assertThat(text.lines()).hasSize(1);
  }

  @Test
  void escapesFileErrors() throws IOException {
    String text = render(oneFile(new FileResult("a,b:c", null, List.of(), "bad\nbytes 100%")));
    assertThat(text).isEqualTo("::error file=a%2Cb%3Ac::bad%0Abytes 100%25\n");
  }

  @Test
  void escapingRules() {
    assertThat(GithubReporter.data("a%b\rc\nd:e,f")).isEqualTo("a%25b%0Dc%0Ad:e,f");
    assertThat(GithubReporter.property("a%b\rc\nd:e,f")).isEqualTo("a%25b%0Dc%0Ad%3Ae%2Cf");
    assertThat(GithubReporter.data("%25")).isEqualTo("%2525");
  }

  @Test
  void cleanReportWritesNothing() throws IOException {
    assertThat(render(ReportFixtures.clean())).isEmpty();
  }
}
