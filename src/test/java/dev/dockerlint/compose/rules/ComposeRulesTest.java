package dev.dockerlint.compose.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conventions of the compose rules, as BuiltinRulesTest and RuleDocsTest hold the Dockerfile rules to theirs. */
class ComposeRulesTest {
  static Stream<ComposeRule> rules() {
    return BuiltinRules.compose().stream();
  }

  @Test
  void idsArePrefixedKebabCaseUniqueAndSortedAndSoAreTheClasses() {
    List<String> ids = rules().map(r -> r.info().id()).toList();
    assertThat(ids).allMatch(id -> id.matches("compose(-[a-z0-9]+)+")).isSorted();
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    assertThat(rules().map(r -> r.getClass().getSimpleName()).toList()).isSorted();
    Set<String> dockerfileIds = new HashSet<>();
    BuiltinRules.all().forEach(r -> dockerfileIds.add(r.info().id()));
    assertThat(ids).noneMatch(dockerfileIds::contains);
  }

  @Test
  void everyRuleHasItsTestClassAndLivesInThePackage() {
    for (ComposeRule rule : BuiltinRules.compose()) {
      assertThat(rule.getClass().getPackageName()).isEqualTo("dev.dockerlint.compose.rules");
      assertThat(rule.info().summary()).doesNotContain("\n").doesNotEndWith(".");
      boolean tested;
      try {
        Class.forName(rule.getClass().getName() + "Test");
        tested = true;
      } catch (ClassNotFoundException e) {
        tested = false;
      }
      assertThat(tested).as("test class for " + rule.getClass().getSimpleName()).isTrue();
    }
  }

  @Test
  void everyRuleClassInTheSourcesIsInTheList() throws IOException {
    Set<String> listed = new HashSet<>();
    BuiltinRules.compose().forEach(r -> listed.add(r.getClass().getSimpleName() + ".java"));
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/dockerlint/compose/rules"))) {
      for (Path file : files.toList()) {
        if (Files.readString(file).contains(" implements ComposeRule ")) {
          assertThat(listed).contains(file.getFileName().toString());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("rules")
  void pageHasTheFixedSectionsAndItsExamplesDoWhatTheySay(ComposeRule rule) throws IOException {
    String page = Files.readString(Path.of("rules", rule.info().id() + ".md"));
    assertThat(page).startsWith("# " + rule.info().id() + "\n\n" + rule.info().summary() + "\n")
        .contains("\n## Why\n", "\n## Bad\n", "\n## Good\n", "\n## When to ignore\n");
    assertThat(page.indexOf("## Why")).isLessThan(page.indexOf("## Bad"));
    assertThat(page.indexOf("## Bad")).isLessThan(page.indexOf("## Good"));
    assertThat(page).contains("| " + rule.info().severity().label() + " | " + (rule.info().enabledByDefault() ? "on" : "off"));
    ComposeRuleTester tester = new ComposeRuleTester(rule);
    List<String> bad = yamlBlocks(section(page, "Bad"));
    List<String> good = yamlBlocks(section(page, "Good"));
    assertThat(bad).isNotEmpty();
    assertThat(good).isNotEmpty();
    for (String example : bad) {
      List<Finding> findings = tester.lint(Map.of("compose.yaml", example));
      assertThat(findings).as("Bad example of %s must be reported:%n%s", rule.info().id(), example).isNotEmpty();
    }
    for (String example : good) {
      List<Finding> findings = tester.lint(Map.of("compose.yaml", example, "db_password.txt", "x\n", "web.env", "A=1\n"));
      assertThat(findings).as("Good example of %s must pass:%n%s", rule.info().id(), example).isEmpty();
    }
    assertThat(RuleDocs.page(rule.info().id())).as("page in the jar").isPresent();
  }

  @Test
  void theReadmeListsEveryRule() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (ComposeRule rule : BuiltinRules.compose()) {
      assertThat(readme).contains("[`" + rule.info().id() + "`](rules/" + rule.info().id() + ".md)");
    }
  }

  private static String section(String page, String name) {
    int start = page.indexOf("\n## " + name + "\n");
    int end = page.indexOf("\n## ", start + 4);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static List<String> yamlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = markdown.indexOf("```yaml\n", from);
      if (open < 0) {
        return blocks;
      }
      int body = open + "```yaml\n".length();
      int close = markdown.indexOf("\n```", body - 1);
      blocks.add(markdown.substring(body, close + 1));
      from = close + 4;
    }
  }
}
