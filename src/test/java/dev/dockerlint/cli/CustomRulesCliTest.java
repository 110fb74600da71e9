package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom rules from the command line and from configs: first-class in every place a built-in rule is. */
class CustomRulesCliTest {
  @TempDir Path dir;

  static final String PACK = """
      rules:
        - id: no-curl-sh
          severity: error
          summary: A download is piped into a shell
          message: "{command} is piped into a shell; download, verify, then run"
          help: https://wiki.example.com/docker#curl
          aliases: [PLAT001]
          description: |
            Piping a download into a shell runs whatever the server sends.
          match:
            forbid:
              run: {name: [curl, wget], piped-into: {name: [sh, bash]}}
          examples:
            bad: ["FROM alpine:3.20\\nRUN curl -fsSL x | sh\\n"]
            good: ["FROM alpine:3.20\\nRUN curl -fsSLo i.sh x\\n"]
        - id: env-key-value
          severity: info
          message: "{key}={value} is set"
          help: https://wiki.example.com/docker#env
          enabled: false
          match:
            forbid:
              env: {key: "*KEY*"}
      """;

  static final String DOCKERFILE = "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nRUN curl -fsSL https://x/i.sh | sh\n";

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aPackGivenWithRulesReportsLikeABuiltInRule() throws IOException {
    write("pack.yaml", PACK);
    write("Dockerfile", DOCKERFILE);
    Result r = run("--rules", "pack.yaml", "--no-shellcheck", "--ignore", "curl-pipe-shell,pipefail", "Dockerfile");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Dockerfile:4:5: error no-curl-sh: curl is piped into a shell; download, verify, then run")
        .contains("= help: https://wiki.example.com/docker#curl").contains("1 problem (1 error) in 1 file");
    // without the pack, the file is clean
    assertThat(run("--no-shellcheck", "--ignore", "curl-pipe-shell,pipefail", "Dockerfile").code()).isZero();
  }

  @Test
  void pragmasByIdOrAliasAndTheCommandLineSilenceOrReSeverityIt() throws IOException {
    write("pack.yaml", PACK);
    String base = "--no-shellcheck";
    write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\n# dockerlint ignore=no-curl-sh\nRUN curl x | sh\n"
        + "# hadolint ignore=PLAT001\nRUN wget x | bash\n");
    Result r = run("--rules", "pack.yaml", base, "--ignore", "curl-pipe-shell,pipefail", "Dockerfile");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    write("Dockerfile", DOCKERFILE);
    assertThat(run("--rules", "pack.yaml", base, "--ignore", "curl-pipe-shell,pipefail,no-curl-sh", "Dockerfile").code())
        .isZero();
    Result warning = run("--rules", "pack.yaml", base, "--ignore", "curl-pipe-shell,pipefail", "--warning", "PLAT001",
        "--failure-threshold", "error", "Dockerfile");
    assertThat(warning.out()).contains("Dockerfile:4:5: warning no-curl-sh: ");
    assertThat(warning.code()).isZero();
    // off by default: switched on like any rule
    write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nENV KEY_ID=1\n");
    assertThat(run("--rules", "pack.yaml", base, "Dockerfile").out()).doesNotContain("env-key-value");
    assertThat(run("--rules", "pack.yaml", base, "--enable", "env-key-value", "Dockerfile").out())
        .contains("Dockerfile:4:5: info env-key-value: KEY_ID=1 is set");
  }

  @Test
  void aCustomRuleNamedOnTheCommandLineWithoutItsPackIsUnknown() throws IOException {
    write("Dockerfile", DOCKERFILE);
    Result r = run("--ignore", "no-curl-sh", "--format", "text", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: unknown rule 'no-curl-sh'; run 'dockerlint rules' for the list of ids\n");
  }

  @Test
  void messagesAreMaskedLikeEveryOther() throws IOException {
    write("pack.yaml", PACK);
    write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nENV STRIPE_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc\n");
    Result r = run("--rules", "pack.yaml", "--no-shellcheck", "--enable", "env-key-value", "--format", "json", "Dockerfile");
    assertThat(r.out()).contains("env-key-value").doesNotContain("4eC39HqLyjWDarjtT1zdp7dc");
  }

  @Test
  void everyOutputFormatCarriesTheFindingAndSarifTheRuleWithItsHelp() throws IOException {
    write("pack.yaml", PACK);
    write("Dockerfile", DOCKERFILE);
    for (String format : new String[] {"json", "sarif", "github", "gitlab", "checkstyle", "junit", "gnu", "tty",
        "hadolint-json", "codeclimate", "codacy", "sonarqube"}) {
      Result r = run("--rules", "pack.yaml", "--no-shellcheck", "--format", format, "Dockerfile");
      assertThat(r.err()).as(format).isEmpty();
      assertThat(r.out()).as(format).contains("no-curl-sh");
    }
    JsonNode sarif = new ObjectMapper().readTree(run("--rules", "pack.yaml", "--no-shellcheck", "--format", "sarif",
        "Dockerfile").out());
    JsonNode rule = null;
    for (JsonNode candidate : sarif.at("/runs/0/tool/driver/rules")) {
      if (candidate.get("id").asText().equals("no-curl-sh")) {
        rule = candidate;
      }
    }
    assertThat(rule).isNotNull();
    assertThat(rule.get("helpUri").asText()).isEqualTo("https://wiki.example.com/docker#curl");
    assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("A download is piped into a shell");
    assertThat(rule.at("/fullDescription/text").asText()).isEqualTo("Piping a download into a shell runs whatever the server sends.");
    assertThat(rule.at("/help/markdown").asText()).contains("## Bad").contains("RUN curl -fsSL x | sh");
    assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
  }

  @Test
  void baselinesRecordAndAbsorbCustomFindings() throws IOException {
    write("pack.yaml", PACK);
    write("Dockerfile", DOCKERFILE);
    Result written = run("--rules", "pack.yaml", "--no-shellcheck", "--write-baseline", "baseline.json", "Dockerfile");
    assertThat(written.code()).isZero();
    assertThat(Files.readString(dir.resolve("baseline.json"))).contains("no-curl-sh");
    Result again = run("--rules", "pack.yaml", "--no-shellcheck", "--baseline", "baseline.json", "Dockerfile");
    assertThat(again.out()).doesNotContain("no-curl-sh");
    assertThat(again.code()).isZero();
  }

  @Test
  void anInvalidPackNamesEveryProblemAndNothingIsLinted() throws IOException {
    write("pack.yaml", "rules:\n  - id: Bad_Id\n    severity: fatal\n    message: \"{nope}\"\n    help: https://x\n"
        + "    match:\n      forbid: {from: {tag: {regex: \"(?<=x)\"}}}\n");
    write("Dockerfile", DOCKERFILE);
    Result r = run("--rules", "pack.yaml", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("dockerlint: pack.yaml:"));
    assertThat(r.err()).contains("pack.yaml:2:9: invalid id 'Bad_Id'").contains("pack.yaml:3:15: invalid value 'fatal'")
        .contains("pack.yaml:4:14: unknown placeholder '{nope}'").contains("pack.yaml:7:36: invalid regular expression");
    Result missing = run("--rules", "none.yaml", "Dockerfile");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("dockerlint: none.yaml: rule pack not found\n");
  }

  @Test
  void aPackCannotSwitchOffOrReSeverityABuiltInRule() throws IOException {
    write("pack.yaml", "ignore: [image-latest]\nseverity: {image-latest: info}\nrules: []\n");
    Result r = run("--rules", "pack.yaml", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("pack.yaml:1:1: unknown key 'ignore' in the pack; allowed keys: rules")
        .contains("pack.yaml:2:1: unknown key 'severity' in the pack");
    write("pack.yaml", "rules:\n  - id: x\n    aliases: [DL3007]\n    message: m\n    help: https://x\n"
        + "    match: {forbid: {instruction: RUN}}\n");
    assertThat(run("--rules", "pack.yaml", "Dockerfile").err())
        .contains("pack.yaml:3:15: 'DL3007' is already the name of an alias of built-in rule 'image-latest'");
  }

  @Test
  void customRulesInTheConfigResolveBesideItAndItsNamesMayUseThem() throws IOException {
    Files.createDirectory(dir.resolve(".git"));
    write("policy/team.yaml", PACK);
    write(".dockerlint.yaml", "custom-rules: [policy]\nseverity: {no-curl-sh: warning}\nignore: [curl-pipe-shell, pipefail]\n");
    write("svc/Dockerfile", DOCKERFILE);
    Result r = run("--no-shellcheck", "svc/Dockerfile");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("svc/Dockerfile:4:5: warning no-curl-sh: ");
    // the same names through the command line
    assertThat(run("--no-shellcheck", "--ignore", "PLAT001", "svc/Dockerfile").out()).doesNotContain("no-curl-sh");
    // a nested config with a pack file of its own
    write("svc/.dockerlint.yaml", "custom-rules: ../policy/team.yaml\nenable: [env-key-value]\n");
    write("svc/Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nENV KEY_A=1\n");
    assertThat(run("--no-shellcheck", "svc/Dockerfile").out()).contains("svc/Dockerfile:4:5: info env-key-value: KEY_A=1 is set");
  }

  @Test
  void aConfigNamesAnUnknownRuleAtItsPosition() throws IOException {
    Files.createDirectory(dir.resolve(".git"));
    write("team.yaml", PACK);
    write(".dockerlint.yaml", "custom-rules: [team.yaml]\nignore:\n  - no-such-rule\n");
    write("Dockerfile", DOCKERFILE);
    Result r = run("Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(
        "dockerlint: .dockerlint.yaml:3:5: unknown rule 'no-such-rule'; run 'dockerlint rules' for the list of ids\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aRepositoryConfigCannotReachOutOfTheRepository() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createDirectory(repo.resolve(".git"));
    write("outside.yaml", PACK);
    write("repo/Dockerfile", DOCKERFILE);
    write("repo/.dockerlint.yaml", "custom-rules: [../outside.yaml]\n");
    Result up = run("repo/Dockerfile");
    assertThat(up.code()).isEqualTo(2);
    assertThat(up.err()).isEqualTo("dockerlint: repo/.dockerlint.yaml:1:16: custom-rules path '../outside.yaml' leads "
        + "outside the repository; a repository's config may only name rule packs inside it\n");
    Files.createSymbolicLink(repo.resolve("linked.yaml"), dir.resolve("outside.yaml"));
    write("repo/.dockerlint.yaml", "custom-rules: linked.yaml\n");
    assertThat(run("repo/Dockerfile").err()).contains("repo/.dockerlint.yaml:1:15: custom-rules path 'linked.yaml' leads "
        + "outside the repository");
    write("repo/.dockerlint.yaml", "custom-rules: [" + dir.resolve("outside.yaml") + "]\n");
    assertThat(run("repo/Dockerfile").err()).contains("leads outside the repository");
    write("repo/.dockerlint.yaml", "custom-rules: [missing.yaml]\n");
    assertThat(run("repo/Dockerfile").err()).isEqualTo(
        "dockerlint: repo/.dockerlint.yaml:1:16: custom-rules path 'missing.yaml' does not exist\n");
    // a config whoever runs dockerlint names may use any pack
    write("mine.yaml", "custom-rules: [outside.yaml]\nignore: [curl-pipe-shell, pipefail]\n");
    Result trusted = run("--config", "mine.yaml", "--no-shellcheck", "repo/Dockerfile");
    assertThat(trusted.err()).isEmpty();
    assertThat(trusted.out()).contains("error no-curl-sh");
  }

  @Test
  void rulesListsThemWithTheirSourceAndExplainShowsTheirPage() throws IOException {
    write("pack.yaml", PACK);
    Result list = run("rules", "--rules", "pack.yaml");
    assertThat(list.code()).isZero();
    assertThat(list.out()).containsPattern("(?m)^no-curl-sh +error +on +none +PLAT001 +A download is piped into a shell "
        + "\\(custom rule from pack.yaml\\)$").containsPattern("(?m)^env-key-value +info +off +none +- ");
    assertThat(list.out()).contains("image-latest");
    Result explain = run("explain", "PLAT001", "--rules", "pack.yaml");
    assertThat(explain.code()).isZero();
    assertThat(explain.out()).startsWith("# no-curl-sh\n\nA download is piped into a shell\n\n"
        + "Custom rule from pack.yaml, severity error, aliases PLAT001.\n\n## Why\n\n"
        + "Piping a download into a shell runs whatever the server sends.\n\n## Bad\n")
        .endsWith("## References\n\n- https://wiki.example.com/docker#curl\n");
    // from the working directory's config too
    Files.createDirectory(dir.resolve(".git"));
    write(".dockerlint.yaml", "custom-rules: pack.yaml\n");
    assertThat(run("explain", "no-curl-sh").out()).startsWith("# no-curl-sh\n");
    assertThat(run("rules").out()).contains("(custom rule from pack.yaml)");
    assertThat(run("rules", "--isolated").out()).doesNotContain("no-curl-sh");
  }

  @Test
  void testRulesRunsTheEmbeddedExamples() throws IOException {
    write("pack.yaml", PACK);
    Result pass = run("test-rules", "pack.yaml");
    assertThat(pass.code()).isZero();
    assertThat(pass.out()).isEqualTo("pack.yaml:14: ok   no-curl-sh bad example\npack.yaml:15: ok   no-curl-sh good example\n"
        + "pack.yaml: env-key-value: no examples\n2 examples, 0 failed\n");
    write("pack.yaml", PACK.replace("RUN curl -fsSLo i.sh x", "RUN curl x | bash").replace("curl -fsSL x | sh", "curl x"));
    Result fail = run("test-rules", "pack.yaml");
    assertThat(fail.code()).isEqualTo(1);
    assertThat(fail.out()).contains("pack.yaml:14: FAIL no-curl-sh bad example: not reported\n")
        .contains("pack.yaml:15: FAIL no-curl-sh good example: reported 1 finding\n"
            + "  2:5 curl is piped into a shell; download, verify, then run\n")
        .endsWith("2 examples, 2 failed\n");
    write("none.yaml", "rules:\n  - id: x\n    message: m\n    help: https://x\n    match: {forbid: {instruction: RUN}}\n");
    Result none = run("test-rules", "none.yaml");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("no examples to run");
    write("bad.yaml", "rules: [1]\n");
    Result invalid = run("test-rules", "bad.yaml");
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err()).isEqualTo("dockerlint: bad.yaml:1:9: a rule must be a mapping with id, severity, message "
        + "and match, not '1'\n");
  }
}
