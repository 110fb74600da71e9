package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.shellcheck.ShellCheck;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ShellCheck through the command line, with the real shellcheck: skipped, saying so, when it is
 * not on the PATH. The findings' places, pragmas, configs, baselines and SARIF, the README's
 * example, and what turns ShellCheck off or is refused.
 */
class ShellCheckCliTest {
  static final String README_RUN = "FROM debian:12\nARG FILES\nRUN cp $FILES /tmp/ && cd build; make\n";

  @TempDir Path dir;
  private Path shellcheck;

  @BeforeEach
  void needsShellCheck() throws IOException {
    Optional<Path> found = ShellCheck.onPath(System.getenv("PATH"));
    Assumptions.assumeTrue(found.isPresent(),
        "shellcheck is not on the PATH (apt-get install shellcheck): the ShellCheck integration tests are skipped");
    shellcheck = found.get();
    Files.createDirectories(dir.resolve(".git")); // the config lookup stops here
    Files.createDirectories(dir.resolve("home"));
  }

  record Result(int code, String out, String err) {}

  /** A run whose PATH holds only ShellCheck's directory, and a HOME without a user config. */
  private Result run(Map<String, String> extraEnv, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", shellcheck.getParent().toString());
    env.put("HOME", dir.resolve("home").toString());
    env.putAll(extraEnv);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, dir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Result run(String... args) {
    return run(Map.of(), args);
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** "rule line:column" of each finding in a JSON report (columns in UTF-16 units, tabs as one). */
  private static List<String> findings(Result result) throws IOException {
    List<String> found = new ArrayList<>();
    for (JsonNode finding : new ObjectMapper().readTree(result.out()).get("findings")) {
      found.add(finding.get("rule").asText() + " " + finding.get("line").asInt() + ":" + finding.get("column").asInt());
    }
    return found;
  }

  /** Whether a JSON report has a finding of the rule, at the place, with the severity. */
  private static boolean has(Result result, String file, String where, String severity, String rule) throws IOException {
    for (JsonNode finding : new ObjectMapper().readTree(result.out()).get("findings")) {
      if (finding.get("file").asText().equals(file) && finding.get("rule").asText().equals(rule)
          && (finding.get("line").asInt() + ":" + finding.get("column").asInt()).equals(where)
          && finding.get("severity").asText().equals(severity)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theReadmeExampleIsWhatARunPrints() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## ShellCheck\n"), readme.indexOf("## Where to run it\n"));
    String dockerfile = between(section, "```dockerfile\n", "```");
    assertThat(dockerfile).isEqualTo(README_RUN);
    String command = between(section, "\n`dockerlint ", "` prints:");
    String expected = between(section, "```text\n", "```");
    write("Dockerfile", dockerfile);
    Result r = run(command.split(" "));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(expected);
    assertThat(section).contains("a `# hadolint ignore=SC2086` (or `# dockerlint ignore=SC2086`) line above the `RUN` silences\nthe first");
  }

  @Test
  void sc2086IsAtTheColumnOfTheVariableAndAPragmaAboveSilencesIt() throws IOException {
    write("Dockerfile", README_RUN);
    assertThat(findings(run("--format", "json", "Dockerfile"))).contains("SC2086 3:8", "SC2164 3:24");
    for (String tool : List.of("hadolint", "dockerlint")) {
      write("Dockerfile", "FROM debian:12\nARG FILES\n# " + tool + " ignore=SC2086\nRUN cp $FILES /tmp/ && cd build; make\n");
      assertThat(findings(run("--format", "json", "Dockerfile"))).as(tool).doesNotContain("SC2086 4:8")
          .contains("SC2164 4:24");
    }
  }

  @Test
  void continuedLinesTheBacktickEscapeAndHeredocBodiesKeepTheirPlaces() throws IOException {
    write("Dockerfile", "# escape=`\nFROM debian:12\nRUN set -e; `\n  # a comment\n  echo $a && `\n\tcd /srv\n"
        + "RUN <<EOF\nset -e\necho $b\nEOF\nRUN sh -c 'echo $1'\n");
    assertThat(findings(run("--format", "json", "Dockerfile"))).contains("SC2086 5:8", "SC2154 5:8", "SC2086 9:6",
        "SC2154 9:6", "SC2086 11:17");
  }

  @Test
  void argsAndEnvsInScopeAreDeclaredSoOnlyUndeclaredOnesAreNotAssigned() throws IOException {
    write("Dockerfile", "FROM debian:12\nARG version\nENV home=/srv\nRUN echo $version $home $missing\n");
    assertThat(findings(run("--format", "json", "Dockerfile"))).contains("SC2086 4:10", "SC2086 4:19", "SC2154 4:25")
        .doesNotContain("SC2154 4:10", "SC2154 4:19");
  }

  @Test
  void whereShellCheckRanTheNativeChecksGiveWayToIt() throws IOException {
    write("Dockerfile", "FROM debian:12\nRUN source /etc/os-release && echo \"unterminated\nRUN [[ -f x ]]\n");
    List<String> with = findings(run("--format", "json", "Dockerfile"));
    assertThat(with).contains("SC3010 3:5").noneMatch(f -> f.startsWith("run-bashism") || f.startsWith("run-syntax-error"));
    List<String> without = findings(run("--format", "json", "--no-shellcheck", "Dockerfile"));
    assertThat(without).contains("run-syntax-error 2:36", "run-bashism 2:5", "run-bashism 3:5").noneMatch(f -> f.startsWith("SC"));
  }

  @Test
  void configsIgnoreAndOverrideScCodes() throws IOException {
    write("Dockerfile", README_RUN);
    write(".dockerlint.yaml", "ignore: [SC2086]\nseverity: {SC2164: error}\n");
    Result r = run("--format", "json", "Dockerfile");
    assertThat(findings(r)).doesNotContain("SC2086 3:8").contains("SC2164 3:24");
    assertThat(has(r, "Dockerfile", "3:24", "error", "SC2164")).isTrue();
    Files.delete(dir.resolve(".dockerlint.yaml"));
    write(".hadolint.yaml", "ignored: [SC2164]\noverride:\n  error: [SC2086]\n");
    Result h = run("--format", "json", "-c", ".hadolint.yaml", "Dockerfile");
    assertThat(h.err()).isEmpty(); // SC codes are known: no "skipped" warning
    assertThat(has(h, "Dockerfile", "3:8", "error", "SC2086")).isTrue();
    assertThat(findings(h)).noneMatch(f -> f.startsWith("SC2164"));
    assertThat(findings(run("--format", "json", "--ignore", "SC2086", "Dockerfile"))).noneMatch(f -> f.startsWith("SC2086"));
  }

  @Test
  void aBaselineAbsorbsShellChecksFindings() throws IOException {
    write("Dockerfile", README_RUN);
    assertThat(run("--write-baseline", "base.txt", "Dockerfile").code()).isZero();
    assertThat(Files.readString(dir.resolve("base.txt"))).contains("SC2086");
    Result r = run("--baseline", "base.txt", "--format", "json", "Dockerfile");
    assertThat(r.code()).isZero();
    assertThat(findings(r)).noneMatch(f -> f.startsWith("SC2086"));
  }

  @Test
  void sarifListsEachReportedCodeAsARuleWithItsWikiPage() throws IOException {
    write("Dockerfile", README_RUN);
    run("--format", "sarif", "--output", "out.sarif", "Dockerfile");
    JsonNode run = new ObjectMapper().readTree(dir.resolve("out.sarif").toFile()).get("runs").get(0);
    JsonNode sc2086 = null;
    for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
      if (rule.get("id").asText().equals("SC2086")) {
        sc2086 = rule;
      }
    }
    assertThat(sc2086).isNotNull();
    assertThat(sc2086.get("helpUri").asText()).isEqualTo("https://www.shellcheck.net/wiki/SC2086");
    boolean found = false;
    for (JsonNode result : run.get("results")) {
      if (result.get("ruleId").asText().equals("SC2086")) {
        found = true;
        JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(3);
        assertThat(region.get("startColumn").asInt()).isEqualTo(8);
        assertThat(region.get("endColumn").asInt()).isEqualTo(14);
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void aShellcheckrcInTheRepositoryCannotHideFindings() throws IOException {
    write("Dockerfile", README_RUN);
    write(".shellcheckrc", "disable=all\n");
    assertThat(findings(run("--format", "json", "Dockerfile"))).contains("SC2086 3:8");
  }

  @Test
  void noShellcheckAndShellcheckFalseTurnItOff() throws IOException {
    write("Dockerfile", README_RUN);
    assertThat(findings(run("--format", "json", "--no-shellcheck", "Dockerfile"))).noneMatch(f -> f.startsWith("SC"));
    write("svc/Dockerfile", README_RUN);
    write("svc/.dockerlint.yaml", "shellcheck: false\n");
    Result r = run("--format", "json", "Dockerfile", "svc/Dockerfile");
    assertThat(has(r, "Dockerfile", "3:8", "info", "SC2086")).isTrue();
    assertThat(has(r, "svc/Dockerfile", "3:8", "info", "SC2086")).isFalse();
  }

  @Test
  void aRepositoryConfigCannotNameTheProgramToRun() throws IOException {
    write("Dockerfile", README_RUN);
    write(".dockerlint.yaml", "shellcheck: " + shellcheck + "\n");
    Result r = run("Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: .dockerlint.yaml:1:13: 'shellcheck' names a program to run, which only "
        + "a config you chose can do (given with -c or your user config); in a repository's config it may only be false "
        + "or true\n");
  }

  @Test
  void aTrustedConfigOrTheCommandLineNamesTheExecutable() throws IOException {
    write("Dockerfile", README_RUN);
    Path copy = dir.resolve("tools/sc");
    Files.createDirectories(copy.getParent());
    Files.copy(shellcheck, copy);
    write("trusted.yaml", "shellcheck: " + copy + "\n");
    // an empty PATH: only the configured executable can be the one that ran
    Result viaConfig = run(Map.of("PATH", ""), "--format", "json", "-c", "trusted.yaml", "Dockerfile");
    assertThat(viaConfig.err()).isEmpty();
    assertThat(findings(viaConfig)).contains("SC2086 3:8");
    assertThat(findings(run(Map.of("PATH", ""), "--format", "json", "--shellcheck", "tools/sc", "Dockerfile")))
        .contains("SC2086 3:8");
    write("user/dockerlint/config.yaml", "shellcheck: " + copy + "\n");
    Files.setPosixFilePermissions(dir.resolve("user/dockerlint/config.yaml"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir.resolve("user/dockerlint"), PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(dir.resolve("user"), PosixFilePermissions.fromString("rwx------"));
    write(".dockerlint.yaml", "ignore: [run-cd]\n"); // a repository config does not hide the user's executable
    Result viaUser = run(Map.of("PATH", "", "XDG_CONFIG_HOME", dir.resolve("user").toString()), "--format", "json",
        "Dockerfile");
    assertThat(findings(viaUser)).contains("SC2086 3:8").noneMatch(f -> f.startsWith("run-cd"));
  }

  @Test
  void aNamedExecutableThatIsNotOneIsAWarningAndTheRulesStillRun() throws IOException {
    write("Dockerfile", README_RUN);
    Result r = run("--format", "json", "--shellcheck", "no/such/shellcheck", "Dockerfile");
    assertThat(r.err()).isEqualTo("dockerlint: warning: --shellcheck 'no/such/shellcheck' is not an executable file; "
        + "linting without ShellCheck\n");
    assertThat(findings(r)).contains("run-cd 3:24").noneMatch(f -> f.startsWith("SC"));
  }

  @Test
  void aFailingShellCheckIsOneWarningLineForAllItsFiles() throws IOException {
    Path broken = dir.resolve("bin/shellcheck");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "#!/bin/sh\necho 'out of cheese' >&2\nexit 3\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
    write("a/Dockerfile", README_RUN);
    write("b/Dockerfile", README_RUN.replace("FILES", "OTHER"));
    write("c/Dockerfile", "FROM debian:12\n");
    Result r = run(Map.of("PATH", broken.getParent().toString()), "--format", "json", "a/Dockerfile", "b/Dockerfile",
        "c/Dockerfile");
    assertThat(r.err()).isEqualTo("dockerlint: a/Dockerfile (and 1 more file): warning: ShellCheck exited with status 3: "
        + "out of cheese; ShellCheck's findings for this file are missing\n");
    assertThat(findings(r)).contains("run-cd 3:24");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void aSlowShellCheckIsStoppedAfterTheTimeoutAndTheRulesStillReport() throws IOException {
    Path slow = dir.resolve("bin/shellcheck");
    Files.createDirectories(slow.getParent());
    Files.writeString(slow, "#!/bin/sh\nsleep 30\n");
    Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
    write("Dockerfile", README_RUN);
    long start = System.nanoTime();
    Result r = run(Map.of("PATH", slow.getParent().toString(), "DOCKERLINT_SHELLCHECK_TIMEOUT", "1"), "--format", "json",
        "Dockerfile");
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(15_000);
    assertThat(r.err()).isEqualTo("dockerlint: Dockerfile: warning: ShellCheck did not finish within 1 s and was stopped; "
        + "ShellCheck's findings for this file are missing\n");
    assertThat(findings(r)).contains("run-cd 3:24").noneMatch(f -> f.startsWith("SC"));
  }

  @Test
  void aTimeoutThatIsNotANumberIsAUsageError() throws IOException {
    write("Dockerfile", README_RUN);
    Result r = run(Map.of("DOCKERLINT_SHELLCHECK_TIMEOUT", "soon"), "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: DOCKERLINT_SHELLCHECK_TIMEOUT must be a whole number of seconds of at "
        + "least 1, not 'soon'\n");
  }

  @Test
  void theProjectsOwnDockerfileLintsCleanWithShellCheckToo() {
    Result r = run("--failure-threshold", "style", Path.of("Dockerfile").toAbsolutePath().toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("No problems found");
    assertThat(r.code()).isZero();
  }

  @Test
  void explainAndRulesKnowTheCodes() {
    Result explain = run("explain", "SC2086");
    assertThat(explain.code()).isZero();
    assertThat(explain.out()).startsWith("# SC2086\n").contains("https://www.shellcheck.net/wiki/SC2086");
    assertThat(run("explain", "SC3010").out()).contains("# SC3010", "# run-bashism");
    assertThat(run("rules").out()).contains("SC1000-SC9999");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
