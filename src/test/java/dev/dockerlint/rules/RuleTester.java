package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one rule through the whole linter. Expected findings are marked in the source:
 * {@code FROM [|alpine:latest|]} expects one finding covering exactly {@code alpine:latest}. Public, so that
 * the rule tests of every subpackage of {@code dev.dockerlint.rules} use it.
 */
public final class RuleTester {
  private final Rule rule;

  public RuleTester(Rule rule) {
    this.rule = rule;
  }

  public String ruleId() {
    return rule.info().id();
  }

  /** A Dockerfile with its markers removed, and the ranges they marked. */
  public record Marked(String text, List<SourceRange> ranges) {
    public static Marked of(String marked) {
      StringBuilder text = new StringBuilder();
      List<Integer> starts = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      for (int i = 0; i < marked.length(); i++) {
        if (marked.startsWith("[|", i)) {
          starts.add(text.length());
          i++;
        } else if (marked.startsWith("|]", i) && !starts.isEmpty()) {
          spans.add(new int[] {starts.remove(starts.size() - 1), text.length()});
          i++;
        } else {
          text.append(marked.charAt(i));
        }
      }
      SourceText source = new SourceText(text.toString());
      List<SourceRange> ranges = new ArrayList<>();
      for (int[] span : spans) {
        ranges.add(source.range(span[0], span[1]));
      }
      ranges.sort((a, b) -> a.start().compareTo(b.start()));
      return new Marked(text.toString(), ranges);
    }
  }

  public List<Finding> lint(String text) {
    Linter linter = new Linter(List.of(rule), new LintSettings(Set.of(), Set.of(rule.info().id()), java.util.Map.of(), List.of()));
    return linter.lint(DockerfileParser.parse("Dockerfile", text));
  }

  public List<Finding> lint(String text, LintSettings settings) {
    return new Linter(List.of(rule), settings).lint(DockerfileParser.parse("Dockerfile", text));
  }

  /** Lints as the Dockerfile at {@code location} on disk, so rules can see its build context. */
  public List<Finding> lint(String text, java.nio.file.Path location) {
    return lint(text, new LintSettings(Set.of(), Set.of(rule.info().id()), java.util.Map.of(), List.of()), location);
  }

  public List<Finding> lint(String text, LintSettings settings, java.nio.file.Path location) {
    Linter linter = new Linter(List.of(rule), settings);
    return linter.lint(DockerfileParser.parse(location.getFileName().toString(), text), location);
  }

  /** Asserts the rule reports exactly the marked ranges (none when nothing is marked). */
  public List<Finding> check(String markedSource) {
    return check(markedSource, (java.nio.file.Path) null);
  }

  /** {@link #check(String)} for a Dockerfile at {@code location} on disk (null: not on disk). */
  public List<Finding> check(String markedSource, java.nio.file.Path location) {
    Marked marked = Marked.of(markedSource);
    return assertMarked(marked, location == null ? lint(marked.text()) : lint(marked.text(), location));
  }

  /** {@link #check(String)} with given settings (a label schema, say). */
  public List<Finding> check(String markedSource, LintSettings settings) {
    Marked marked = Marked.of(markedSource);
    return assertMarked(marked, lint(marked.text(), settings));
  }

  private List<Finding> assertMarked(Marked marked, List<Finding> findings) {
    assertThat(findings).as("findings of %s in:%n%s", rule.info().id(), marked.text())
        .allSatisfy(f -> assertThat(f.rule()).isEqualTo(rule.info().id()));
    assertThat(findings.stream().map(Finding::range).toList())
        .as("ranges reported by %s in:%n%s%nmessages: %s", rule.info().id(), marked.text(),
            findings.stream().map(Finding::message).toList())
        .containsExactlyElementsOf(marked.ranges());
    return findings;
  }
}
