package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Analyzer;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with stand-in executables (small sh scripts), so these run without ShellCheck:
 * how it batches and shares scripts, what it passes, and how each way of failing ends.
 */
class ShellCheckRunnerTest {
  @TempDir Path dir;

  @BeforeEach
  void needsSh() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")),
        "the stand-in executables are sh scripts; /bin/sh is missing");
  }

  /** A stand-in that logs its arguments and answers each file with one comment at line 4, column 1. */
  private Path answering(String extra) throws IOException {
    return executable("answer", extra + "\necho \"$@\" >> " + dir.resolve("args.log") + "\n"
        + "printf '{\"comments\":['\nsep=''\nfor f in \"$@\"; do\n  case \"$f\" in *.sh)\n"
        + "    printf '%s{\"file\":\"%s\",\"line\":4,\"endLine\":4,\"column\":1,\"endColumn\":3,\"level\":\"warning\","
        + "\"code\":2164,\"message\":\"Use cd || exit.\",\"fix\":null}' \"$sep\" \"$f\"; sep=',';;\n  esac\ndone\n"
        + "printf ']}'\nexit 1\n");
  }

  private Path executable(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static List<Script> scripts(String dockerfile) {
    return ScriptCollector.collect(DockerfileParser.parse("Dockerfile", dockerfile));
  }

  @Test
  void passesNorcJson1TheExcludedCodesAndRelativeFileNames() throws IOException {
    ShellCheckRunner runner = new ShellCheckRunner(answering(""), 2, 10);
    List<ShellCheckRunner.Answer> answers = runner.await(runner.submit(scripts("FROM debian:12\nRUN cd /x\nRUN cd /y\n")));
    assertThat(answers).hasSize(2).allSatisfy(a -> {
      assertThat(a.failure).isNull();
      assertThat(a.comments).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo(2164));
    });
    assertThat(Files.readString(dir.resolve("args.log")).strip())
        .isEqualTo("--norc --format=json1 --exclude=SC1090,SC1091,SC2187 0.sh 1.sh");
  }

  @Test
  void aScriptSeenBeforeIsNotCheckedAgainAndBusyRunnersBatchDockerfiles() throws IOException {
    ShellCheckRunner runner = new ShellCheckRunner(answering("sleep 0.3"), 1, 10);
    List<ShellCheckRunner.Job> jobs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      jobs.add(runner.submit(scripts("FROM debian:12\nRUN cd /same\nRUN cd /file" + i + "\n")));
    }
    for (ShellCheckRunner.Job job : jobs) {
      assertThat(runner.await(job)).hasSize(2).allSatisfy(a -> assertThat(a.comments).hasSize(1));
    }
    // the first file started a process at once; the other five waited for it and went in one more
    assertThat(runner.processesStarted()).isEqualTo(2);
    List<String> calls = Files.readAllLines(dir.resolve("args.log"));
    assertThat(String.join(" ", calls).split(" ")).filteredOn(word -> word.endsWith(".sh")).hasSize(7);
  }

  @Test
  void aDockerfilesScriptsAreNeverSplitOverProcesses() throws IOException {
    ShellCheckRunner runner = new ShellCheckRunner(answering(""), 2, 10);
    StringBuilder big = new StringBuilder("FROM debian:12\n");
    for (int i = 0; i < 40; i++) {
      big.append("RUN cd /d").append(i).append(" && echo '").append("x".repeat(2000)).append("'\n");
    }
    List<Script> scripts = scripts(big.toString());
    assertThat(scripts.size()).isEqualTo(40);
    assertThat(runner.await(runner.submit(scripts))).hasSize(40).allSatisfy(a -> assertThat(a.failure).isNull());
    assertThat(runner.processesStarted()).as("80 KB of scripts, more than a batch, in one process").isEqualTo(1);
  }

  @Test
  void anExitStatusOtherThanZeroOrOneIsAFailureWithTheFirstLineOfStderr() throws IOException {
    Path broken = executable("broken", "echo 'shellcheck: bad option --norc' >&2\necho second line >&2\nexit 3\n");
    assertThat(failureOf(broken, 10)).isEqualTo("ShellCheck exited with status 3: shellcheck: bad option --norc");
  }

  @Test
  void outputThatIsNotJson1IsAFailure() throws IOException {
    Path garbled = executable("garbled", "echo 'In 0.sh line 4: this is the tty format'\nexit 1\n");
    assertThat(failureOf(garbled, 10)).startsWith("ShellCheck's output is not the json1 format (");
  }

  @Test
  void aCommentOnAFileItWasNotGivenIsAFailure() throws IOException {
    Path stray = executable("stray", "printf '{\"comments\":[{\"file\":\"/etc/passwd\",\"line\":1,\"column\":1,"
        + "\"level\":\"info\",\"code\":1,\"message\":\"m\"}]}'\nexit 1\n");
    assertThat(failureOf(stray, 10)).isEqualTo("ShellCheck reported on a file it was not given ('/etc/passwd')");
  }

  @Test
  void aSlowShellCheckIsStoppedAtItsDeadline() throws IOException {
    Path slow = executable("slow", "sleep 30\n");
    long start = System.nanoTime();
    assertThat(failureOf(slow, 1)).isEqualTo("ShellCheck did not finish within 1 s and was stopped");
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds waited").isLessThan(10_000);
  }

  @Test
  void aProgramThatCannotRunIsAFailure() throws IOException {
    Path notExecutable = dir.resolve("plain");
    Files.writeString(notExecutable, "not a program");
    assertThat(failureOf(notExecutable, 10)).startsWith("cannot run '" + notExecutable + "' (");
  }

  @Test
  void aFailingShellCheckLeavesTheRulesFindingsAndTheNativeChecksInPlace() throws IOException {
    Analyzer failing = new ShellCheckAnalyzer(new ShellCheckRunner(executable("broken", "exit 3\n"), 2, 10));
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM debian:12\nRUN source /etc/os-release\n");
    Linter.Result result = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS, List.of(failing)).check(file, null);
    assertThat(result.findings()).extracting(Finding::rule).contains("run-bashism", "user-root");
    assertThat(result.analyzerWarnings()).containsExactly(
        "ShellCheck exited with status 3; ShellCheck's findings for this file are missing");
  }

  @Test
  void whereShellCheckCheckedTheScriptItsFindingsReplaceTheNativeOnes() throws IOException {
    Path answer = executable("sc3046", "printf '{\"comments\":[{\"file\":\"0.sh\",\"line\":4,\"endLine\":4,\"column\":1,"
        + "\"endColumn\":7,\"level\":\"warning\",\"code\":3046,\"message\":\"In POSIX sh, source is undefined.\"}]}'\nexit 1\n");
    Analyzer shellcheck = new ShellCheckAnalyzer(new ShellCheckRunner(answer, 2, 10));
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM debian:12\nRUN source /etc/os-release\n");
    List<Finding> findings = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS, List.of(shellcheck)).lint(file);
    assertThat(findings).extracting(Finding::rule).contains("SC3046").doesNotContain("run-bashism");
    assertThat(findings).filteredOn(f -> f.rule().equals("SC3046")).singleElement()
        .satisfies(f -> assertThat(f.range().toString()).isEqualTo("2:5-2:11"));
  }

  @Test
  void aShStringShellCheckDoesNotGetStaysTheNativeChecksBusiness() throws IOException {
    Analyzer shellcheck = new ShellCheckAnalyzer(new ShellCheckRunner(executable("quiet",
        "printf '{\"comments\":[]}'\nexit 0\n"), 2, 10));
    Dockerfile file = DockerfileParser.parse("Dockerfile",
        "FROM debian:12\nRUN sh -c 'source /a' && sh -c \"source $B\"\n");
    List<Finding> findings = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS, List.of(shellcheck)).lint(file);
    // the first string went to ShellCheck; the second expands $B first, so only its words did
    assertThat(findings).filteredOn(f -> f.rule().equals("run-bashism")).extracting(f -> f.range().toString())
        .containsExactly("2:33-2:39");
  }

  @Test
  void aRunTooLongForShellCheckIsLeftToTheNativeChecksWithAWarning() throws IOException {
    Analyzer shellcheck = new ShellCheckAnalyzer(new ShellCheckRunner(answering(""), 2, 10));
    String chain = "echo a" + " && echo a".repeat(ScriptCollector.MAX_COMMANDS);
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM debian:12\nRUN cd /x\nRUN source y && " + chain + "\n");
    Analyzer.Outcome outcome = shellcheck.start(file).await();
    assertThat(outcome.warning()).isEqualTo("the RUN at line 3 is too long for ShellCheck (402 commands, 3 KB; it checks "
        + "up to 400 commands and 128 KB) and was not given to it");
    assertThat(outcome.findings()).extracting(f -> f.range().startLine()).containsOnly(2);
    List<Finding> findings = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS, List.of(shellcheck)).lint(file);
    assertThat(findings).filteredOn(f -> f.rule().equals("run-bashism")).extracting(f -> f.range().toString())
        .containsExactly("3:5-3:11");
  }

  @Test
  void aFileOverOneMebibyteIsLeftToTheNativeChecksWithAWarning() throws IOException {
    Analyzer shellcheck = new ShellCheckAnalyzer(new ShellCheckRunner(answering(""), 2, 10));
    String atCapText = "FROM debian:12\n" + "RUN cd /x\n".repeat(ShellCheckAnalyzer.MAX_FILE_CHARS / 10 - 2) + "#xxxxxxxxx\n";
    Dockerfile atCap = DockerfileParser.parse("Dockerfile", atCapText);
    assertThat(atCapText).hasSize(ShellCheckAnalyzer.MAX_FILE_CHARS);
    Analyzer.Outcome checked = shellcheck.start(atCap).await();
    assertThat(checked.warning()).isNull();
    assertThat(checked.checked()).isNotEmpty();
    Dockerfile over = DockerfileParser.parse("Dockerfile", atCapText + "\n");
    Analyzer.Outcome outcome = shellcheck.start(over).await();
    assertThat(outcome.warning()).isEqualTo("the file is larger than 1 MiB and was not given to ShellCheck (its scripts "
        + "would be held in memory all at once); the native checks ran on it");
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.checked()).isEmpty();
  }

  private String failureOf(Path executable, long timeoutSeconds) {
    ShellCheckRunner runner = new ShellCheckRunner(executable, 2, timeoutSeconds);
    List<ShellCheckRunner.Answer> answers = runner.await(runner.submit(scripts("FROM debian:12\nRUN cd /x\n")));
    assertThat(answers).singleElement().satisfies(a -> assertThat(a.comments).isEmpty());
    return answers.get(0).failure;
  }
}
