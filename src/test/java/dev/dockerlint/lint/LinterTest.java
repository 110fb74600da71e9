package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.parse.DockerfileParser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Suppressions, settings and failure isolation are the linter's job; rules here are stand-ins. */
class LinterTest {
  /** Reports every FROM, under two aliases split by FROM's casing so alias suppression can be tested. */
  static final class EveryFrom implements Rule {
    static final RuleInfo INFO = RuleInfo.of("every-from", Severity.WARNING, "Reports every FROM", "XX1", "XX2");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      for (From from : file.instructions(From.class)) {
        boolean upper = from.keyword().text().equals("FROM");
        context.reportAs(from.keyword().range(), "FROM " + from.image().text(), upper ? "XX1" : "XX2");
      }
    }
  }

  /** A rule with a bug: it throws on every file (an exception, or an error such as out-of-memory). */
  static final class Throwing implements Rule {
    private final RuleInfo info;
    private final Throwable thrown;

    Throwing(String id, Throwable thrown) {
      this.info = RuleInfo.of(id, Severity.INFO, "Always fails");
      this.thrown = thrown;
    }

    @Override
    public RuleInfo info() {
      return info;
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      if (thrown instanceof RuntimeException e) {
        throw e;
      }
      throw (Error) thrown;
    }
  }

  static final class OffByDefault implements Rule {
    @Override
    public RuleInfo info() {
      return RuleInfo.of("opt-in", Severity.INFO, "Off unless enabled").offByDefault();
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      context.report(file.instructions().get(0), "opt-in ran");
    }
  }

  private static List<Finding> lint(String text, LintSettings settings, Rule... rules) {
    return new Linter(List.of(rules), settings).lint(DockerfileParser.parse("Dockerfile", text));
  }

  private static List<Integer> lines(List<Finding> findings) {
    return findings.stream().map(Finding::line).toList();
  }

  /** hadolint's disable-ignore-pragma: none of the file's own suppressions count, the settings' still do. */
  @Test
  void disableIgnorePragmaDisregardsEverySuppressionInTheFile() {
    String text = "# check=skip=every-from\n# dockerlint global ignore=XX2\n# hadolint ignore=XX1\nFROM a:1\n"
        + "# dockerlint ignore=every-from\nfrom b:1\nFROM c:1\n";
    assertThat(lint(text, LintSettings.DEFAULTS, new EveryFrom())).isEmpty();
    LintSettings noPragmas = new LintSettings(Set.of(), Set.of(), Map.of(), List.of(), Map.of(), null, false, true);
    assertThat(lines(lint(text, noPragmas, new EveryFrom()))).containsExactly(4, 6, 7);
    LintSettings ignoring = new LintSettings(Set.of("xx2"), Set.of(), Map.of(), List.of(), Map.of(), null, false, true);
    assertThat(lines(lint(text, ignoring, new EveryFrom()))).as("the settings' ignore list still counts").containsExactly(4, 7);
  }

  /** A severity given for an alias changes the findings that alias stands for; the alias wins over the rule id. */
  @Test
  void aSeverityByAliasChangesOnlyThatAliasFindings() {
    String text = "FROM a:1\nfrom b:1\n";
    LintSettings byAlias = new LintSettings(Set.of(), Set.of(), Map.of("xx2", Severity.ERROR), List.of());
    assertThat(lint(text, byAlias, new EveryFrom())).extracting(Finding::severity)
        .containsExactly(Severity.WARNING, Severity.ERROR);
    LintSettings both = new LintSettings(Set.of(), Set.of(),
        Map.of("every-from", Severity.STYLE, "xx1", Severity.INFO), List.of());
    assertThat(lint(text, both, new EveryFrom())).extracting(Finding::severity)
        .containsExactly(Severity.INFO, Severity.STYLE);
  }

  @Test
  void pragmaAboveAnInstructionSuppressesOnlyThatInstruction() {
    String text = "# dockerlint ignore=every-from\nFROM a:1 AS x\nFROM b:1\n";
    assertThat(lines(lint(text, LintSettings.DEFAULTS, new EveryFrom()))).containsExactly(3);
  }

  @Test
  void pragmaMayShareTheCommentBlockButNotBeSeparatedByABlankLine() {
    String text = "# dockerlint ignore=every-from\n# why: pinned elsewhere\nFROM a:1\n"
        + "# dockerlint ignore=every-from\n\nFROM b:1\n";
    assertThat(lines(lint(text, LintSettings.DEFAULTS, new EveryFrom()))).containsExactly(6);
  }

  @Test
  void globalPragmaCoversTheWholeFile() {
    String text = "FROM a:1\n# dockerlint global ignore=every-from\nFROM b:1\n";
    assertThat(lint(text, LintSettings.DEFAULTS, new EveryFrom())).isEmpty();
  }

  @Test
  void hadolintPragmasSuppressExactlyTheFindingsTheirAliasStandsFor() {
    String text = "# hadolint ignore=XX1\nFROM a:1\n# hadolint ignore=XX1\nfrom b:1\n";
    assertThat(lines(lint(text, LintSettings.DEFAULTS, new EveryFrom()))).containsExactly(4);
    String global = "# hadolint global ignore=xx2\nFROM a:1\nfrom b:1\n";
    assertThat(lines(lint(global, LintSettings.DEFAULTS, new EveryFrom()))).containsExactly(2);
  }

  @Test
  void pragmaWithSeveralRulesAndAReason() {
    String text = "# dockerlint ignore=other,every-from because the base is internal\nFROM a:1\n";
    assertThat(lint(text, LintSettings.DEFAULTS, new EveryFrom())).isEmpty();
  }

  @Test
  void spacesAroundTheCommasOfAListAreAllowed() {
    String text = "# hadolint ignore=DL3023, XX1\nFROM a:1\n# dockerlint global ignore = other , xx2\nfrom b:1\n";
    assertThat(lint(text, LintSettings.DEFAULTS, new EveryFrom())).isEmpty();
    assertThat(Suppressions.names("a, b ,c d, e")).containsExactly("a", "b", "c");
    assertThat(Suppressions.names("DL3002 # the entrypoint drops privileges")).containsExactly("DL3002");
  }

  @Test
  void aStagePragmaAboveAFromCoversThatStageOnly() {
    String text = "FROM a:1\nFROM b:1\n# hadolint stage ignore=XX1\nFROM c:1\nFROM d:1\nFROM e:1\n";
    Linter.Result result = new Linter(List.of(new EveryFrom()), LintSettings.DEFAULTS)
        .check(DockerfileParser.parse("Dockerfile", text), null);
    assertThat(lines(result.findings())).containsExactly(1, 2, 5, 6);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aStagePragmaNotAboveAFromCoversNothingAndSaysSo() {
    String text = "FROM a:1\n# dockerlint stage ignore=every-from\n\nFROM b:1\n";
    Linter.Result result = new Linter(List.of(new EveryFrom()), LintSettings.DEFAULTS)
        .check(DockerfileParser.parse("Dockerfile", text), null);
    assertThat(lines(result.findings())).containsExactly(1, 4);
    assertThat(result.warnings()).containsExactly("Dockerfile:2: '# dockerlint stage ignore=every-from' is not directly "
        + "above a FROM, so it covers no stage; move it above the FROM of the stage");
  }

  @Test
  void aNameNoRuleStandsForIsWarnedAboutAndTheRestStillApply() {
    String text = "# hadolint ignore=crazy,XX1\nFROM a:1\n# dockerlint global ignore=SC2086,opt-in,xx2\n";
    Linter.Result result = new Linter(List.of(new EveryFrom(), new OffByDefault()), LintSettings.DEFAULTS)
        .check(DockerfileParser.parse("Dockerfile", text), null);
    assertThat(result.findings()).isEmpty();
    assertThat(result.warnings()).containsExactly("Dockerfile:1: pragma names 'crazy', which no rule stands for, so it "
        + "was skipped; run 'dockerlint rules' for the ids and aliases");
  }

  @Test
  void buildkitCheckSkipDirectiveIsHonouredThroughAliases() {
    String text = "# check=skip=XX1\nFROM a:1\nfrom b:1\n";
    assertThat(lines(lint(text, LintSettings.DEFAULTS, new EveryFrom()))).containsExactly(3);
  }

  @Test
  void settingsIgnoreByIdOrAliasAndOverrideSeverity() {
    String text = "FROM a:1\nfrom b:1\n";
    assertThat(lint(text, new LintSettings(Set.of("every-from"), Set.of(), Map.of(), List.of()), new EveryFrom())).isEmpty();
    assertThat(lines(lint(text, new LintSettings(Set.of("XX2"), Set.of(), Map.of(), List.of()), new EveryFrom())))
        .containsExactly(1);
    List<Finding> overridden =
        lint(text, new LintSettings(Set.of(), Set.of(), Map.of("every-from", Severity.ERROR), List.of()), new EveryFrom());
    assertThat(overridden).extracting(Finding::severity).containsOnly(Severity.ERROR);
  }

  @Test
  void offByDefaultRulesRunOnlyWhenEnabled() {
    assertThat(lint("FROM a:1\n", LintSettings.DEFAULTS, new OffByDefault())).isEmpty();
    assertThat(lint("FROM a:1\n", new LintSettings(Set.of(), Set.of("opt-in"), Map.of(), List.of()), new OffByDefault()))
        .extracting(Finding::message).containsExactly("opt-in ran");
  }

  @Test
  void aFailingRuleBecomesAnInternalErrorAndOthersStillReport() {
    List<Finding> findings = lint("FROM a:1\n", LintSettings.DEFAULTS, new Throwing("broken", new IllegalStateException("boom")), new EveryFrom());
    assertThat(findings).extracting(Finding::rule).containsExactly("every-from", Linter.INTERNAL_ERROR);
    assertThat(findings.get(1).message()).contains("'broken'").contains("IllegalStateException").contains("report");
  }

  @Test
  void findingsAreSortedByPosition() {
    List<Finding> findings = lint("FROM a:1\nFROM b:1\nFROM c:1\n", LintSettings.DEFAULTS, new EveryFrom());
    assertThat(lines(findings)).containsExactly(1, 2, 3);
  }

  /** Big enough that the linter spreads its rules over threads. */
  private static String largeFile() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() <= Linter.PARALLEL_RULES_CHARS; i++) {
      text.append(i % 2 == 0 ? "FROM" : "from").append(" image").append(i).append(":1\n");
    }
    return text.toString();
  }

  @Test
  void aLargeFileRunsRulesOnSeveralThreadsWithTheSameFindingsInTheSameOrder() {
    String text = largeFile();
    Dockerfile file = DockerfileParser.parse("Dockerfile", text);
    LintSettings enabled = new LintSettings(Set.of(), Set.of("opt-in"), Map.of(), List.of());
    List<Rule> rules = List.of(new EveryFrom(), new Throwing("broken", new IllegalStateException("boom")), new OffByDefault(), new EveryFrom());
    List<Finding> together = new Linter(rules, enabled).lint(file);
    List<Finding> oneByOne = new java.util.ArrayList<>();
    for (Rule rule : rules) {
      oneByOne.addAll(new Linter(List.of(rule), enabled).lint(file));
    }
    oneByOne.sort(Finding.ORDER);
    assertThat(together).hasSize(2 * file.instructions().size() + 2).isEqualTo(oneByOne);
    assertThat(together).filteredOn(f -> f.rule().equals(Linter.INTERNAL_ERROR)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("'broken'").contains("IllegalStateException"));
  }

  @Test
  void anErrorOtherThanAStackOverflowInARuleThreadEndsTheRun() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", largeFile());
    Linter linter = new Linter(List.of(new EveryFrom(), new EveryFrom(), new Throwing("oom", new OutOfMemoryError("stand-in")), new EveryFrom()),
        LintSettings.DEFAULTS);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> linter.lint(file))
        .isInstanceOf(OutOfMemoryError.class).hasMessage("stand-in");
  }
}
