package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Conventions every rule follows. */
class BuiltinRulesTest {
  @Test
  void idsAreKebabCaseUniqueAndSorted() {
    List<String> ids = BuiltinRules.all().stream().map(r -> r.info().id()).toList();
    assertThat(ids).allMatch(id -> id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    assertThat(ids).isSorted();
  }

  @Test
  void listIsSortedByClassToo() {
    List<String> classes = BuiltinRules.all().stream().map(r -> r.getClass().getSimpleName()).toList();
    assertThat(classes).isSorted();
  }

  @Test
  void summariesAreOneLineWithoutFinalPeriod() {
    for (Rule rule : BuiltinRules.all()) {
      assertThat(rule.info().summary()).doesNotContain("\n").doesNotEndWith(".");
    }
  }

  @Test
  void everyRuleHasItsTestClass() {
    for (Rule rule : BuiltinRules.all()) {
      String testName = rule.getClass().getName().replaceFirst("Rule$", "") + "Test";
      String alternative = rule.getClass().getName() + "Test";
      assertThat(exists(testName) || exists(alternative)).as("test class for " + rule.getClass().getSimpleName()).isTrue();
    }
  }

  @Test
  void aliasesAreNotSharedBetweenRules() {
    Set<String> seen = new HashSet<>();
    for (Rule rule : BuiltinRules.all()) {
      for (String alias : rule.info().aliases()) {
        assertThat(seen.add(alias.toLowerCase())).as("alias " + alias).isTrue();
      }
    }
  }

  @Test
  void everyRuleLivesInASubpackageByItsSubject() {
    for (Rule rule : BuiltinRules.all()) {
      assertThat(rule.getClass().getPackageName()).as("package of " + rule.getClass().getSimpleName())
          .matches("dev\\.dockerlint\\.rules\\.[a-z]+");
    }
  }

  @Test
  void theRulesRootHoldsOnlyTheListAndTheDocs() throws IOException {
    assertThat(javaFiles(MAIN.resolve("rules"), false)).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("BuiltinRules.java", "RuleDocs.java");
    assertThat(javaFiles(TEST.resolve("rules"), false)).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("BuiltinRulesTest.java", "HadolintCompatTest.java", "RuleDocsTest.java", "RuleTester.java");
  }

  @Test
  void everyRuleClassInTheSourcesIsInTheList() throws IOException {
    Set<String> listed = new HashSet<>();
    for (Rule rule : BuiltinRules.all()) {
      listed.add(rule.getClass().getName());
    }
    for (Path file : javaFiles(MAIN.resolve("rules"), true)) {
      String text = Files.readString(file);
      if (text.contains(" implements Rule ")) {
        String name = "dev.dockerlint." + MAIN.relativize(file).toString()
            .replace(java.io.File.separatorChar, '.').replaceFirst("\\.java$", "");
        assertThat(listed).as("BuiltinRules lists " + name).contains(name);
      }
    }
  }

  /**
   * Dependencies point one way: rules -> lint, ast, shell -> source. Nothing below the rules
   * imports them, the shell model knows no Dockerfile, and one rule subpackage does not reach into
   * another (each holds the helpers only its rules use).
   */
  @Test
  void dependenciesPointOneWay() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String layer : List.of("ast", "shell", "lint", "parse", "source")) {
      forbid(layer, true, "dev.dockerlint.rules", violations);
    }
    for (String below : List.of("ast", "lint", "parse", "cli", "config", "report")) {
      forbid("shell", true, "dev.dockerlint." + below, violations);
      forbid("source", true, "dev.dockerlint." + below, violations);
    }
    forbid("shell", false, "dev.dockerlint.shell.pkg", violations);
    // custom rules are compiled into ordinary rules: the policy package sees what rules see, no more
    for (String above : List.of("rules", "cli", "config", "report", "parse")) {
      forbid("policy", true, "dev.dockerlint." + above, violations);
    }
    for (String below : List.of("ast", "lint", "shell", "parse", "source", "rules", "config", "report")) {
      forbid(below, true, "dev.dockerlint.policy", violations);
    }
    for (Path dir : subpackages(MAIN.resolve("rules"))) {
      for (Path file : javaFiles(dir, true)) {
        for (String reference : references(file, "dev.dockerlint.rules")) {
          if (!reference.startsWith("dev.dockerlint.rules." + dir.getFileName() + ".")) {
            violations.add(MAIN.relativize(file) + " -> " + reference);
          }
        }
      }
    }
    assertThat(violations).as("imports against the layering").isEmpty();
  }

  private static final Path MAIN = Path.of("src/main/java/dev/dockerlint");
  private static final Path TEST = Path.of("src/test/java/dev/dockerlint");
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

  private static void forbid(String layer, boolean withSubpackages, String forbidden, List<String> violations)
      throws IOException {
    for (Path file : javaFiles(MAIN.resolve(layer), withSubpackages)) {
      for (String reference : references(file, forbidden)) {
        violations.add(MAIN.relativize(file) + " -> " + reference);
      }
    }
  }

  /** The qualified names starting with {@code prefix} in a source file's code (imports included, comments not). */
  private static List<String> references(Path file, String prefix) throws IOException {
    String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(Files.readString(file)).replaceAll("")).replaceAll("");
    code = code.replaceFirst("(?m)^package [\\w.]+;", "");
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\\b" + Pattern.quote(prefix) + "\\b[\\w.]*").matcher(code);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static List<Path> javaFiles(Path dir, boolean withSubpackages) throws IOException {
    assertThat(dir).isDirectory();
    try (Stream<Path> files = withSubpackages ? Files.walk(dir) : Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<Path> subpackages(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
