package dev.dockerlint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.rules.BuiltinRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files per fix, in {@code src/test/resources/fix/<case>/}: {@code Dockerfile} before,
 * {@code fixed} after {@code --fix --unsafe-fixes} with only the rule the case is named after
 * (every rule for a case that is not named after one), {@code diff} as {@code --diff} prints it,
 * and {@code remaining}: that rule's findings left, one a line. Cases hold continuation lines,
 * comments inside them, heredocs and variables. {@code -Dfix.golden.write=true} rewrites the
 * expected files (review the change before committing).
 */
class FixGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/fix");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fixesAsRecorded(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    String before = Files.readString(dir.resolve("Dockerfile"), StandardCharsets.UTF_8);
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : BuiltinRules.all()) {
      if (rule.info().id().equals(name.contains("@") ? name.substring(0, name.indexOf('@')) : name)) {
        rules.add(rule);
      }
    }
    boolean all = rules.isEmpty();
    if (all) {
      rules.addAll(BuiltinRules.all());
    }
    Fixer.Outcome outcome = FixerTest.fixer(rules, LintSettings.DEFAULTS, true).fix(before);
    assertThat(outcome.dropped()).as("dropped fixes").isEmpty();
    String diff = UnifiedDiff.of("Dockerfile", before, outcome.text());
    StringBuilder remaining = new StringBuilder();
    for (Finding finding : outcome.after().findings()) {
      remaining.append(finding.rule()).append(' ').append(finding.line()).append(':').append(finding.column())
          .append(' ').append(finding.message()).append('\n');
    }
    if (Boolean.getBoolean("fix.golden.write")) {
      Files.writeString(dir.resolve("fixed"), outcome.text(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("diff"), diff, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("remaining"), all ? "" : remaining.toString(), StandardCharsets.UTF_8);
    }
    assertThat(outcome.text()).isEqualTo(Files.readString(dir.resolve("fixed"), StandardCharsets.UTF_8));
    assertThat(diff).isEqualTo(Files.readString(dir.resolve("diff"), StandardCharsets.UTF_8));
    if (!all) {
      assertThat(remaining.toString()).isEqualTo(Files.readString(dir.resolve("remaining"), StandardCharsets.UTF_8));
    }
    assertThat(outcome.changed()).as("every case has something to fix").isTrue();
    // a second run changes nothing
    assertThat(FixerTest.fixer(rules, LintSettings.DEFAULTS, true).fix(outcome.text()).changed()).isFalse();
  }
}
