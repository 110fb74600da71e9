package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.rules.BuiltinRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  static final String GOOD = "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\n";
  static final String BAD = "FROM alpine:latest\nHEALTHCHECK NONE\nUSER app\n";

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  Result run(String stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        env, dir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return run("", Map.of(), args);
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void cleanFileExitsZero() throws IOException {
    write("Dockerfile", GOOD);
    Result r = run("Dockerfile");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void noPathMeansDockerfileInTheWorkingDirectory() throws IOException {
    write("Dockerfile", BAD);
    Result r = run();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Dockerfile:1:6: warning image-latest: ");
  }

  @Test
  void findingsAtOrAboveTheThresholdExitOne() throws IOException {
    write("Dockerfile", BAD);
    assertThat(run("Dockerfile").code()).isEqualTo(1);
    assertThat(run("--failure-threshold", "error", "Dockerfile").code()).isZero();
    assertThat(run("--failure-threshold", "none", "Dockerfile").code()).isZero();
    assertThat(run("--failure-threshold", "bogus", "Dockerfile").code()).isEqualTo(2);
  }

  @Test
  void everyHadolintCodeOfTheNewRulesIsKnown() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nADD app.conf /etc/app/\n");
    assertThat(run("--failure-threshold", "info", "Dockerfile").code()).isEqualTo(1);
    Result ignored = run("--failure-threshold", "info", "--ignore", "DL3020,DL3010,DL3035,DL3047,DL3048,DL3063,DL3064,DL3067",
        "Dockerfile");
    assertThat(ignored.err()).isEmpty();
    assertThat(ignored.code()).isZero();
  }

  @Test
  void aPragmaNamingNoRuleIsAWarningOnStderrAndChangesNothingElse() throws IOException {
    write("Dockerfile", "# hadolint ignore=DL9999,DL3007\n" + BAD.replace("HEALTHCHECK NONE\nUSER app\n", "USER 10001\nHEALTHCHECK NONE\n"));
    Result r = run("Dockerfile");
    assertThat(r.err()).isEqualTo("dockerlint: warning: Dockerfile:1: pragma names 'DL9999', which no rule stands for, so "
        + "it was skipped; run 'dockerlint rules' for the ids and aliases\n");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("image-latest");
  }

  @Test
  void aConfiguredLabelSchemaSwitchesItsRuleOn() throws IOException {
    write("Dockerfile", GOOD);
    write(".dockerlint.yaml", "label-schema:\n  org.opencontainers.image.source: url\n");
    Result r = run("Dockerfile");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("label-schema: The final image has no label 'org.opencontainers.image.source'");
    write(".dockerlint.yaml", "strict-labels: true\n");
    write("Dockerfile", GOOD + "LABEL team=core\n");
    assertThat(run("Dockerfile").out()).contains("label-schema: Label 'team' is not in the label schema");
  }

  @Test
  void ignoreByIdOrAlias() throws IOException {
    write("Dockerfile", BAD);
    assertThat(run("--ignore", "image-latest", "Dockerfile").code()).isZero();
    assertThat(run("--ignore", "DL3007", "Dockerfile").code()).isZero();
    Result unknown = run("--ignore", "DL9999", "Dockerfile");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("dockerlint: unknown rule 'DL9999'; run 'dockerlint rules' for the list of ids\n");
  }

  @Test
  void oneMissingFileDoesNotStopTheOthers() throws IOException {
    write("a/Dockerfile", BAD);
    Result r = run("missing/Dockerfile", "a/Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: missing/Dockerfile: no such file or directory\n");
    assertThat(r.out()).contains("a/Dockerfile:1:6: warning image-latest");
  }

  @Test
  void directoriesAreSearchedInSortedOrder() throws IOException {
    write("svc/b/Dockerfile", BAD);
    write("svc/a/Containerfile", BAD);
    write("svc/c/api.Dockerfile", BAD);
    write("svc/c/Dockerfile.dev", BAD);
    write("svc/c/README.md", "FROM x\n");
    write("svc/.git/Dockerfile", BAD);
    Result r = run("--format", "json", "svc");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("\"svc/a/Containerfile\"", "\"svc/b/Dockerfile\"", "\"svc/c/Dockerfile.dev\"",
        "\"svc/c/api.Dockerfile\"").doesNotContain(".git").doesNotContain("README");
  }

  @Test
  void directoryWithoutDockerfilesIsAnError() throws IOException {
    write("empty/notes.txt", "x");
    Result r = run("empty");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: empty: no Dockerfile");
  }

  @Test
  void binaryFileIsAnError() throws IOException {
    Files.write(dir.resolve("Dockerfile"), new byte[] {'F', 'R', 'O', 'M', 0, 1, 2});
    Result r = run("Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: Dockerfile: binary file (NUL byte at offset 4); not a Dockerfile\n");
  }

  @Test
  void invalidUtf8IsLintedLenientlyWithAWarning() throws IOException {
    Files.write(dir.resolve("Dockerfile"), "FROM alpine:3.20\nUSER 1\nHEALTHCHECK NONE\nLABEL x=\"\u00ff\"\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    Result r = run("Dockerfile");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("Dockerfile: warning: invalid UTF-8 at byte offset 50; decoded leniently");
  }

  @Test
  void stdinIsReadForDash() {
    Result r = run(BAD, Map.of(), "--format", "json", "-");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("\"file\": \"-\"").contains("image-latest");
  }

  @Test
  void jsonOutputParsesAndCountsFindings() throws IOException {
    write("Dockerfile", BAD);
    JsonNode json = new ObjectMapper().readTree(run("--format", "json", "Dockerfile").out());
    assertThat(json.path("tool").path("name").asText()).isEqualTo("dockerlint");
    assertThat(json.path("findings")).hasSize(1);
    JsonNode finding = json.path("findings").get(0);
    assertThat(finding.path("rule").asText()).isEqualTo("image-latest");
    assertThat(finding.path("line").asInt()).isEqualTo(1);
    assertThat(finding.path("column").asInt()).isEqualTo(6);
    assertThat(finding.path("endColumn").asInt()).isEqualTo(19);
    assertThat(json.path("summary").path("warning").asInt()).isEqualTo(1);
  }

  @Test
  void sarifOutputNamesTheDriverAndRules() throws IOException {
    write("Dockerfile", BAD);
    JsonNode sarif = new ObjectMapper().readTree(run("--format", "sarif", "Dockerfile").out());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("dockerlint");
    assertThat(run.path("tool").path("driver").path("rules").size()).isGreaterThanOrEqualTo(BuiltinRules.all().size());
    assertThat(run.path("results").get(0).path("ruleId").asText()).isEqualTo("image-latest");
  }

  @Test
  void outputFileIsWrittenWhole() throws IOException {
    write("Dockerfile", BAD);
    Result r = run("--format", "json", "--output", "out/report.json", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: out/report.json: cannot write report (directory does not exist)\n");
    assertThat(dir.resolve("out")).doesNotExist();

    Files.createDirectories(dir.resolve("out"));
    Result ok = run("--format", "json", "--output", "out/report.json", "Dockerfile");
    assertThat(ok.code()).isEqualTo(1);
    assertThat(ok.out()).isEmpty();
    assertThat(Files.readString(dir.resolve("out/report.json"))).contains("image-latest");
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }

  @Test
  void outputIsDeterministic() throws IOException {
    write("Dockerfile", BAD + "ENV PASSWORD=hunter2\nRUN apt-get install -y curl\n");
    assertThat(run("--format", "sarif", "Dockerfile").out()).isEqualTo(run("--format", "sarif", "Dockerfile").out());
    assertThat(run("Dockerfile").out()).isEqualTo(run("Dockerfile").out());
  }

  @Test
  void configIsDiscoveredAndValidated() throws IOException {
    write("Dockerfile", BAD);
    write(".dockerlint.yaml", "ignore: [DL3007]\n");
    assertThat(run("Dockerfile").code()).isZero();
    write(".dockerlint.yaml", "ignore: [DL3007]\nfailure-treshold: error\n");
    Result r = run("Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(".dockerlint.yaml:2:1: unknown key 'failure-treshold'");
  }

  @Test
  void explicitConfigAndSeverityOverride() throws IOException {
    write("Dockerfile", BAD);
    write("cfg/strict.yaml", "severity:\n  image-latest: info\n");
    assertThat(run("--config", "cfg/strict.yaml", "Dockerfile").code()).isZero();
    assertThat(run("--config", "cfg/none.yaml", "Dockerfile").code()).isEqualTo(2);
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() throws IOException {
    write("Dockerfile", BAD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(new String[] {"Dockerfile"}, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of(), dir, true);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\u001b[");
    out.reset();
    Main.run(new String[] {"Dockerfile"}, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of("NO_COLOR", "1"), dir, true);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b[");
    assertThat(run("Dockerfile").out()).doesNotContain("\u001b[");
    // a terminal that says it cannot show colour (Emacs shell buffers, some CI consoles)
    out.reset();
    Main.run(new String[] {"Dockerfile"}, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of("TERM", "dumb"), dir, true);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("image-latest").doesNotContain("\u001b[");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Result r = run("--frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: Unknown option: '--frobnicate'");
    assertThat(run("--format", "yaml", "Dockerfile").code()).isEqualTo(2);
  }

  @Test
  void rulesListsEveryRule() {
    Result r = run("rules");
    assertThat(r.code()).isZero();
    for (var rule : BuiltinRules.all()) {
      assertThat(r.out()).contains(rule.info().id());
    }
    assertThat(r.out()).contains("DL3007");
  }

  @Test
  void aSubcommandAfterAnOptionIsStillASubcommand() {
    // a plain lint run builds only the lint model; this must still find the subcommand
    Result r = run("--no-color", "rules");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("image-latest", "DL3007");
  }

  @Test
  void anAtSignStartsAPathNotAFileOfArguments() throws IOException {
    write("@app/Dockerfile", GOOD);
    assertThat(run("@app/Dockerfile").code()).isZero();
    assertThat(run("--no-color", "@app/Dockerfile").code()).isZero();
    // expanded, this file would become the arguments FROM, alpine:3.20, ...
    String arguments = "@" + write("args.txt", GOOD).toAbsolutePath();
    Result r = run("--no-color", arguments);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: " + arguments + ": no such file or directory\n");
  }

  @Test
  void explainAcceptsIdsAndAliases() {
    Result r = run("explain", "DL3007");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("# image-latest\n").contains("## Bad").contains("## Good");
    assertThat(run("explain", "nope").code()).isEqualTo(2);
  }

  @Test
  void astPrintsBuildkitFormAndJson() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nENV name=value name2=value2\nCMD [ \"a\", \"b\" ]\n");
    Result r = run("ast", "--format", "buildkit", "Dockerfile");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("(from \"alpine:3.20\")\n(env \"name\" \"value\" \"=\" \"name2\" \"value2\" \"=\")\n(cmd \"a\" \"b\")\n");
    Result json = run("ast", "Dockerfile");
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"instruction\" : \"FROM\"").contains("\"stages\"");
    write("NoUser", "FROM alpine:3.20\nUSER \n");
    Result noUser = run("ast", "NoUser");
    assertThat(noUser.err()).isEmpty();
    assertThat(noUser.out()).contains("\"effectiveUser\" : null");
    write("Empty", "# only a comment\n");
    Result empty = run("ast", "--format", "buildkit", "Empty");
    assertThat(empty.code()).isEqualTo(1);
    assertThat(empty.err()).contains("syntax-error");
  }

  /**
   * A record's derived properties (isFlag, isScratch...) come after its components, by name. Jackson
   * would list them in reflection order, which changed when a large file's words were first made
   * on a parser thread.
   */
  @Test
  void astJsonOrderIsFixedForLargeFilesToo() throws IOException {
    StringBuilder big = new StringBuilder("FROM scratch\n");
    while (big.length() < 300_000) {
      big.append("RUN apt-get install -y --no-install-recommends curl\n");
    }
    for (String text : List.of("FROM scratch\nRUN apt-get install -y --no-install-recommends curl\n", big.toString())) {
      write("Dockerfile", text);
      String json = run("ast", "Dockerfile").out();
      assertThat(json).contains("\"expands\" : false,\n            \"flag\" : true,\n            \"longFlag\" : false\n")
          .contains("\"scratch\" : true,\n      \"valid\" : true\n")
          .doesNotContain("\"longFlag\" : false,\n            \"flag\"");
    }
  }

  @Test
  void versionIsPrinted() {
    Result r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("dockerlint ");
  }

  /** What a lint command was set to, to compare the hand parse with picocli's. */
  private static String settings(LintCommand lint) {
    return "paths=" + lint.paths + " threshold=" + lint.failureThreshold + " ignore=" + lint.ignore
        + " enable=" + lint.enable + " noColor=" + lint.noColor + " outputs=" + lint.outputs.size()
        + " config=" + lint.config + " isolated=" + lint.isolated + " context=" + lint.context + " baseline=" + lint.baseline;
  }

  @Test
  void commonOptionsAreReadWithoutPicocliExactlyAsPicocliReadsThem() {
    Main.Environment env = new Main.Environment(new ByteArrayInputStream(new byte[0]), System.out, System.err,
        Map.of(), dir, false);
    List<List<String>> simple = List.of(
        List.of(),
        List.of("Dockerfile", "-", "@odd name", "sub/Dockerfile"),
        List.of("--failure-threshold", "none", "a", "b"),
        List.of("a", "--failure-threshold=error", "b"),
        List.of("--ignore", "DL3007,image-latest", "--ignore=user-root", "--enable", "pipefail", "x"),
        List.of("--no-color", "--enable=a,b,c", "--failure-threshold", "style"));
    for (List<String> args : simple) {
      LintCommand byHand = Main.simpleLint(args.toArray(String[]::new), env);
      assertThat(byHand).as("%s is read by hand", args).isNotNull();
      LintCommand byPicocli = new LintCommand(env);
      new picocli.CommandLine(byPicocli).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
      assertThat(settings(byHand)).as("%s", args).isEqualTo(settings(byPicocli));
    }
    List<List<String>> toPicocli = List.of(
        List.of("rules"), List.of("Dockerfile", "explain"), List.of("--ignore", "rules"),
        List.of("--format", "json", "Dockerfile"), List.of("-o", "x"), List.of("-h"), List.of("--", "-x"),
        List.of("-x"), List.of("--failure-threshold"), List.of("--failure-threshold", "--no-color"),
        List.of("--failure-threshold", "none", "--failure-threshold", "error"), List.of("--no-color", "--no-color"),
        List.of("--no-color=true"), List.of("--ignore="), List.of("--ignore", "a,,b"), List.of("--ignore", "a,"),
        List.of("--ignore", "\"a,b\""), List.of("--ignore=-odd"), List.of("--config", "c.yaml"), List.of("--failure"),
        List.of("--isolated"));
    for (List<String> args : toPicocli) {
      assertThat(Main.simpleLint(args.toArray(String[]::new), env)).as("%s goes to picocli", args).isNull();
    }
  }

  // Config lookup: each Dockerfile gets the nearest config (issue 17 item 5)

  /** image-latest and user-root (no USER) findings, nothing else. */
  static final String TWO_RULES = "FROM alpine:latest\nHEALTHCHECK NONE\n";

  Result runIn(Path workingDir, Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        env, workingDir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String lastLine(String output) {
    String[] lines = output.split("\n");
    return lines[lines.length - 1];
  }

  static List<String> rulesOf(JsonNode json, String file) {
    List<String> rules = new java.util.ArrayList<>();
    for (JsonNode finding : json.get("findings")) {
      if (finding.get("file").asText().equals(file)) {
        rules.add(finding.get("rule").asText());
      }
    }
    return rules;
  }

  static List<String> configsOf(JsonNode array) {
    List<String> names = new java.util.ArrayList<>();
    for (JsonNode name : array) {
      names.add(name.asText());
    }
    return names;
  }

  /** A repository with a config at its root and a nearer one in svc/, each ignoring a different rule. */
  void nestedRepository() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write(".dockerlint.yaml", "ignore: [image-latest]\n");
    write("svc/.dockerlint.yaml", "ignore: [user-root]\n");
    write("Dockerfile", TWO_RULES);
    write("svc/Dockerfile", TWO_RULES);
    write("svc/api/Dockerfile", TWO_RULES);
  }

  @Test
  void eachDockerfileGetsTheNearestConfig() throws IOException {
    nestedRepository();
    JsonNode json = new ObjectMapper().readTree(run("--format", "json", "Dockerfile", "svc").out());
    assertThat(rulesOf(json, "Dockerfile")).containsExactly("user-root");
    assertThat(rulesOf(json, "svc/Dockerfile")).as("nearest wins, not merged").containsExactly("image-latest");
    assertThat(rulesOf(json, "svc/api/Dockerfile")).containsExactly("image-latest");
    assertThat(configsOf(json.get("configs"))).containsExactly(".dockerlint.yaml", "svc/.dockerlint.yaml");
    JsonNode ignoring = new ObjectMapper().readTree(run("--format", "json", "--ignore", "image-latest", "Dockerfile", "svc").out());
    assertThat(rulesOf(ignoring, "Dockerfile")).as("--ignore adds to each file's config").containsExactly("user-root");
    assertThat(rulesOf(ignoring, "svc/Dockerfile")).isEmpty();
  }

  @Test
  void theConfigsUsedAreNamedInTextJsonAndSarif() throws IOException {
    nestedRepository();
    assertThat(lastLine(run("Dockerfile", "svc").out()))
        .isEqualTo("3 problems (3 warnings) in 3 files (configs: .dockerlint.yaml, svc/.dockerlint.yaml)");
    assertThat(lastLine(run("svc/Dockerfile").out())).isEqualTo("1 problem (1 warning) in 1 file (config: svc/.dockerlint.yaml)");
    JsonNode sarif = new ObjectMapper().readTree(run("--format", "sarif", "svc", "Dockerfile").out());
    assertThat(configsOf(sarif.at("/runs/0/properties/configs"))).containsExactly(".dockerlint.yaml", "svc/.dockerlint.yaml");
    JsonNode json = new ObjectMapper().readTree(run("--format", "json", "svc").out());
    assertThat(configsOf(json.get("configs"))).containsExactly("svc/.dockerlint.yaml");
  }

  @Test
  void withoutAConfigTheReportSaysNothingAboutOne() throws IOException {
    write("Dockerfile", TWO_RULES);
    assertThat(lastLine(run("Dockerfile").out())).isEqualTo("2 problems (2 warnings) in 1 file");
    JsonNode json = new ObjectMapper().readTree(run("--format", "json", "Dockerfile").out());
    assertThat(json.get("configs")).isEmpty();
  }

  @Test
  void stdinUsesTheStdinFilenamesDirectoryElseTheWorkingDirectory() throws IOException {
    nestedRepository();
    Result svc = run(TWO_RULES, Map.of(), "--format", "json", "--stdin-filename", "svc/Dockerfile", "-");
    assertThat(rulesOf(new ObjectMapper().readTree(svc.out()), "svc/Dockerfile")).containsExactly("image-latest");
    Result plain = run(TWO_RULES, Map.of(), "--format", "json", "-");
    JsonNode json = new ObjectMapper().readTree(plain.out());
    assertThat(rulesOf(json, "-")).containsExactly("user-root");
    assertThat(configsOf(json.get("configs"))).containsExactly(".dockerlint.yaml");
  }

  @Test
  void outsideARepositoryAConfigAboveTheWorkingDirectoryIsNotUsed() throws IOException {
    write(".dockerlint.yaml", "ignore: [image-latest, user-root]\n");
    write("work/Dockerfile", TWO_RULES);
    Result r = runIn(dir.resolve("work"), Map.of(), "", "Dockerfile");
    assertThat(r.code()).isEqualTo(1);
    assertThat(lastLine(r.out())).isEqualTo("2 problems (2 warnings) in 1 file");
    Files.createDirectories(dir.resolve(".git"));
    assertThat(lastLine(runIn(dir.resolve("work"), Map.of(), "", "Dockerfile").out()))
        .as("inside a repository the root's config counts").isEqualTo("No problems found in 1 file (config: ../.dockerlint.yaml)");
  }

  @Test
  void theLookupStopsAtTheRepositoryRoot() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write(".dockerlint.yaml", "ignore: [image-latest, user-root]\n");
    write("vendor/lib/.git", "gitdir: ../../.git/modules/lib\n"); // a submodule
    write("vendor/lib/Dockerfile", TWO_RULES);
    assertThat(lastLine(run("vendor/lib/Dockerfile").out())).isEqualTo("2 problems (2 warnings) in 1 file");
  }

  @Test
  void aUserConfigComesFromTheHomeDirectoryWhenNoProjectHasOne() throws IOException {
    write("work/Dockerfile", TWO_RULES);
    write("home/.config/dockerlint/config.yaml", "ignore: [image-latest]\n");
    Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
    Result user = runIn(dir.resolve("work"), env, "", "Dockerfile");
    assertThat(lastLine(user.out())).isEqualTo("1 problem (1 warning) in 1 file (config: ~/.config/dockerlint/config.yaml)");
    write("xdg/dockerlint/config.yaml", "ignore: [user-root]\n");
    Result xdg = runIn(dir.resolve("work"), Map.of("HOME", dir.resolve("home").toString(), "XDG_CONFIG_HOME",
        dir.resolve("xdg").toString()), "", "--format", "json", "Dockerfile");
    JsonNode json = new ObjectMapper().readTree(xdg.out());
    assertThat(rulesOf(json, "Dockerfile")).containsExactly("image-latest");
    assertThat(configsOf(json.get("configs"))).containsExactly(dir.resolve("xdg/dockerlint/config.yaml").toString());
    write("work/.dockerlint.yaml", "enable: []\n");
    assertThat(lastLine(runIn(dir.resolve("work"), env, "", "Dockerfile").out()))
        .as("a project config wins, whole").isEqualTo("2 problems (2 warnings) in 1 file (config: .dockerlint.yaml)");
  }

  @Test
  void isolatedIgnoresEveryConfigFile() throws IOException {
    nestedRepository();
    write("home/.config/dockerlint/config.yaml", "ignore: [image-latest, user-root]\n");
    Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
    Result r = run("", env, "--isolated", "Dockerfile", "svc");
    assertThat(r.code()).isEqualTo(1);
    assertThat(lastLine(r.out())).isEqualTo("6 problems (6 warnings) in 3 files");
    write("home/Dockerfile", TWO_RULES);
    assertThat(lastLine(runIn(dir.resolve("home"), env, "", "--isolated", "Dockerfile").out()))
        .as("the user config too").isEqualTo("2 problems (2 warnings) in 1 file");
    write(".dockerlint.yaml", "this is: [not valid\n");
    assertThat(run("--isolated", "Dockerfile").code()).as("not even read").isEqualTo(1);
    Result both = run("--isolated", "--config", "svc/.dockerlint.yaml", "Dockerfile");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).isEqualTo("dockerlint: --isolated and --config cannot be used together; "
        + "--isolated already ignores every config file\n");
  }

  @Test
  void anExplicitConfigIsUsedForEveryDockerfile() throws IOException {
    nestedRepository();
    write("ci/lint.yaml", "severity:\n  image-latest: error\n");
    Result r = run("--format", "json", "-c", "ci/lint.yaml", "Dockerfile", "svc");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(rulesOf(json, "Dockerfile")).containsExactly("image-latest", "user-root");
    assertThat(rulesOf(json, "svc/Dockerfile")).containsExactly("image-latest", "user-root");
    assertThat(json.at("/findings/0/severity").asText()).isEqualTo("error");
    assertThat(configsOf(json.get("configs"))).containsExactly("ci/lint.yaml");
  }

  @Test
  void formatAndThresholdComeFromTheWorkingDirectorysConfig() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write("svc/.dockerlint.yaml", "format: json\nfailure-threshold: none\n");
    write("svc/Dockerfile", TWO_RULES);
    Result fromRoot = run("svc/Dockerfile");
    assertThat(fromRoot.code()).as("svc's threshold is not the run's").isEqualTo(1);
    assertThat(fromRoot.out()).as("nor its format").endsWith("2 problems (2 warnings) in 1 file (config: svc/.dockerlint.yaml)\n");
    Result fromSvc = runIn(dir.resolve("svc"), Map.of(), "", "Dockerfile");
    assertThat(fromSvc.code()).isZero();
    assertThat(configsOf(new ObjectMapper().readTree(fromSvc.out()).get("configs"))).containsExactly(".dockerlint.yaml");
    assertThat(runIn(dir.resolve("svc"), Map.of(), "", "--failure-threshold", "warning", "--format", "text",
        "Dockerfile").code()).as("the command line wins").isEqualTo(1);
  }

  @Test
  void theWorkingDirectorysConfigIsNamedWhenItSetsTheFormatOrThreshold() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write(".dockerlint.yaml", "format: json\n");
    write("svc/.dockerlint.yaml", "ignore: [user-root]\n");
    write("svc/Dockerfile", TWO_RULES);
    JsonNode json = new ObjectMapper().readTree(run("svc/Dockerfile").out());
    assertThat(configsOf(json.get("configs"))).containsExactly(".dockerlint.yaml", "svc/.dockerlint.yaml");
    json = new ObjectMapper().readTree(run("--format", "json", "svc/Dockerfile").out());
    assertThat(configsOf(json.get("configs"))).as("its format was not used").containsExactly("svc/.dockerlint.yaml");
  }

  @Test
  void aConfigLinkedOutOfTheRepositoryIsNotReadNorShown() throws IOException {
    Files.createDirectories(dir.resolve("repo/.git"));
    write("private/token.yaml", "format: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n");
    write("repo/Dockerfile", TWO_RULES);
    Files.createSymbolicLink(dir.resolve("repo/.dockerlint.yaml"), dir.resolve("private/token.yaml"));
    Result r = runIn(dir.resolve("repo"), Map.of(), "", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: .dockerlint.yaml: the config is a symbolic link to a file outside the "
        + "repository; replace the link with a copy of the file\n");
  }

  @Test
  void anInvalidNestedConfigStopsOnlyItsOwnDockerfiles() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write("Dockerfile", TWO_RULES);
    write("svc/.dockerlint.yaml", "ignore: [user-root]\nfailure-treshold: error\n");
    write("svc/Dockerfile", TWO_RULES);
    write("svc/api/Dockerfile", TWO_RULES);
    Result r = run("Dockerfile", "svc");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: svc/.dockerlint.yaml:2:1: unknown key 'failure-treshold'; allowed keys: "
        + "disable-ignore-pragma, enable, failure-threshold, format, ignore, label-schema, severity, shellcheck, "
        + "strict-labels, trusted-registries\n"
        + "dockerlint: svc/Dockerfile: not linted: config file 'svc/.dockerlint.yaml' is invalid; fix it, or name "
        + "another with --config\n"
        + "dockerlint: svc/api/Dockerfile: not linted: config file 'svc/.dockerlint.yaml' is invalid; fix it, or name "
        + "another with --config\n");
    assertThat(lastLine(r.out())).as("the console's text leaves stderr's errors out").isEqualTo("2 problems (2 warnings) in 1 file");
    JsonNode json = new ObjectMapper().readTree(run("--format", "json", "Dockerfile", "svc").out());
    assertThat(json.at("/errors/0/file").asText()).isEqualTo("svc/Dockerfile");
    assertThat(json.at("/errors/0/message").asText()).startsWith("not linted: config file 'svc/.dockerlint.yaml' is invalid");
    assertThat(json.get("configs")).as("the invalid one was not used").isEmpty();
  }

  /** The README's Configuration section: its layout, built as written, prints the summary it quotes. */
  @Test
  void readmeConfigurationSampleIsWhatARunPrints() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## Configuration\n"), readme.indexOf("## Output formats\n"));
    String tree = section.substring(section.indexOf("```text\nrepo/\n") + "```text\nrepo/\n".length());
    tree = tree.substring(0, tree.indexOf("```"));
    String dockerfile = "FROM alpine:latest\nUSER app\nEXPOSE 8080\n";
    assertThat(section).contains("With `FROM alpine:latest`, `USER app` and `EXPOSE 8080` in each Dockerfile, "
        + "`dockerlint Dockerfile services`");
    int files = 0;
    for (String line : tree.split("\n")) {
      String[] columns = line.strip().split("\\s{2,}", 2);
      if (columns[0].equals(".git/")) {
        Files.createDirectories(dir.resolve(".git"));
      } else if (columns[0].endsWith("Dockerfile")) {
        write(columns[0], dockerfile);
        files++;
      } else {
        assertThat(columns[0]).endsWith(".dockerlint.yaml");
        write(columns[0], columns[1] + "\n");
      }
    }
    assertThat(files).isEqualTo(3);
    String quoted = section.substring(section.indexOf("the text summary,\n\n```text\n") + "the text summary,\n\n```text\n".length());
    quoted = quoted.substring(0, quoted.indexOf('\n'));
    Result r = run("Dockerfile", "services");
    assertThat(lastLine(r.out())).isEqualTo(quoted);
    assertThat(r.out()).contains("services/api/Dockerfile:1:6: info healthcheck-missing")
        .doesNotContain("services/web/Dockerfile:1:6: info healthcheck-missing");
  }

  @Test
  void theExampleConfigsAreValid() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Result example = runIn(root, Map.of(), "", "-c", "examples/config/.dockerlint.yaml", "examples/good");
    assertThat(example.err()).isEmpty();
    assertThat(lastLine(example.out())).endsWith("(config: examples/config/.dockerlint.yaml)");
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## Configuration\n"), readme.indexOf("## Output formats\n"));
    String yaml = section.substring(section.indexOf("```yaml\n") + "```yaml\n".length());
    write("readme.yaml", yaml.substring(0, yaml.indexOf("```")));
    // its label schema switches the label check on: the Dockerfile carries the label
    write("Dockerfile", GOOD + "LABEL org.opencontainers.image.source=https://example.com/app\n");
    Result readmeConfig = run("-c", "readme.yaml", "Dockerfile");
    assertThat(readmeConfig.err()).isEmpty();
    assertThat(readmeConfig.code()).isZero();
    write("Dockerfile", GOOD);
    assertThat(run("-c", "readme.yaml", "Dockerfile").out()).contains("label-schema");
  }

  /** The action's Lint step, run by bash with a stand-in for java that records its arguments. */
  @Test
  void theActionPassesConfigAsDashCAndIsolatedAsAFlag() throws Exception {
    Path bash = Path.of("/bin/bash");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash), "bash is needed to run the action's script");
    @SuppressWarnings("unchecked")
    Map<String, Object> action = (Map<String, Object>) new org.yaml.snakeyaml.Yaml(
        new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
        .load(Files.readString(Path.of("action.yml")));
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
    assertThat(inputs).containsKeys("config", "isolated");
    @SuppressWarnings("unchecked")
    Map<String, Object> isolatedInput = (Map<String, Object>) inputs.get("isolated");
    assertThat(isolatedInput.get("default")).isEqualTo("false");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
    String script = null;
    for (Map<String, Object> step : steps) {
      if ("lint".equals(step.get("id"))) {
        script = (String) step.get("run");
      }
    }
    assertThat(script).isNotNull();
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = write("bin/java", "#!/bin/bash\nprintf '%s\\n' \"$@\" > \"$ARGS_FILE\"\n");
    java.toFile().setExecutable(true);
    write("Dockerfile", GOOD);
    assertThat(actionArguments(bash, bin, script, "ci/lint.yaml", "false")).containsSequence("-c", "ci/lint.yaml")
        .doesNotContain("--isolated");
    assertThat(actionArguments(bash, bin, script, "", "true")).contains("--isolated").doesNotContain("-c", "--config");
    assertThat(actionArguments(bash, bin, script, "", "false")).doesNotContain("--isolated", "-c", "--config");
  }

  private List<String> actionArguments(Path bash, Path bin, String script, String config, String isolated)
      throws IOException, InterruptedException {
    Path args = dir.resolve("args.txt");
    Files.deleteIfExists(args);
    ProcessBuilder builder = new ProcessBuilder(bash.toString(), "-c", script).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("action.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("ARGS_FILE", args.toString());
    env.put("RUNNER_TEMP", dir.toString());
    env.put("GITHUB_OUTPUT", dir.resolve("github-output").toString());
    env.put("DL_DOCKERFILE", "Dockerfile");
    env.put("DL_RECURSIVE", "false");
    env.put("DL_CONFIG", config);
    env.put("DL_ISOLATED", isolated);
    env.put("DL_FORMAT", "sarif");
    env.put("DL_OUTPUT", "out.sarif");
    env.put("DL_THRESHOLD", "warning");
    env.put("DL_IGNORE", "");
    env.put("DL_ANNOTATIONS", "true");
    env.put("DL_JAR", dir.resolve("dockerlint.jar").toString());
    Process process = builder.start();
    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("action.log"))).isZero();
    return Files.readAllLines(args);
  }
}
