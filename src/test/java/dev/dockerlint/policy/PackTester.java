package dev.dockerlint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.RuleTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles a one-rule pack and runs it through the whole linter, asserting the marked ranges. */
final class PackTester {
  private final Rule rule;

  /** @param yaml the rule's keys after {@code - id: test-rule}, indented by four spaces */
  PackTester(String yaml) {
    this.rule = compile("rules:\n  - id: test-rule\n" + yaml + "    help: https://x.example/h\n").rules().get(0);
  }

  static Pack compile(String text) {
    try {
      return PackReader.read("pack.yaml", text, Map.of());
    } catch (PackException e) {
      throw new AssertionError(String.join("\n", e.problems()), e);
    }
  }

  static List<String> problems(String text) {
    return problems(text, Map.of());
  }

  static List<String> problems(String text, Map<String, String> taken) {
    try {
      PackReader.read("pack.yaml", text, taken);
      return List.of();
    } catch (PackException e) {
      return e.problems();
    }
  }

  List<Finding> lint(String text) {
    Linter linter = new Linter(List.of(rule), new LintSettings(Set.of(), Set.of(rule.info().id()), Map.of(), List.of()));
    return linter.lint(DockerfileParser.parse("Dockerfile", text));
  }

  /** Asserts exactly the marked ranges are reported. */
  List<Finding> check(String marked) {
    RuleTester.Marked m = RuleTester.Marked.of(marked);
    List<Finding> findings = lint(m.text());
    List<Object> ranges = new ArrayList<>();
    for (Finding f : findings) {
      ranges.add(f.range());
    }
    assertThat(ranges).as("ranges in:%n%s%nmessages: %s", m.text(), findings.stream().map(Finding::message).toList())
        .containsExactlyElementsOf(m.ranges());
    return findings;
  }
}
