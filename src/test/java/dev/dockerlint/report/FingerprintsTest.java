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

  @Test
  void aFingerprintIsTheHashOfRulePathTextAndOccurrence() {
    // pinned: fingerprints must not change between versions, or code scanning reopens every alert
    assertThat(Fingerprints.hash("a")).isEqualTo("ca978112ca1bbdcafac231b39a23dc4d");
    String line = "RUN   apt-get install \u00e9\uD83D\uDC33 \\";
    SourceText source = new SourceText("FROM a\n" + line + "\n  curl\n");
    List<Finding> findings = List.of(
        ReportFixtures.finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(2, 1, 2, 4)),
        ReportFixtures.finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(2, 7, 2, 14)),
        ReportFixtures.finding("Dockerfile", "s", Severity.INFO, "m", SourceRange.of(2, 1, 3, 7)),
        ReportFixtures.finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(2, 1, 3, 1)),
        ReportFixtures.finding("Dockerfile", "r", Severity.INFO, "m", SourceRange.of(3, 3, 3, 7)));
    Report report = new Report("t", "1", "u", List.of(new FileResult("Dockerfile", source, findings, null)),
        List.of(), id -> Optional.empty());
    Fingerprints fingerprints = new Fingerprints(report);
    String one = "RUN apt-get install \u00e9\uD83D\uDC33 \\";
    assertThat(findings).map(f -> fingerprints.next(f, "p/Dockerfile")).containsExactly(
        Fingerprints.hash("r\u0000p/Dockerfile\u0000" + one + "\u00000"),
        Fingerprints.hash("r\u0000p/Dockerfile\u0000" + one + "\u00001"),
        Fingerprints.hash("s\u0000p/Dockerfile\u0000" + one + "\ncurl\u00000"),
        Fingerprints.hash("r\u0000p/Dockerfile\u0000" + one + "\u00002"),
        Fingerprints.hash("r\u0000p/Dockerfile\u0000curl\u00000"));
  }
}
