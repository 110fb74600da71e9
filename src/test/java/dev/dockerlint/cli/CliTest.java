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
        + " config=" + lint.config + " context=" + lint.context + " baseline=" + lint.baseline;
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
        List.of("--ignore", "\"a,b\""), List.of("--ignore=-odd"), List.of("--config", "c.yaml"), List.of("--failure"));
    for (List<String> args : toPicocli) {
      assertThat(Main.simpleLint(args.toArray(String[]::new), env)).as("%s goes to picocli", args).isNull();
    }
  }
}
