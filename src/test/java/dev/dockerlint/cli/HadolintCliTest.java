package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.rules.BuiltinRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * hadolint's surface on dockerlint's command line: its flags, its {@code HADOLINT_*} variables, its
 * config files and their precedence (command line, then environment, then config), and its
 * exit-code semantics where hadolint's own sources are read.
 */
class HadolintCliTest {
  /** One image-latest (DL3007, a warning) finding, nothing else. */
  static final String LATEST = "FROM alpine:latest\nHEALTHCHECK NONE\nUSER app\n";
  static final String LATEST_LINE = "Dockerfile:1 DL3007 warning: Image 'alpine:latest' uses the mutable 'latest' tag; "
      + "pin a version such as alpine:<version>\n";
  /** A retired hadolint code: hadolint's, and no dockerlint rule will ever stand for it. */
  static final String RETIRED = "DL3005";

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write("Dockerfile", LATEST);
  }

  Result run(Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, dir, terminal);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  Result run(String... args) {
    return run(Map.of(), args);
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  // exit codes: each source in its own meaning

  @Test
  void dashTIsFailureThresholdInDockerlintsMeaning() {
    assertThat(run("-t", "error", "Dockerfile").code()).isZero();
    assertThat(run("-t", "warning", "Dockerfile").code()).isEqualTo(1);
    assertThat(run("-t", "none", "Dockerfile").code()).as("our none never fails").isZero();
    assertThat(run("-t", "ignore", "Dockerfile").code()).as("hadolint's spelling of none, our meaning").isZero();
    Result bogus = run("-t", "fatal", "Dockerfile");
    assertThat(bogus.code()).isEqualTo(2);
    assertThat(bogus.err()).isEqualTo("dockerlint: unknown failure threshold 'fatal'; expected one of error, warning, "
        + "info, style, none\n");
  }

  @Test
  void noFailNeverFailsOnFindingsButStillOnUnreadableFiles() {
    assertThat(run("--no-fail", "Dockerfile").code()).isZero();
    assertThat(run("--no-fail", "--failure-threshold", "style", "Dockerfile").code()).as("no-fail wins").isZero();
    assertThat(run("--no-fail", "missing/Dockerfile").code()).isEqualTo(2);
  }

  @Test
  void hadolintsConfigTakesHadolintsMeaning() throws IOException {
    // a style finding: dockerlint's default gate (warning) lets it pass, hadolint's (info) too
    assertThat(run("--style", "DL3007", "Dockerfile").code()).isZero();
    write(".hadolint.yaml", "failure-threshold: none\n");
    assertThat(run("--style", "DL3007", "Dockerfile").code()).as("hadolint's none fails on any finding").isEqualTo(1);
    write(".hadolint.yaml", "failure-threshold: error\n");
    assertThat(run("Dockerfile").code()).isZero();
    write(".hadolint.yaml", "no-fail: true\n");
    assertThat(run("Dockerfile").code()).isZero();
    assertThat(run("--failure-threshold", "warning", "Dockerfile").code()).as("the command line wins over the config")
        .isEqualTo(1);
    assertThat(run(Map.of("HADOLINT_FAILURE_THRESHOLD", "warning"), "Dockerfile").code()).as("the environment too")
        .isEqualTo(1);
    write(".dockerlint.yaml", "failure-threshold: none\n");
    assertThat(run("--style", "DL3007", "Dockerfile").code()).as("ours, in the same directory, in our meaning").isZero();
  }

  @Test
  void hadolintsDefaultGateIsInfoForAHadolintSetup() throws IOException {
    Map<String, String> hadolintVar = Map.of("HADOLINT_VERBOSE", "0");
    assertThat(run("--info", "DL3007", "Dockerfile").code()).as("dockerlint's default: warning").isZero();
    assertThat(run(hadolintVar, "--info", "DL3007", "Dockerfile").code()).as("HADOLINT_* set, no config").isEqualTo(1);
    write(".hadolint.yaml", "ignored: []\n");
    assertThat(run("--info", "DL3007", "Dockerfile").code()).as("a hadolint config applies").isEqualTo(1);
    assertThat(run("--info", "DL3007", "--style", "DL3007", "Dockerfile").code()).as("the most severe of one source")
        .isEqualTo(1);
    write(".dockerlint.yaml", "ignore: []\n");
    assertThat(run(hadolintVar, "--info", "DL3007", "Dockerfile").code()).as("our config applies").isZero();
  }

  @Test
  void hadolintsThresholdVariableTakesHadolintsMeaningAndRanksBetweenCommandLineAndConfig() throws IOException {
    Map<String, String> none = Map.of("HADOLINT_FAILURE_THRESHOLD", "none");
    assertThat(run(none, "--style", "DL3007", "Dockerfile").code()).isEqualTo(1);
    assertThat(run(Map.of("HADOLINT_FAILURE_THRESHOLD", "error"), "Dockerfile").code()).isZero();
    assertThat(run(none, "--failure-threshold", "none", "--style", "DL3007", "Dockerfile").code()).as("CLI first").isZero();
    write(".hadolint.yaml", "failure-threshold: error\n");
    assertThat(run(Map.of("HADOLINT_FAILURE_THRESHOLD", "warning"), "Dockerfile").code()).as("env over config")
        .isEqualTo(1);
    Result invalid = run(Map.of("HADOLINT_FAILURE_THRESHOLD", "fatal"), "Dockerfile");
    assertThat(invalid.code()).as("skipped: the config's").isZero();
    assertThat(invalid.err()).startsWith("dockerlint: warning: HADOLINT_FAILURE_THRESHOLD is 'fatal'");
  }

  @Test
  void hadolintsNoFailVariableIsTrueOrFalse() throws IOException {
    assertThat(run(Map.of("HADOLINT_NOFAIL", "1"), "Dockerfile").code()).isZero();
    assertThat(run(Map.of("HADOLINT_NOFAIL", "yes"), "Dockerfile").code()).isZero();
    assertThat(run(Map.of("HADOLINT_NOFAIL", "yes"), "-t", "warning", "Dockerfile").code()).as("the command line first")
        .isEqualTo(1);
    assertThat(run(Map.of("HADOLINT_NOFAIL", "yes", "HADOLINT_FAILURE_THRESHOLD", "style"), "Dockerfile").code())
        .as("within one source no-fail wins").isZero();
    write(".hadolint.yaml", "no-fail: true\n");
    assertThat(run(Map.of("HADOLINT_NOFAIL", "0"), "Dockerfile").code()).as("an explicit false over the config's")
        .isEqualTo(1);
  }

  @Test
  void codeclimateAndCodacyReportsNeverFailTheRun() {
    for (String format : List.of("codeclimate", "codacy")) {
      Result r = run("--format", format, "--failure-threshold", "style", "Dockerfile");
      assertThat(r.code()).as(format).isZero();
      assertThat(r.out()).as(format).contains("DL3007");
      assertThat(run("--format", "tty", "--format", format, "--output", "cc.out", "Dockerfile").code()).isZero();
    }
    assertThat(run("--format", "sonarqube", "Dockerfile").code()).isEqualTo(1);
    assertThat(run("--format", "codeclimate", "missing/Dockerfile").code()).as("an unreadable file still").isEqualTo(2);
  }

  // formats

  @Test
  void hadolintsFormatsByName() throws IOException {
    assertThat(run("--format", "tty", "Dockerfile").out()).isEqualTo(LATEST_LINE);
    JsonNode json = new ObjectMapper().readTree(run("-f", "hadolint-json", "Dockerfile").out());
    assertThat(json.toString()).isEqualTo("[{\"code\":\"DL3007\",\"column\":6,\"file\":\"Dockerfile\",\"level\":\"warning\","
        + "\"line\":1,\"message\":\"Image 'alpine:latest' uses the mutable 'latest' tag; pin a version such as "
        + "alpine:<version>\"}]");
    assertThat(run("-f", "json", "Dockerfile").out()).as("our json keeps its shape").startsWith("{\n  \"tool\": {");
    assertThat(run("-f", "gitlab_codeclimate", "Dockerfile").out()).isEqualTo(run("-f", "gitlab", "Dockerfile").out());
    assertThat(run("-f", "sonarqube", "Dockerfile").out()).startsWith("{\"issues\":[{\"engineId\":\"dockerlint\",");
    assertThat(run("-f", "codacy", "Dockerfile").out()).startsWith("{\"filename\":\"Dockerfile\",\"line\":1,");
    assertThat(run("-f", "codeclimate", "Dockerfile").out()).endsWith("\"type\":\"issue\"}\u0000");
  }

  @Test
  void hadolintsConfigAndVariableNameFormatsInHadolintsTerms() throws IOException {
    String hadolintJson = run("-f", "hadolint-json", "Dockerfile").out();
    assertThat(run(Map.of("HADOLINT_FORMAT", "json"), "Dockerfile").out()).isEqualTo(hadolintJson);
    Result two = run(Map.of("HADOLINT_FORMAT", "tty,json"), "Dockerfile");
    assertThat(two.out()).as("each format a report on stdout").isEqualTo(LATEST_LINE + hadolintJson);
    write(".hadolint.yaml", "format: json\n");
    assertThat(run("Dockerfile").out()).isEqualTo(hadolintJson);
    assertThat(run(Map.of("HADOLINT_FORMAT", "tty"), "Dockerfile").out()).as("env over config").isEqualTo(LATEST_LINE);
    assertThat(run(Map.of("HADOLINT_FORMAT", "tty"), "-f", "gnu", "Dockerfile").out()).as("CLI over env")
        .startsWith("Dockerfile:1:6: warning: ");
    assertThat(run(Map.of("HADOLINT_FORMAT", "tty"), "-o", "report.txt", "Dockerfile").out()).isEmpty();
    assertThat(Files.readString(dir.resolve("report.txt"))).as("a pair without a format takes the variable's")
        .isEqualTo(LATEST_LINE);
  }

  @Test
  void ttyIsColouredOnATerminalUnlessTurnedOff() throws IOException {
    String coloured = "Dockerfile:1 DL3007 \u001b[1;33mwarning\u001b[0m: ";
    assertThat(run(Map.of(), true, "-f", "tty", "Dockerfile").out()).startsWith(coloured);
    assertThat(run(Map.of(), true, "-f", "tty", "--no-color", "Dockerfile").out()).isEqualTo(LATEST_LINE);
    assertThat(run(Map.of("NO_COLOR", "1"), true, "-f", "tty", "Dockerfile").out()).isEqualTo(LATEST_LINE);
    write(".hadolint.yaml", "no-color: true\n");
    assertThat(run(Map.of(), true, "-f", "tty", "Dockerfile").out()).isEqualTo(LATEST_LINE);
    write(".hadolint.yaml", "no-color: false\n");
    assertThat(run(Map.of(), true, "-f", "tty", "Dockerfile").out()).startsWith(coloured);
  }

  @Test
  void filePathInReportRenamesEveryLintedFileInEveryFormat() throws IOException {
    write("svc/Dockerfile", LATEST);
    write("svc/.hadolint.yaml", "ignored: [DL3007]\n");
    for (String format : List.of("tty", "hadolint-json", "json", "sarif", "gnu", "checkstyle", "sonarqube", "codacy")) {
      Result r = run("--file-path-in-report", "app/Dockerfile", "-f", format, "Dockerfile", "svc/Dockerfile");
      assertThat(r.out()).as(format).contains("app/Dockerfile").doesNotContain("\"Dockerfile\"")
          .doesNotContain("svc/Dockerfile");
    }
    Result tty = run("--file-path-in-report", "app/Dockerfile", "-f", "tty", "Dockerfile", "svc/Dockerfile");
    assertThat(tty.out()).as("svc's config still applies to it: one finding").isEqualTo(LATEST_LINE.replace("Dockerfile:1",
        "app/Dockerfile:1"));
    Result missing = run("--file-path-in-report", "app/Dockerfile", "-f", "tty", "missing/Dockerfile");
    assertThat(missing.err()).as("an unreadable file keeps its name").contains("missing/Dockerfile");
  }

  // severities

  @Test
  void severityOptionsChangeARulesFindings() {
    assertThat(run("-f", "tty", "--error", "DL3007", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 error: ");
    assertThat(run("-f", "tty", "--info", "image-latest", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 info: ");
    assertThat(run("-f", "tty", "--style", "DL3007", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 style: ");
    assertThat(run("-f", "tty", "--error", "DL3007", "--warning", "image-latest", "Dockerfile").out())
        .as("within the command line the most severe").startsWith("Dockerfile:1 DL3007 error: ");
  }

  @Test
  void severitiesComeFromTheCommandLineThenTheEnvironmentThenTheConfig() throws IOException {
    write(".hadolint.yaml", "override:\n  error: [DL3007]\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 error: ");
    Map<String, String> info = Map.of("HADOLINT_OVERRIDE_INFO", "DL3007");
    assertThat(run(info, "-f", "tty", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 info: ");
    assertThat(run(info, "-f", "tty", "--style", "DL3007", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 style: ");
    Map<String, String> both = Map.of("HADOLINT_OVERRIDE_STYLE", "DL3007", "HADOLINT_OVERRIDE_WARNING", "DL3007");
    assertThat(run(both, "-f", "tty", "Dockerfile").out()).as("the most severe of the variables")
        .startsWith("Dockerfile:1 DL3007 warning: ");
    write(".dockerlint.yaml", "severity:\n  image-latest: style\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 style: ");
    assertThat(run("-f", "tty", "--error", "DL3007", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 error: ");
    write(".dockerlint.yaml", "severity:\n  DL3007: info\n");
    assertThat(run("-f", "tty", "--error", "image-latest", "Dockerfile").out()).as("a later rule id replaces an alias")
        .startsWith("Dockerfile:1 DL3007 error: ");
    // within one source, whatever the map's order: the alias, more precise, wins over the rule id
    write(".dockerlint.yaml", "severity:\n  image-latest: error\n  DL3007: info\n  user-root: style\n  DL3002: error\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).startsWith("Dockerfile:1 DL3007 info: ");
  }

  // rule names

  @Test
  void ignoreComesFromEverySourceAndAddsUp() throws IOException {
    write("Dockerfile", "FROM alpine:latest\nHEALTHCHECK NONE\nUSER root\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).contains(" DL3007 ").contains(" DL3002 ");
    assertThat(run(Map.of("HADOLINT_IGNORE", "DL3002"), "-f", "tty", "--ignore", "DL3007", "Dockerfile").out()).isEmpty();
    write(".hadolint.yaml", "ignored: [DL3002]\n");
    assertThat(run(Map.of("HADOLINT_IGNORE", "DL3007"), "-f", "tty", "Dockerfile").out()).isEmpty();
    assertThat(run("-f", "tty", "--ignore", "DL3007", "Dockerfile").out()).isEmpty();
  }

  /** Issue 18: --ignore of a hadolint code dockerlint does not implement warns, on the CLI as in every config. */
  @Test
  void aHadolintCodeWithoutARuleIsAWarningWhereverItIsIgnored() throws IOException {
    String warning = "'DL3005' is hadolint's code for a check dockerlint does not have, so ignoring it has no effect";
    Result cli = run("--ignore", RETIRED, "-f", "tty", "Dockerfile");
    assertThat(cli.code()).as("the findings decide").isEqualTo(1);
    assertThat(cli.out()).isEqualTo(LATEST_LINE);
    assertThat(cli.err()).isEqualTo("dockerlint: warning: --ignore: " + warning + "\n");
    assertThat(run("--error", RETIRED, "Dockerfile").err()).isEqualTo("dockerlint: warning: --error: 'DL3005' is "
        + "hadolint's code for a check dockerlint does not have, so its severity has no effect\n");
    assertThat(run(Map.of("HADOLINT_IGNORE", RETIRED + ",nope"), "Dockerfile").err()).isEqualTo(
        "dockerlint: warning: HADOLINT_IGNORE: " + warning + "\n"
        + "dockerlint: warning: HADOLINT_IGNORE: 'nope' is not a rule dockerlint or hadolint knows, so ignoring it has "
        + "no effect; run 'dockerlint rules' for the list of ids\n");
    write(".dockerlint.yaml", "ignore: [" + RETIRED + "]\n");
    assertThat(run("Dockerfile").err()).isEqualTo("dockerlint: warning: .dockerlint.yaml:1:10: " + warning + "\n");
    Files.delete(dir.resolve(".dockerlint.yaml"));
    write(".hadolint.yaml", "ignored: [" + RETIRED + "]\n");
    assertThat(run("Dockerfile").err()).isEqualTo("dockerlint: warning: .hadolint.yaml:1:11: " + warning + "\n");
  }

  @Test
  void otherUnknownNamesStayUsageErrorsAndShellCheckCodesAreRuleNames() {
    Result unknown = run("--ignore", "DL9999", "Dockerfile");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("dockerlint: unknown rule 'DL9999'; run 'dockerlint rules' for the list of ids\n");
    assertThat(run("--style", "nope", "Dockerfile").code()).isEqualTo(2);
    assertThat(run("--enable", RETIRED, "Dockerfile").code()).as("enabling what does not exist").isEqualTo(2);
    Result shellcheck = run("--ignore", "SC2086", "--error", "SC2046", "Dockerfile");
    assertThat(shellcheck.code()).isEqualTo(1);
    assertThat(shellcheck.err()).isEmpty();
  }

  // pragmas, labels, registries: with real rules

  @Test
  void disableIgnorePragmaFromEachSource() throws IOException {
    write("Dockerfile", "# hadolint ignore=DL3007\n" + LATEST);
    assertThat(run("-f", "tty", "Dockerfile").out()).isEmpty();
    assertThat(run("-f", "tty", "--disable-ignore-pragma", "Dockerfile").out()).isEqualTo(LATEST_LINE.replace(":1 ", ":2 "));
    assertThat(run(Map.of("HADOLINT_DISABLE_IGNORE_PRAGMA", "true"), "-f", "tty", "Dockerfile").out()).contains(" DL3007 ");
    write(".hadolint.yaml", "disable-ignore-pragma: true\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).contains(" DL3007 ");
    assertThat(run(Map.of("HADOLINT_DISABLE_IGNORE_PRAGMA", "0"), "-f", "tty", "Dockerfile").out()).as("env over config")
        .isEmpty();
    write(".dockerlint.yaml", "disable-ignore-pragma: true\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).contains(" DL3007 ");
  }

  @Test
  void aLabelSchemaFromAnySourceSwitchesTheLabelCheckOn() throws IOException {
    assertThat(run("-f", "tty", "Dockerfile").out()).doesNotContain("label");
    String missing = "Dockerfile:1 DL3049 warning: The final image has no label 'version' required by the label schema";
    assertThat(run("-f", "tty", "--require-label", "version:semver", "Dockerfile").out()).contains(missing);
    assertThat(run(Map.of("HADOLINT_REQUIRE_LABELS", "version:semver"), "-f", "tty", "Dockerfile").out()).contains(missing);
    write(".hadolint.yaml", "label-schema:\n  version: semver\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).contains(missing);
    Files.delete(dir.resolve(".hadolint.yaml"));
    write(".dockerlint.yaml", "label-schema:\n  version: semver\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).contains(missing);
    assertThat(run("-f", "tty", "--ignore", "label-schema", "Dockerfile").out()).as("ignoring wins").doesNotContain("DL3049");
    write("Dockerfile", LATEST + "LABEL version=1.2\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).contains("DL3056");
    Result invalid = run("--require-label", "version", "Dockerfile");
    assertThat(invalid.code()).isEqualTo(2);
    assertThat(invalid.err()).isEqualTo("dockerlint: invalid --require-label 'version'; expected NAME:FORMAT with a format "
        + "of text, rfc3339, url, semver, hash, spdx, email\n");
  }

  @Test
  void trustedRegistriesFromEverySourceAddUp() throws IOException {
    String untrusted = " DL3026 warning: Image 'alpine:latest' comes from 'docker.io'";
    assertThat(run("-f", "tty", "--trusted-registry", "ghcr.io", "Dockerfile").out()).contains(untrusted);
    assertThat(run("-f", "tty", "--trusted-registry", "ghcr.io,docker.io", "Dockerfile").out()).doesNotContain(" DL3026 ");
    assertThat(run(Map.of("HADOLINT_TRUSTED_REGISTRIES", "ghcr.io"), "-f", "tty", "Dockerfile").out()).contains(untrusted);
    write(".hadolint.yaml", "trustedRegistries: [ghcr.io]\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).contains(untrusted);
    assertThat(run(Map.of("HADOLINT_TRUSTED_REGISTRIES", "docker.io"), "-f", "tty", "Dockerfile").out())
        .as("the variable's registry is trusted too").doesNotContain(" DL3026 ");
  }

  /**
   * What reaches the rules, seen by stand-in rules: strict labels (no built-in rule reads it yet)
   * and the rules a setting switches on by their hadolint codes.
   */
  @Test
  void strictLabelsReachTheRulesAndSwitchOnTheRuleStandingForDl3050() throws IOException {
    assertThat(probe(Map.of())).isEqualTo("strict=false pragmas=on");
    assertThat(probe(Map.of(), "--strict-labels")).isEqualTo("strict=true pragmas=on strict-probe");
    assertThat(probe(Map.of("HADOLINT_STRICT_LABELS", "on"))).isEqualTo("strict=true pragmas=on strict-probe");
    write(".hadolint.yaml", "strict-labels: true\n");
    assertThat(probe(Map.of())).isEqualTo("strict=true pragmas=on strict-probe");
    assertThat(probe(Map.of("HADOLINT_STRICT_LABELS", "no"))).as("env over config").isEqualTo("strict=false pragmas=on");
    assertThat(probe(Map.of(), "--disable-ignore-pragma", "--require-label", "a:text", "--trusted-registry", "x.io"))
        .isEqualTo("strict=true pragmas=off label-probe registry-probe strict-probe");
  }

  /** Stand-ins: one reports the settings it sees, the others (off by default) that they ran. */
  private String probe(Map<String, String> variables, String... options) {
    List<Rule> rules = new ArrayList<>(BuiltinRules.all());
    rules.add(new Probe(RuleInfo.of("settings-probe", Severity.ERROR, "Reports its settings"), true));
    rules.add(new Probe(RuleInfo.of("strict-probe", Severity.ERROR, "Ran", "DL3050").offByDefault(), false));
    rules.add(new Probe(RuleInfo.of("label-probe", Severity.ERROR, "Ran", "DL3052").offByDefault(), false));
    rules.add(new Probe(RuleInfo.of("registry-probe", Severity.ERROR, "Ran", "DL3026").offByDefault(), false));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.Environment env = new Main.Environment(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), variables, dir, false);
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("-f", "hadolint-json", "Dockerfile"));
    new CommandLine(new LintCommand(env, rules)).execute(args.toArray(new String[0]));
    Map<String, String> seen = new TreeMap<>();
    try {
      for (JsonNode finding : new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))) {
        if (finding.get("message").asText().startsWith("probe:")) {
          seen.put(finding.get("code").asText(), finding.get("message").asText().substring("probe:".length()));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(out.toString(StandardCharsets.UTF_8), e);
    }
    StringBuilder summary = new StringBuilder(seen.remove("settings-probe"));
    for (String ran : new java.util.TreeSet<>(seen.values())) {
      summary.append(' ').append(ran);
    }
    return summary.toString();
  }

  private static final class Probe implements Rule {
    private final RuleInfo info;
    private final boolean settings;

    Probe(RuleInfo info, boolean settings) {
      this.info = info;
      this.settings = settings;
    }

    @Override
    public RuleInfo info() {
      return info;
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      String message = settings ? "strict=" + context.settings().strictLabels() + " pragmas="
          + (context.settings().disableIgnorePragma() ? "off" : "on") : info.id();
      context.report(file.instructions().get(0), "probe:" + message);
    }
  }

  // config lookup

  @Test
  void theNearestConfigWinsWhateverItsName() throws IOException {
    write("svc/Dockerfile", LATEST);
    write("svc/.hadolint.yaml", "ignored: [DL3007]\n");
    write(".dockerlint.yaml", "severity: {image-latest: error}\n");
    Result r = run("-f", "tty", "Dockerfile", "svc/Dockerfile");
    assertThat(r.out()).isEqualTo("Dockerfile:1 DL3007 error: Image 'alpine:latest' uses the mutable 'latest' tag; "
        + "pin a version such as alpine:<version>\n");
    write("svc/.dockerlint.yaml", "ignore: []\n");
    assertThat(run("-f", "tty", "svc/Dockerfile").out()).as("ours wins in one directory").contains("svc/Dockerfile:1 DL3007");
  }

  @Test
  void isolatedIgnoresHadolintsConfigsToo() throws IOException {
    write(".hadolint.yaml", "ignored: [DL3007]\n");
    assertThat(run("-f", "tty", "Dockerfile").out()).isEmpty();
    assertThat(run("-f", "tty", "--isolated", "Dockerfile").out()).isEqualTo(LATEST_LINE);
  }

  @Test
  void hadolintsUserConfigAppliesWhenNoProjectConfigDoes() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    write("home/.config/hadolint.yaml", "ignored: [DL3007]\n");
    Map<String, String> env = Map.of("HOME", home.toString());
    assertThat(run(env, "-f", "tty", "Dockerfile").out()).isEmpty();
    write("home/.config/dockerlint/config.yaml", "ignore: []\n");
    assertThat(run(env, "-f", "tty", "Dockerfile").out()).as("ours first").isEqualTo(LATEST_LINE);
  }

  @Test
  void aRepositorysHadolintConfigAboveTheRepositoryRootDoesNotApply() throws IOException {
    write("outer/.hadolint.yaml", "ignored: [DL3007]\n");
    write("outer/repo/Dockerfile", LATEST);
    Files.createDirectories(dir.resolve("outer/repo/.git"));
    assertThat(run("-f", "tty", "outer/repo/Dockerfile").out()).contains("outer/repo/Dockerfile:1 DL3007");
  }

  // verbose and version

  @Test
  void verboseSaysWhichConfigsAndThresholdTheRunUsed() throws IOException {
    write("svc/Dockerfile", LATEST);
    write("svc/.hadolint.yaml", "ignored: []\n");
    write("other/Dockerfile", LATEST);
    String expected = "dockerlint: config svc/.hadolint.yaml for 1 file\n"
        + "dockerlint: no config file for 2 files; the built-in defaults apply\n"
        + "dockerlint: failure threshold: warning (dockerlint's default)\n";
    assertThat(run("-V", "-f", "tty", "Dockerfile", "svc", "other").err()).isEqualTo(expected);
    assertThat(run("--verbose", "-f", "tty", "Dockerfile", "svc", "other").err()).isEqualTo(expected);
    assertThat(run(Map.of("HADOLINT_VERBOSE", "true"), "-f", "tty", "-t", "error", "Dockerfile").err())
        .isEqualTo("dockerlint: no config file for 1 file; the built-in defaults apply\n"
            + "dockerlint: failure threshold: error (--failure-threshold)\n");
    write(".hadolint.yaml", "verbose: true\nfailure-threshold: none\n");
    assertThat(run("-f", "tty", "Dockerfile").err()).isEqualTo("dockerlint: config .hadolint.yaml for 1 file\n"
        + "dockerlint: failure threshold: style (failure-threshold in .hadolint.yaml, in hadolint's meaning)\n");
    assertThat(run(Map.of("HADOLINT_VERBOSE", "0"), "-f", "tty", "Dockerfile").err()).as("env over config").isEmpty();
    write(".hadolint.yaml", "ignored: []\n");
    assertThat(run("-V", "-f", "codacy", "--no-fail", "Dockerfile").err()).endsWith("dockerlint: findings never fail the "
        + "run (a codacy report never fails the run)\n");
    assertThat(run("-V", "-f", "tty", "Dockerfile").err()).endsWith("dockerlint: failure threshold: info (hadolint's "
        + "default, as .hadolint.yaml is a hadolint config)\n");
  }

  @Test
  void lowerCaseVIsTheVersionAndUpperCaseVLints() {
    Result version = run("-v");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("dockerlint ").endsWith("\n").doesNotContain("DL3007");
    Result verbose = run("-V", "-f", "tty", "Dockerfile");
    assertThat(verbose.code()).as("a hadolint command with -V still lints").isEqualTo(1);
    assertThat(verbose.out()).isEqualTo(LATEST_LINE);
    assertThat(run("-h").out()).contains("--trusted-registry", "--require-label", "--strict-labels", "--no-fail",
        "-t, --failure-threshold", "-V, --verbose", "-v, --version", "--file-path-in-report", "--disable-ignore-pragma");
  }

  /** The environment comes from Main's map, never from the process: a variable set here and not there has no effect. */
  @Test
  void theEnvironmentIsTheMapGiven() {
    Map<String, String> env = new HashMap<>();
    assertThat(run(env, "Dockerfile").code()).isEqualTo(1);
    env.put("HADOLINT_NOFAIL", "1");
    assertThat(run(env, "Dockerfile").code()).isZero();
  }
}
