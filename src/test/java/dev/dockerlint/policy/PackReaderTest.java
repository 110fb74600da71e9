package dev.dockerlint.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.rules.BuiltinRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack format: what it compiles to, and every problem at its line and column. */
class PackReaderTest {
  @TempDir Path dir;

  private static final String H = "    help: https://x.example/h\n";

  private static final String VALID = """
      rules:
        - id: no-curl
          severity: error
          message: "Do not run {command}"
          summary: No curl in RUN
          description: |
            curl downloads at build time.
          help: https://wiki.example.com/curl
          aliases: [PLAT001]
          enabled: false
          match:
            forbid:
              run: {name: curl}
          examples:
            bad: ["FROM alpine\\nRUN curl x\\n"]
            good:
              - |
                FROM alpine
                RUN wget x
      """;

  @Test
  void aValidPackCompilesToOrdinaryRuleMetadata() {
    Pack pack = PackTester.compile(VALID);
    assertThat(pack.source()).isEqualTo("pack.yaml");
    PolicyRule rule = pack.rules().get(0);
    RuleInfo info = rule.info();
    assertThat(info.id()).isEqualTo("no-curl");
    assertThat(info.severity()).isEqualTo(Severity.ERROR);
    assertThat(info.enabledByDefault()).isFalse();
    assertThat(info.aliases()).containsExactly("PLAT001");
    assertThat(info.summary()).isEqualTo("No curl in RUN");
    assertThat(info.helpUri()).isEqualTo("https://wiki.example.com/curl");
    assertThat(rule.description()).isEqualTo("curl downloads at build time.\n");
    assertThat(rule.examples()).extracting(PolicyRule.Example::bad).containsExactly(true, false);
    assertThat(rule.examples().get(1).dockerfile()).isEqualTo("FROM alpine\nRUN wget x\n");
    assertThat(rule.examples().get(1).line()).isEqualTo(18);
  }

  @Test
  void defaultsAreWarningOnAndTheMessageAsSummary() {
    PolicyRule rule = PackTester.compile("rules:\n  - id: a\n    message: no MAINTAINER\n    match:\n"
        + "      forbid: {instruction: MAINTAINER}\n" + H).rules().get(0);
    assertThat(rule.info().severity()).isEqualTo(Severity.WARNING);
    assertThat(rule.info().enabledByDefault()).isTrue();
    assertThat(rule.info().summary()).isEqualTo("no MAINTAINER");
    assertThat(rule.info().helpUri()).isEqualTo("https://x.example/h");
  }

  @Test
  void unknownKeysAtEveryLevelAreNamedWithTheAllowedOnes() {
    assertThat(PackTester.problems("rule:\n  - id: a\n")).containsExactly(
        "pack.yaml:1:1: unknown key 'rule' in the pack; allowed keys: rules");
    assertThat(PackTester.problems("rules:\n  - id: a\n    mesage: x\n    message: x\n    match:\n"
        + "      forbid: {instuction: RUN}\n" + H)).containsExactly(
        "pack.yaml:3:5: unknown key 'mesage' in a rule; allowed keys: " + String.join(", ", PackReader.RULE_KEYS),
        "pack.yaml:6:16: unknown key 'instuction' in an instruction test; allowed keys: "
            + String.join(", ", PackReader.INSTRUCTION_KEYS));
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: x\n    match:\n      forbid:\n"
        + "        run: {name: curl, flags: -y}\n" + H)).containsExactly(
        "pack.yaml:6:27: unknown key 'flags' in a command test; allowed keys: " + String.join(", ", PackReader.COMMAND_KEYS));
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: x\n    match:\n      forbid:\n"
        + "        from: {tag: {globb: x}}\n" + H)).containsExactly(
        "pack.yaml:6:22: unknown key 'globb' in a pattern; allowed keys: " + String.join(", ", PackReader.PATTERN_KEYS));
  }

  @Test
  void wrongTypes() {
    assertThat(PackTester.problems("- id: a\n")).containsExactly(
        "pack.yaml:1:1: a rule pack must be a mapping with the key 'rules', not a list");
    assertThat(PackTester.problems("rules: {id: a}\n")).containsExactly(
        "pack.yaml:1:8: 'rules' must be a list of rules, not a mapping");
    assertThat(PackTester.problems("rules:\n  - id: [a]\n    message: x\n    enabled: maybe\n    match:\n"
        + "      forbid: {all: {run: {name: x}}}\n" + H)).containsExactly(
        "pack.yaml:2:9: expected the id (a plain value), not a list",
        "pack.yaml:4:14: expected true or false, not 'maybe'",
        "pack.yaml:6:21: 'all' must be a list of tests, not a mapping");
    assertThat(PackTester.problems("rules:\n  - id: a\n    message:\n    match:\n      forbid: {run: curl}\n" + H))
        .containsExactly("pack.yaml:3:13: expected the message (a plain value), not nothing",
            "pack.yaml:5:21: expected a mapping of command tests (" + String.join(", ", PackReader.COMMAND_KEYS)
                + "), not 'curl'");
  }

  @Test
  void aRegexRe2CannotRunIsRejectedWithItsReason() {
    List<String> problems = PackTester.problems("rules:\n  - id: a\n    message: x\n    match:\n      forbid:\n"
        + "        from: {tag: {regex: \"^(\\\\d+)-\\\\1$\"}}\n        \n" + H);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("pack.yaml:6:29: invalid regular expression '^(\\d+)-\\1$': invalid escape sequence")
        .endsWith("(RE2 syntax: no backreferences or lookaround)");
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: x\n    match:\n      forbid:\n"
        + "        from: {tag: {regex: \"^(?!latest)\"}}\n" + H).get(0))
        .startsWith("pack.yaml:6:29: invalid regular expression '^(?!latest)': invalid or unsupported Perl syntax");
  }

  @Test
  void placeholdersMustBeKnownAndSetByTheMatch() {
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: \"{img} and {tag}\"\n    match:\n"
        + "      forbid: {run: {name: x}}\n" + H)).containsExactly(
        "pack.yaml:3:14: unknown placeholder '{img}' in the message; known: {image}, {tag}, {value}, {command}, {key}, {stage}",
        "pack.yaml:3:14: placeholder '{tag}' is not set by this rule's match; it sets {command}, {stage}");
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: \"{image\"\n    match:\n"
        + "      forbid: {run: {name: x}}\n" + H)).containsExactly(
        "pack.yaml:3:14: unclosed '{' in the message; write '{{' for a brace");
    // any: only what every branch sets
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: \"{value}\"\n    match:\n"
        + "      forbid: {any: [{run: {name: x}}, {env: {key: A}}]}\n" + H)).containsExactly(
        "pack.yaml:3:14: placeholder '{value}' is not set by this rule's match; it sets {stage}");
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: \"{stage} {image}\"\n    match:\n"
        + "      require: {label: {key: a}}\n" + H)).isEmpty();
  }

  @Test
  void idsMustBeKebabCaseAndClashWithNoBuiltInAndNoOtherRule() {
    Map<String, String> builtins = new java.util.HashMap<>();
    new Packs(BuiltinRules.all()); // the names a real run takes
    builtins.put("image-latest", "built-in rule 'image-latest'");
    builtins.put("dl3007", "an alias of built-in rule 'image-latest'");
    String rule = "    message: x\n    match:\n      forbid: {instruction: RUN}\n" + H;
    assertThat(PackTester.problems("rules:\n  - id: Image_Latest\n" + rule, builtins)).containsExactly(
        "pack.yaml:2:9: invalid id 'Image_Latest'; an id is lower-case words joined by dashes, such as 'no-curl-pipe'");
    assertThat(PackTester.problems("rules:\n  - id: image-latest\n" + rule + "  - id: mine\n    aliases: [DL3007]\n"
        + rule + "  - id: mine\n" + rule, builtins)).containsExactly(
        "pack.yaml:2:9: 'image-latest' is already the name of built-in rule 'image-latest'; choose another",
        "pack.yaml:8:15: 'DL3007' is already the name of an alias of built-in rule 'image-latest'; choose another",
        "pack.yaml:13:9: 'mine' is already the name of rule 'mine' of pack.yaml; choose another");
  }

  @Test
  void idsClashAcrossPacksButOnePackNamedTwiceIsReadOnce() throws Exception {
    String rule = "rules:\n  - id: %s\n    message: x\n    match:\n      forbid: {instruction: RUN}\n" + H;
    Files.writeString(dir.resolve("a.yaml"), String.format(rule, "team-a"));
    Files.writeString(dir.resolve("b.yaml"), String.format(rule, "team-a"));
    Files.writeString(dir.resolve("c.yaml"), String.format(rule, "image-latest"));
    Packs packs = new Packs(BuiltinRules.all());
    Pack a = packs.load(dir.resolve("a.yaml"), "a.yaml").get(0);
    assertThat(packs.load(dir.resolve("a.yaml"), "a.yaml").get(0)).isSameAs(a);
    assertThatThrownBy(() -> packs.load(dir.resolve("b.yaml"), "b.yaml")).isInstanceOf(PackException.class)
        .hasMessage("b.yaml:2:9: 'team-a' is already the name of rule 'team-a' of a.yaml; choose another");
    assertThatThrownBy(() -> packs.load(dir.resolve("c.yaml"), "c.yaml"))
        .hasMessage("c.yaml:2:9: 'image-latest' is already the name of built-in rule 'image-latest'; choose another");
    assertThatThrownBy(() -> packs.load(dir.resolve("none.yaml"), "none.yaml")).hasMessage("none.yaml: rule pack not found");
    assertThat(packs.rules()).extracting(r -> r.info().id()).containsExactly("team-a");
  }

  @Test
  void aDirectoryIsEveryYamlFileInNameOrder() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    String rule = "rules:\n  - id: %s\n    message: x\n    match:\n      forbid: {instruction: RUN}\n" + H;
    Files.writeString(rules.resolve("b.yml"), String.format(rule, "bbb"));
    Files.writeString(rules.resolve("a.yaml"), String.format(rule, "aaa"));
    Files.writeString(rules.resolve("notes.txt"), "not a pack");
    Files.writeString(dir.resolve("outside.yaml"), String.format(rule, "ccc"));
    Files.createSymbolicLink(rules.resolve("c.yaml"), dir.resolve("outside.yaml"));
    Packs packs = new Packs(List.of());
    assertThat(packs.load(rules, "rules")).extracting(Pack::source).containsExactly("rules/a.yaml", "rules/b.yml");
  }

  @Test
  void badSeverityStageAndHelp() {
    assertThat(PackTester.problems("rules:\n  - id: a\n    severity: fatal\n    message: x\n    help: javascript:alert(1)\n"
        + "    match:\n      stage: last\n      forbid: {instruction: RUN}\n")).containsExactly(
        "pack.yaml:3:15: invalid value 'fatal'; expected one of error, warning, info, style",
        "pack.yaml:5:11: invalid help URL 'javascript:alert(1)'; expected an https:// address without spaces",
        "pack.yaml:7:14: invalid stage 'last'; expected any, final or 'named NAME'");
  }

  @Test
  void forbidOrRequireExactlyOnce() {
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: x\n    match:\n      stage: final\n" + H)).containsExactly(
        "pack.yaml:5:7: missing 'forbid' or 'require'");
    assertThat(PackTester.problems("rules:\n  - id: a\n    message: x\n    match:\n      forbid: {instruction: RUN}\n"
        + "      require: {instruction: RUN}\n" + H)).containsExactly(
        "pack.yaml:6:16: a rule either forbids or requires; give 'forbid' or 'require', not both");
    assertThat(PackTester.problems("rules:\n  - severity: error\n")).containsExactly(
        "pack.yaml:2:5: missing key 'id'", "pack.yaml:2:5: missing key 'message'",
        "pack.yaml:2:5: missing key 'help'; give the address of the page that explains the rule (SARIF links to it)",
        "pack.yaml:2:5: missing key 'match'");
  }

  @Test
  void onlyPlainYaml() {
    assertThat(PackTester.problems("rules: !!java.net.URL [x]\n")).hasSize(1).allSatisfy(p -> assertThat(p)
        .startsWith("pack.yaml:1:8: invalid YAML: Global tag is not allowed"));
    assertThat(PackTester.problems("rules:\n  - id: a\n    id: b\n")).containsExactly("pack.yaml:3:5: duplicate key 'id'");
    assertThat(PackTester.problems("rules: [\n")).hasSize(1).allSatisfy(p -> assertThat(p).startsWith("pack.yaml:2:1: invalid YAML"));
    assertThat(PackTester.problems("")).containsExactly("pack.yaml:1:1: empty rule pack; expected 'rules:' with a list of rules");
    String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        + "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
    assertThat(PackTester.problems(bomb)).hasSize(1).allSatisfy(p -> assertThat(p).contains("invalid YAML"));
    assertThat(PackTester.problems("x".repeat(PackReader.MAX_BYTES + 1))).containsExactly(
        "pack.yaml: rule pack is larger than 1 MiB");
  }

  @Test
  void aQuotedValueIsOneShortLine() {
    List<String> problems = PackTester.problems("rules:\n  - id: a\n    severity: \"" + "x".repeat(500) + "\\n\\u001b[31m\"\n");
    assertThat(problems.get(0)).startsWith("pack.yaml:3:15: invalid value 'xxxx").contains("...'").doesNotContain("\n");
    assertThat(problems.get(0).length()).isLessThan(200);
  }

  @Test
  void theReadmeNamesEveryKeyOfTheLanguage() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("\n## Custom rules\n"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    for (List<String> keys : List.of(PackReader.RULE_KEYS, PackReader.MATCH_KEYS, PackReader.INSTRUCTION_KEYS,
        PackReader.COMMAND_KEYS, PackReader.PATTERN_KEYS)) {
      for (String key : keys) {
        assertThat(section).as("the README's Custom rules section names '%s'", key)
            .containsPattern("[`{ ,]" + java.util.regex.Pattern.quote(key) + "[`}:, ]");
      }
    }
  }
}
