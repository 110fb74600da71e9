package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Analyzers beside the rules: their findings take the same way through the linter, and replace the rules they supersede. */
class AnalyzerTest {
  static final String FILE = "FROM debian:12\nRUN echo $a\nRUN echo $b\n";

  /** Reports SC2086 on every RUN's command; says it checked only the first RUN. */
  static final class StandIn implements Analyzer {
    final AtomicBoolean started = new AtomicBoolean();
    String warning;
    Set<String> supersedes = Set.of("native-quote");

    @Override
    public Pending start(Dockerfile file) {
      started.set(true);
      List<Finding> findings = new ArrayList<>();
      List<SourceRange> checked = new ArrayList<>();
      for (Instruction instruction : file.instructions()) {
        if (instruction instanceof Run run) {
          findings.add(new Finding(file.path(), "SC2086", Severity.INFO, "Double quote", run.command().range(), List.of()));
          if (checked.isEmpty()) {
            checked.add(run.range());
          }
        }
      }
      Outcome outcome = new Outcome(findings, checked, warning);
      return new Pending() {
        @Override
        public Outcome await() {
          return outcome;
        }
      };
    }

    @Override
    public Set<String> supersedes() {
      return supersedes;
    }
  }

  /** A native check of the same thing, on every RUN, under ShellCheck's code; notes whether the analyzer had started. */
  static final class NativeQuote implements Rule {
    static final RuleInfo INFO = RuleInfo.of("native-quote", Severity.WARNING, "Unquoted variable", "SC2086");
    final StandIn analyzer;
    boolean analyzerStartedFirst;

    NativeQuote(StandIn analyzer) {
      this.analyzer = analyzer;
    }

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      analyzerStartedFirst = analyzer.started.get();
      for (Instruction instruction : file.instructions()) {
        if (instruction instanceof Run run) {
          context.report(run.command().range(), "native");
        }
      }
    }
  }

  private static List<String> lint(String text, LintSettings settings, StandIn analyzer, Rule... rules) {
    List<String> out = new ArrayList<>();
    for (Finding f : new Linter(List.of(rules), settings, List.of(analyzer)).lint(DockerfileParser.parse("Dockerfile", text))) {
      out.add(f.rule() + " " + f.severity().label() + " " + f.range());
    }
    return out;
  }

  @Test
  void theAnalyzerStartsBeforeTheRulesAndSupersedesThemWhereItChecked() {
    StandIn analyzer = new StandIn();
    NativeQuote rule = new NativeQuote(analyzer);
    assertThat(lint(FILE, LintSettings.DEFAULTS, analyzer, rule)).containsExactly(
        "SC2086 info 2:5-2:12", "SC2086 info 3:5-3:12", "native-quote warning 3:5-3:12");
    assertThat(rule.analyzerStartedFirst).isTrue();
  }

  @Test
  void itsFindingsGoThroughPragmasIgnoresAndOverrides() {
    StandIn analyzer = new StandIn();
    assertThat(lint("FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $a\nRUN echo $b\n", LintSettings.DEFAULTS, analyzer))
        .containsExactly("SC2086 info 4:5-4:12");
    assertThat(lint("# dockerlint global ignore=sc2086\n" + FILE, LintSettings.DEFAULTS, analyzer)).isEmpty();
    assertThat(lint(FILE, new LintSettings(Set.of("SC2086"), Set.of(), Map.of(), List.of()), analyzer)).isEmpty();
    assertThat(lint(FILE, new LintSettings(Set.of(), Set.of(), Map.of("SC2086", Severity.ERROR), List.of()), analyzer))
        .containsExactly("SC2086 error 2:5-2:12", "SC2086 error 3:5-3:12");
  }

  @Test
  void anOverrideOfAFamilyCodeAlsoReachesARuleFindingThatStandsForIt() {
    StandIn analyzer = new StandIn();
    analyzer.supersedes = Set.of();
    LintSettings errors = new LintSettings(Set.of(), Set.of(), Map.of("SC2086", Severity.ERROR), List.of());
    assertThat(lint("FROM debian:12\nRUN echo $a\n", errors, analyzer, new NativeQuote(analyzer)))
        .containsExactly("SC2086 error 2:5-2:12", "native-quote error 2:5-2:12");
  }

  @Test
  void itsWarningIsPartOfTheResult() {
    StandIn analyzer = new StandIn();
    analyzer.warning = "ShellCheck exited with status 3";
    Linter.Result result = new Linter(List.of(), LintSettings.DEFAULTS, List.of(analyzer))
        .check(DockerfileParser.parse("Dockerfile", FILE), null);
    assertThat(result.analyzerWarnings()).containsExactly("ShellCheck exited with status 3");
    assertThat(result.findings()).hasSize(2);
  }

  @Test
  void anAnalyzerThatThrowsLeavesTheRulesFindingsAndAWarning() {
    Analyzer throwing = new Analyzer() {
      @Override
      public Pending start(Dockerfile file) {
        throw new IllegalStateException("bug");
      }

      @Override
      public Set<String> supersedes() {
        return Set.of("native-quote");
      }
    };
    Linter.Result result = new Linter(List.of(new NativeQuote(new StandIn())), LintSettings.DEFAULTS, List.of(throwing))
        .check(DockerfileParser.parse("Dockerfile", FILE), null);
    assertThat(result.findings()).extracting(Finding::rule).containsExactly("native-quote", "native-quote");
    assertThat(result.analyzerWarnings()).containsExactly("an analyzer failed (IllegalStateException); its findings for this "
        + "file are missing; please report this with the Dockerfile");
  }

  @Test
  void theCatalogKnowsAFamilysCodesWithoutARuleEach() {
    RuleFamily sc = new RuleFamily("ShellCheck", "SC", 4, "https://www.shellcheck.net/wiki/");
    RuleCatalog catalog = new RuleCatalog(List.of(new NativeQuote(new StandIn())), List.of(sc));
    assertThat(catalog.isKnown("SC2046")).isTrue();
    assertThat(catalog.isKnown("sc2046")).isTrue();
    assertThat(catalog.isKnown("SC204")).isFalse();
    assertThat(catalog.isKnown("SC20466")).isFalse();
    assertThat(catalog.isKnown("SCxxxx")).isFalse();
    assertThat(catalog.family("sc2046")).contains(sc);
    assertThat(catalog.resolve("SC2086")).extracting(r -> r.info().id()).containsExactly("native-quote");
    RuleInfo info = sc.info("sc2046", Severity.WARNING);
    assertThat(info.id()).isEqualTo("SC2046");
    assertThat(info.helpUri()).isEqualTo("https://www.shellcheck.net/wiki/SC2046");
    assertThat(info.summary()).doesNotEndWith(".");
  }
}
