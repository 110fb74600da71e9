package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  @Test
  void textIgnoresIndentationButNotContent() {
    Finding finding = ReportFixtures.finding("Dockerfile", "user-root", Severity.WARNING, "m",
        SourceRange.of(1, 6, 1, 10));
    String plain = Fingerprints.text(finding, new SourceText("USER root\n"));
    String indented = Fingerprints.text(finding, new SourceText("  USER   root  \n"));
    String other = Fingerprints.text(finding, new SourceText("USER admin\n"));
    assertThat(indented).isEqualTo(plain).isEqualTo("USER root");
    assertThat(other).isNotEqualTo(plain);
    assertThat(Fingerprints.text(finding, null)).isEqualTo("message:m");
  }

  @Test
  void textOfARangeEndingAtColumnOneLeavesOutTheNextLine() {
    Finding finding = ReportFixtures.finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(1, 1, 2, 1));
    assertThat(Fingerprints.text(finding, new SourceText("RUN a\nRUN b\n"))).isEqualTo("RUN a");
  }

  @Test
  void identicalLinesAreToldApartByOccurrence() {
    Report report = ReportFixtures.sample();
    Fingerprints fingerprints = new Fingerprints(report);
    List<String> api = report.findings().stream()
        .filter(f -> f.rule().equals("expose-port-range"))
        .map(f -> fingerprints.next(f, f.file()))
        .toList();
    assertThat(api).hasSize(2).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{32}"));
  }

  @Test
  void pathAndRuleArePartOfTheFingerprint() {
    Finding finding = ReportFixtures.finding("Dockerfile", "user-root", Severity.WARNING, "m",
        SourceRange.of(1, 6, 1, 10));
    Report report = new Report("t", "1", "u",
        List.of(new FileResult("Dockerfile", new SourceText("USER root\n"), List.of(finding), null)),
        List.of(), id -> Optional.empty());
    String plain = new Fingerprints(report).next(finding, "Dockerfile");
    assertThat(new Fingerprints(report).next(finding, "Dockerfile")).isEqualTo(plain);
    assertThat(new Fingerprints(report).next(finding, "other/Dockerfile")).isNotEqualTo(plain);
    Finding otherRule = ReportFixtures.finding("Dockerfile", "user-zero", Severity.WARNING, "m",
        SourceRange.of(1, 6, 1, 10));
    assertThat(new Fingerprints(report).next(otherRule, "Dockerfile")).isNotEqualTo(plain);
  }
}
