package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * BuildKit's {@code # check=} directive ({@code skip}, {@code error}, {@code experimental}) and
 * severities per finding, as the linter applies them; the rules here are stand-ins.
 */
class BuildkitDirectivesTest {
  /** Stands for a BuildKit check: one warning per FROM. */
  static final class Casing implements Rule {
    static final RuleInfo INFO = RuleInfo.of("bk-casing", Severity.WARNING, "Stands for a BuildKit check", "FromAsCasing");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      for (From from : file.instructions(From.class)) {
        context.report(from.keyword(), "casing");
      }
    }
  }

  /** A rule of our own, no BuildKit alias. */
  static final class Own implements Rule {
    @Override
    public RuleInfo info() {
      return RuleInfo.of("own", Severity.WARNING, "Our own check");
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      for (From from : file.instructions(From.class)) {
        context.report(from.keyword(), "own");
      }
    }
  }

  /** An error rule that reports some findings as warnings. */
  static final class Mixed implements Rule {
    @Override
    public RuleInfo info() {
      return RuleInfo.of("mixed", Severity.ERROR, "Errors and warnings", "DL9999", "ExposeProtoCasing");
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      for (From from : file.instructions(From.class)) {
        context.reportAs(from.image().range(), "bad", Severity.ERROR, "DL9999");
        context.reportAs(from.keyword().range(), "casing", Severity.WARNING, "ExposeProtoCasing");
        context.report(from.range(), "plain", Severity.INFO);
      }
    }
  }

  /** Stands for an experimental BuildKit check, off by default. */
  static final class Experimental implements Rule {
    @Override
    public RuleInfo info() {
      return RuleInfo.of("bk-experimental", Severity.INFO, "Experimental", "InvalidDefinitionDescription").offByDefault();
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      for (From from : file.instructions(From.class)) {
        context.report(from.keyword(), "experimental");
      }
    }
  }

  private static final List<Rule> RULES = List.of(new Casing(), new Own(), new Mixed(), new Experimental());

  private static List<String> lint(String text, LintSettings settings) {
    List<String> out = new ArrayList<>();
    for (Finding f : new Linter(RULES, settings).lint(DockerfileParser.parse("Dockerfile", text))) {
      out.add(f.rule() + ":" + f.severity().label() + ":" + f.message());
    }
    return out;
  }

  private static List<String> lint(String text) {
    return lint(text, LintSettings.DEFAULTS);
  }

  @Test
  void eachFindingKeepsTheSeverityItWasReportedWith() {
    assertThat(lint("FROM alpine:3.20\n")).contains("mixed:error:bad", "mixed:warning:casing", "mixed:info:plain");
  }

  @Test
  void aConfiguredSeverityWinsOverTheOneReported() {
    var settings = new LintSettings(Set.of(), Set.of(), Map.of("mixed", Severity.STYLE), List.of());
    assertThat(lint("FROM alpine:3.20\n", settings)).contains("mixed:style:bad", "mixed:style:casing", "mixed:style:plain");
  }

  @Test
  void errorTrueMakesTheBuildkitChecksErrors() {
    assertThat(lint("# check=error=true\nFROM alpine:3.20\n")).contains(
        "bk-casing:error:casing", "mixed:error:casing", // BuildKit names: now errors
        "mixed:error:plain", // reported with all the rule's aliases, a BuildKit name among them
        "own:warning:own"); // ours: unchanged
    assertThat(lint("# check=error=false\nFROM alpine:3.20\n")).contains("bk-casing:warning:casing");
    assertThat(lint("# check=skip=JSONArgsRecommended;error=1\nFROM alpine:3.20\n")).contains("bk-casing:error:casing");
    // the configuration still decides for the rules it names
    var settings = new LintSettings(Set.of(), Set.of(), Map.of("bk-casing", Severity.INFO), List.of());
    assertThat(lint("# check=error=true\nFROM alpine:3.20\n", settings)).contains("bk-casing:info:casing");
  }

  @Test
  void skipAllSkipsBuildkitChecksButNeverABuildError() {
    List<String> findings = lint("# check=skip=all\nFROM alpine:3.20\nRUNN x\n");
    assertThat(findings).noneMatch(f -> f.startsWith("bk-casing:") || f.contains(":casing"));
    assertThat(findings).contains("own:warning:own", "mixed:error:bad");
    assertThat(new Linter(List.of(new dev.dockerlint.rules.syntax.SyntaxErrorRule()), LintSettings.DEFAULTS)
        .lint(DockerfileParser.parse("Dockerfile", "# check=skip=all\nFROM alpine:3.20\nRUNN x\n")))
        .extracting(Finding::rule).containsExactly("syntax-error");
  }

  @Test
  void skipNamesAreRuleNamesOrAliases() {
    assertThat(lint("# check=skip=FromAsCasing,own\nFROM alpine:3.20\n"))
        .noneMatch(f -> f.startsWith("bk-casing:") || f.startsWith("own:"));
  }

  @Test
  void experimentalSwitchesOnOffByDefaultBuildkitChecks() {
    assertThat(lint("FROM alpine:3.20\n")).noneMatch(f -> f.startsWith("bk-experimental:"));
    assertThat(lint("# check=experimental=InvalidDefinitionDescription\nFROM alpine:3.20\n"))
        .contains("bk-experimental:info:experimental");
    assertThat(lint("# check=experimental=all;skip=all\nFROM alpine:3.20\n")).contains("bk-experimental:info:experimental");
    // an ignore in the configuration still wins
    var settings = new LintSettings(Set.of("bk-experimental"), Set.of(), Map.of(), List.of());
    assertThat(lint("# check=experimental=all\nFROM alpine:3.20\n", settings)).noneMatch(f -> f.startsWith("bk-experimental:"));
  }
}
