package dev.dockerlint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixerTest {
  static Fixer fixer(List<Rule> rules, LintSettings settings, boolean unsafe) {
    Linter linter = new Linter(rules, settings);
    return new Fixer(new Fixer.Checker() {
      @Override
      public Fixer.Checked check(String text) {
        Dockerfile file = DockerfileParser.parse("Dockerfile", text);
        return new Fixer.Checked(file, linter.lint(file));
      }
    }, unsafe);
  }

  static Fixer builtin(boolean unsafe) {
    return fixer(BuiltinRules.all(), LintSettings.DEFAULTS, unsafe);
  }

  static List<Rule> only(String... ids) {
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : BuiltinRules.all()) {
      if (List.of(ids).contains(rule.info().id())) {
        rules.add(rule);
      }
    }
    assertThat(rules).hasSize(ids.length);
    return rules;
  }

  @Test
  void editsAtTheSamePlaceAreAppliedInLaterPasses() {
    Fixer fixer = fixer(only("apt-no-install-recommends", "install-missing-yes"), LintSettings.DEFAULTS, false);
    Fixer.Outcome outcome = fixer.fix("FROM debian:12\nRUN apt-get install curl\n");
    assertThat(outcome.text()).isIn("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
        "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n");
    assertThat(outcome.fixed()).isEqualTo(2);
    assertThat(outcome.dropped()).isEmpty();
    assertThat(outcome.after().findings()).isEmpty();
  }

  @Test
  void crlfFilesStayCrlfAndContinuationsKeepTheFilesEscape() {
    Fixer fixer = fixer(only("apt-cleanup"), LintSettings.DEFAULTS, false);
    String before = "# escape=`\r\nFROM debian:12\r\nRUN apt-get update && `\r\n    apt-get install -y curl\r\n";
    Fixer.Outcome outcome = fixer.fix(before);
    assertThat(outcome.text()).isEqualTo("# escape=`\r\nFROM debian:12\r\nRUN apt-get update && `\r\n"
        + "    apt-get install -y curl && `\r\n    rm -rf /var/lib/apt/lists/*\r\n");
    assertThat(outcome.after().findings()).isEmpty();
  }

  @Test
  void leadingOperatorStyleIsKept() {
    Fixer fixer = fixer(only("apt-cleanup"), LintSettings.DEFAULTS, false);
    Fixer.Outcome outcome = fixer.fix("FROM debian:12\nRUN apt-get update \\\n  # why\n  && apt-get install -y curl\n");
    assertThat(outcome.text())
        .isEqualTo("FROM debian:12\nRUN apt-get update \\\n  # why\n  && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\n");
  }

  @Test
  void unsafeFixesOnlyWhenAskedFor() {
    String before = "FROM alpine:3.20\nCMD node server.js\n";
    assertThat(fixer(only("json-args"), LintSettings.DEFAULTS, false).fix(before).changed()).isFalse();
    Fixer.Outcome unsafe = fixer(only("json-args"), LintSettings.DEFAULTS, true).fix(before);
    assertThat(unsafe.text()).isEqualTo("FROM alpine:3.20\nCMD [\"node\", \"server.js\"]\n");
  }

  @Test
  void ignoredAndSuppressedFindingsAreNotFixed() {
    String before = "FROM debian:12\n# dockerlint ignore=apt-no-install-recommends\nRUN apt-get install -y curl\n"
        + "RUN apt-get install -y wget\n";
    Fixer.Outcome pragma = fixer(only("apt-no-install-recommends"), LintSettings.DEFAULTS, false).fix(before);
    assertThat(pragma.text()).isEqualTo("FROM debian:12\n# dockerlint ignore=apt-no-install-recommends\n"
        + "RUN apt-get install -y curl\nRUN apt-get install --no-install-recommends -y wget\n");
    LintSettings ignoring = new LintSettings(Set.of("DL3015"), Set.of(), Map.of(), List.of());
    assertThat(fixer(only("apt-no-install-recommends"), ignoring, false).fix(before).changed()).isFalse();
  }

  @Test
  void secondRunChangesNothing() {
    String before = "from debian:12 as Build\nrun apt-get install curl\nMAINTAINER me\nENV A b c\n";
    Fixer.Outcome first = builtin(true).fix(before);
    assertThat(first.changed()).isTrue();
    Fixer.Outcome second = builtin(true).fix(first.text());
    assertThat(second.changed()).isFalse();
    assertThat(second.fixed()).isZero();
  }

  /** A rule whose fix breaks the file in the given way. */
  private static Rule breaking(String id, String replacement) {
    return new Rule() {
      @Override
      public RuleInfo info() {
        return RuleInfo.of(id, Severity.WARNING, "test").fixable(Applicability.SAFE);
      }

      @Override
      public void check(Dockerfile file, RuleContext context) {
        for (Instruction instruction : file.instructions()) {
          if (instruction.keyword().text().equals("USER")) {
            context.report(instruction.keyword().range(), "breaks",
                Fix.safe("Break it", Edit.replace(instruction.range(), replacement)));
          }
        }
      }
    };
  }

  @Test
  void aFixThatBreaksTheFileIsDroppedAndReported() {
    String before = "FROM alpine:3.20\nUSER app\n";
    Fixer.Outcome count = fixer(List.of(breaking("breaker", "USER app\nUSER other")), LintSettings.DEFAULTS, false)
        .fix(before);
    assertThat(count.text()).isEqualTo(before);
    assertThat(count.dropped()).singleElement().satisfies(d -> {
      assertThat(d.finding().rule()).isEqualTo("breaker");
      assertThat(d.reason()).isEqualTo("the result has 3 instructions instead of 2");
    });
    Fixer.Outcome unresolved = fixer(List.of(breaking("breaker", "USER  app")), LintSettings.DEFAULTS, false).fix(before);
    assertThat(unresolved.text()).isEqualTo(before);
    assertThat(unresolved.dropped()).singleElement()
        .satisfies(d -> assertThat(d.reason()).startsWith("it does not resolve its finding"));
    List<Rule> withNew = new ArrayList<>(only("instruction-casing"));
    withNew.add(breaking("breaker", "user app"));
    Fixer.Outcome newFinding = fixer(withNew, LintSettings.DEFAULTS, false).fix(before);
    assertThat(newFinding.dropped()).singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("it makes a new 'instruction-casing' finding appear"));
  }

  @Test
  void aGoodFixBesideABadOneIsStillApplied() {
    List<Rule> rules = new ArrayList<>(only("apt-no-install-recommends"));
    rules.add(breaking("breaker", "USER app\nUSER other"));
    Fixer.Outcome outcome = fixer(rules, LintSettings.DEFAULTS, false)
        .fix("FROM debian:12\nRUN apt-get install -y curl\nUSER app\n");
    assertThat(outcome.text()).isEqualTo("FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\nUSER app\n");
    assertThat(outcome.dropped()).hasSize(1);
    assertThat(outcome.fixed()).isEqualTo(1);
  }

  @Test
  void originalLinesFollowTheInstructions() {
    Fixer.Outcome outcome = fixer(only("apt-cleanup"), LintSettings.DEFAULTS, false)
        .fix("FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y curl\nUSER app\n");
    assertThat(outcome.text()).contains("rm -rf");
    assertThat(outcome.after().file().source().line(5)).isEqualTo("USER app");
    assertThat(outcome.originalLine(5)).isEqualTo(4);
    assertThat(outcome.originalLine(4)).isEqualTo(3); // the added line is the RUN's last
    assertThat(outcome.originalLine(1)).isEqualTo(1);
  }
}
