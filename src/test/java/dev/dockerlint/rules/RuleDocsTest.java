package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule has a page with fixed sections, and the page's examples do what they say. */
class RuleDocsTest {
  private static final Path RULES = Path.of("rules");

  static Stream<Rule> rules() {
    return BuiltinRules.all().stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void pageHasTheFixedSections(Rule rule) throws IOException {
    String page = Files.readString(RULES.resolve(rule.info().id() + ".md"));
    assertThat(page).startsWith("# " + rule.info().id() + "\n\n" + rule.info().summary() + "\n");
    assertThat(page).contains("\n## Why\n", "\n## Bad\n", "\n## Good\n", "\n## When to ignore\n");
    assertThat(page.indexOf("## Why")).isLessThan(page.indexOf("## Bad"));
    assertThat(page.indexOf("## Bad")).isLessThan(page.indexOf("## Good"));
    for (String alias : rule.info().aliases()) {
      assertThat(page).as("aliases listed on the page").contains(alias);
    }
  }

  /** The page's {@code Fix:} line agrees with the kind of fix the rule declares. */
  @ParameterizedTest
  @MethodSource("rules")
  void pageSaysWhichFixTheRuleOffers(Rule rule) throws IOException {
    String page = Files.readString(RULES.resolve(rule.info().id() + ".md"));
    List<String> fixLines = new ArrayList<>();
    for (String line : page.split("\n")) {
      if (line.startsWith("Fix: ")) {
        fixLines.add(line);
      }
    }
    assertThat(fixLines).as("one Fix: line on the page of %s", rule.info().id()).hasSize(1);
    String kind = fixLines.get(0).substring("Fix: ".length()).split("[.]", 2)[0];
    assertThat(kind).as("Fix: of %s", rule.info().id()).isEqualTo(rule.info().fixLabel());
    if (rule.info().fix() != null) {
      assertThat(fixLines.get(0)).as("the page says what the fix does").contains("--fix");
    }
  }

  @ParameterizedTest
  @MethodSource("rules")
  void badExamplesAreReportedAndGoodOnesAreNot(Rule rule) throws IOException {
    String page = Files.readString(RULES.resolve(rule.info().id() + ".md"));
    RuleTester tester = new RuleTester(rule);
    java.util.Map<String, String> labelSchema = optionsLabelSchema(page);
    List<String> trusted = optionsTrustedRegistries(page);
    List<String> bad = codeBlocks(section(page, "Bad"));
    List<String> good = codeBlocks(section(page, "Good"));
    assertThat(bad).as("Bad examples of %s", rule.info().id()).isNotEmpty();
    assertThat(good).as("Good examples of %s", rule.info().id()).isNotEmpty();
    for (String example : bad) {
      List<Finding> findings = lintInContext(tester, example, ignoreFileFor(section(page, "Bad"), example), labelSchema, trusted);
      assertThat(findings).as("Bad example of %s must be reported:%n%s", rule.info().id(), example).isNotEmpty();
    }
    for (String example : good) {
      List<Finding> findings = lintInContext(tester, example, ignoreFileFor(section(page, "Good"), example), labelSchema, trusted);
      assertThat(findings).as("Good example of %s must pass:%n%s", rule.info().id(), example).isEmpty();
    }
  }

  @Test
  void everyPageBelongsToARule() throws IOException {
    List<String> ids = java.util.stream.Stream.concat(BuiltinRules.all().stream(), BuiltinRules.compose().stream())
        .map(r -> r.info().id() + ".md").toList();
    try (Stream<Path> pages = Files.list(RULES)) {
      assertThat(pages.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
          .containsExactlyInAnyOrderElementsOf(ids);
    }
  }

  @Test
  void readmeListsEveryRule() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Rule rule : BuiltinRules.all()) {
      assertThat(readme).contains("[`" + rule.info().id() + "`](rules/" + rule.info().id() + ".md)");
    }
  }

  @Test
  void pagesShipInTheJar() {
    for (Rule rule : BuiltinRules.all()) {
      assertThat(RuleDocs.page(rule.info().id())).as(rule.info().id()).isPresent();
    }
    assertThat(RuleDocs.page("../pom")).isEmpty();
  }

  /**
   * Examples are linted as a Dockerfile in an empty temporary build context; a ```dockerignore
   * block right before an example becomes that context's .dockerignore.
   */
  private static List<Finding> lintInContext(RuleTester tester, String example, String dockerignore,
      java.util.Map<String, String> labelSchema, List<String> trusted) throws IOException {
    Path dir = Files.createTempDirectory("rule-docs");
    try {
      if (dockerignore != null) {
        Files.writeString(dir.resolve(".dockerignore"), dockerignore);
      }
      var settings = new dev.dockerlint.lint.LintSettings(java.util.Set.of(), java.util.Set.of(tester.ruleId()),
          java.util.Map.of(), trusted, labelSchema, null);
      return tester.lint(example, settings, dir.resolve("Dockerfile"));
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  /** The trusted-registries of the ```yaml configuration in a page's Options section (empty without one). */
  static List<String> optionsTrustedRegistries(String page) {
    String yaml = optionsYaml(page);
    if (yaml == null) {
      return List.of();
    }
    var ids = new java.util.HashSet<String>();
    BuiltinRules.all().forEach(r -> ids.add(r.info().id()));
    try {
      return new dev.dockerlint.config.ConfigLoader(ids).parse(Path.of(".dockerlint.yaml"), yaml).trustedRegistries();
    } catch (dev.dockerlint.config.ConfigException e) {
      throw new AssertionError("Options example does not load: " + e.getMessage(), e);
    }
  }

  private static String optionsYaml(String page) {
    String options = section(page, "Options");
    int open = options.indexOf("```yaml\n");
    if (open < 0) {
      return null;
    }
    int body = open + "```yaml\n".length();
    return options.substring(body, options.indexOf("\n```", body - 1) + 1);
  }

  /** The label schema of the ```yaml configuration in a page's Options section (empty without one). */
  static java.util.Map<String, String> optionsLabelSchema(String page) {
    String options = section(page, "Options");
    int open = options.indexOf("```yaml\n");
    if (open < 0) {
      return java.util.Map.of();
    }
    int body = open + "```yaml\n".length();
    String yaml = options.substring(body, options.indexOf("\n```", body - 1) + 1);
    var ids = new java.util.HashSet<String>();
    BuiltinRules.all().forEach(r -> ids.add(r.info().id()));
    try {
      return new dev.dockerlint.config.ConfigLoader(ids).parse(Path.of(".dockerlint.yaml"), yaml).labelSchema();
    } catch (dev.dockerlint.config.ConfigException e) {
      throw new AssertionError("Options example does not load: " + e.getMessage(), e);
    }
  }

  /** The body of a ```dockerignore block that directly precedes an example, or null. */
  static String ignoreFileFor(String markdown, String example) {
    int at = markdown.indexOf("```dockerfile\n" + example);
    if (at < 0) {
      return null;
    }
    String before = markdown.substring(0, at).stripTrailing();
    if (!before.endsWith("```")) {
      return null;
    }
    int open = before.lastIndexOf("```dockerignore\n");
    if (open < 0 || before.indexOf("```", open + 3) != before.length() - 3) {
      return null;
    }
    return before.substring(open + "```dockerignore\n".length(), before.length() - 3);
  }

  static String section(String page, String name) {
    int start = page.indexOf("\n## " + name + "\n");
    if (start < 0) {
      return "";
    }
    int end = page.indexOf("\n## ", start + 4);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  static List<String> codeBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = markdown.indexOf("```dockerfile\n", from);
      if (open < 0) {
        return blocks;
      }
      int body = open + "```dockerfile\n".length();
      int close = markdown.indexOf("\n```", body - 1);
      blocks.add(markdown.substring(body, close + 1));
      from = close + 4;
    }
  }
}
