package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The contracts pre-commit, CI jobs and editors rely on, tested through the CLI. */
class IntegrationTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  Result run(Path workingDir, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), workingDir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @SuppressWarnings("unchecked")
  static Object yaml(Path file) throws IOException {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }

  @Test
  void preCommitContractManyFilesOneRunEachNamed() throws IOException {
    // pre-commit passes every staged file at once, relative to the repository root
    write("Dockerfile", "FROM alpine:3.20\nUSER 1\nHEALTHCHECK NONE\n");
    write("api/Dockerfile.prod", "FROM nginx:latest\nUSER node\nHEALTHCHECK NONE\n");
    write("web/app.Dockerfile", "FROM redis\nUSER 1\nHEALTHCHECK NONE\n");
    write("worker/Containerfile", "FROM alpine:3.20\nENV API_TOKEN=abc123456789\nUSER 1\nHEALTHCHECK NONE\n");
    Result r = run(dir, "", "Dockerfile", "api/Dockerfile.prod", "web/app.Dockerfile", "worker/Containerfile");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("api/Dockerfile.prod:1:6: warning image-latest")
        .contains("web/app.Dockerfile:1:6: warning image-untagged")
        .contains("worker/Containerfile:2:5: error secret-in-env")
        .contains("3 problems (1 error, 2 warnings) in 4 files")
        .doesNotContain("abc123456789");
    assertThat(run(dir, "", "Dockerfile").code()).as("clean staged files pass the hook").isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void actionDeclaresTheHadolintStyleInputs() throws IOException {
    Map<String, Object> action = (Map<String, Object>) yaml(Path.of("action.yml"));
    Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
    assertThat(inputs).containsKeys("dockerfile", "recursive", "config", "format", "output-file", "failure-threshold", "ignore");
    assertThat((Map<String, Object>) action.get("outputs")).containsKey("results");
    assertThat(((Map<String, Object>) action.get("runs")).get("using")).isEqualTo("composite");
  }

  @Test
  void ownDockerfileFollowsItsOwnRules() {
    Result r = run(Path.of("").toAbsolutePath(), "", "--failure-threshold", "style", "Dockerfile");
    assertThat(r.out()).startsWith("No problems found");
    assertThat(r.code()).isZero();
  }

  @Test
  void imageUsageReadsStdin() throws IOException {
    // docker run --rm -i IMAGE - < Dockerfile
    Result r = run(dir, Files.readString(Path.of("Dockerfile")), "--failure-threshold", "style", "-");
    assertThat(r.code()).isZero();
  }

  @Test
  void goodExamplesPassAndBadExamplesShowEveryCoreRule() {
    Path root = Path.of("").toAbsolutePath();
    Result good = run(root, "", "--failure-threshold", "style", "examples/good");
    assertThat(good.out()).startsWith("No problems found in 4 files");
    assertThat(good.code()).isZero();
    Result bad = run(root, "", "examples/bad");
    assertThat(bad.code()).isEqualTo(1);
    for (String lang : List.of("python", "node", "go", "java")) {
      assertThat(bad.out()).contains("examples/bad/" + lang + "/Dockerfile:");
    }
    for (String rule : List.of("user-root", "image-untagged", "image-latest", "copy-before-install", "secret-in-env",
        "apt-cleanup", "healthcheck-missing")) {
      assertThat(bad.out()).contains(" " + rule + ": ");
    }
  }

  @Test
  void stdinFilenameNamesTheBufferAndFindsItsConfig() throws IOException {
    write("svc/.dockerlint.yaml", "ignore: [image-latest]\n");
    Files.createDirectories(dir.resolve(".git"));
    Result r = run(dir, "FROM nginx:latest\nUSER node\nHEALTHCHECK NONE\n", "--format", "json", "--stdin-filename",
        "svc/Dockerfile", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"findings\": []");
    Result unconfigured = run(dir, "FROM nginx:latest\n", "--format", "json", "--stdin-filename", "other/Dockerfile", "-");
    assertThat(unconfigured.out()).contains("\"file\": \"other/Dockerfile\"").contains("image-latest");
  }

  @Test
  void severalReportsInOneRun() throws IOException {
    write("Dockerfile", "FROM nginx:latest\nUSER node\nHEALTHCHECK NONE\n");
    Result r = run(dir, "", "--format", "sarif", "--output", "out.sarif", "--format", "text", "Dockerfile");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Dockerfile:1:6: warning image-latest");
    assertThat(Files.readString(dir.resolve("out.sarif"))).contains("\"ruleId\": \"image-latest\"");
  }

  @Test
  void baselineToleratesKnownFindingsAfterEditsAbove() throws IOException {
    write("Dockerfile", "FROM nginx:latest\nUSER node\nHEALTHCHECK NONE\n");
    Result written = run(dir, "", "--write-baseline", "baseline.txt", "Dockerfile");
    assertThat(written.code()).isZero();
    assertThat(written.err()).contains("recorded 1 finding in baseline.txt");
    // lines inserted above move the finding; the baseline still matches it
    write("Dockerfile", "# syntax=docker/dockerfile:1\n\nARG X=1\nFROM   nginx:latest\nUSER node\nHEALTHCHECK NONE\n");
    assertThat(run(dir, "", "--baseline", "baseline.txt", "Dockerfile").code()).isZero();
    // a new finding is still reported
    write("Dockerfile", "FROM nginx:latest\nFROM redis:latest\nUSER node\nHEALTHCHECK NONE\n");
    Result fresh = run(dir, "", "--baseline", "baseline.txt", "Dockerfile");
    assertThat(fresh.code()).isEqualTo(1);
    assertThat(fresh.out()).contains("Dockerfile:2:6: warning image-latest").doesNotContain("Dockerfile:1:6");
    assertThat(run(dir, "", "--baseline", "missing.txt", "Dockerfile").code()).isEqualTo(2);
  }

  @Test
  void changedSinceReportsOnlyChangedLines() throws Exception {
    assumeTrue(git(dir, "init", "-q") == 0, "git is not available");
    git(dir, "config", "user.email", "t@example.com");
    git(dir, "config", "user.name", "t");
    write("Dockerfile", "FROM nginx:latest\nUSER node\nHEALTHCHECK NONE\n");
    git(dir, "add", "Dockerfile");
    git(dir, "commit", "-q", "-m", "base");
    write("Dockerfile", "FROM nginx:latest\nFROM redis:latest\nUSER node\nHEALTHCHECK NONE\n");
    write("new/Dockerfile", "FROM ruby:latest\nUSER 1\nHEALTHCHECK NONE\n");
    Result r = run(dir, "", "--changed-since", "HEAD", "Dockerfile", "new/Dockerfile");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Dockerfile:2:6").contains("new/Dockerfile:1:6").doesNotContain("Dockerfile:1:6: warning image-latest: Image 'nginx");
    Result badRef = run(dir, "", "--changed-since", "no-such-ref", "Dockerfile");
    assertThat(badRef.code()).isEqualTo(2);
    assertThat(badRef.err()).contains("unknown git revision 'no-such-ref'");
  }

  @Test
  void changedSinceOutsideGitIsAClearError(@TempDir Path outside) throws Exception {
    assumeTrue(git(dir, "--version") == 0, "git is not available");
    Files.writeString(outside.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Result r = run(outside, "", "--changed-since", "main", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("dockerlint: --changed-since needs a git repository");
  }

  @Test
  void completionScriptIsGenerated() {
    Result r = run(dir, "", "generate-completion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("complete -F").contains("dockerlint");
  }

  private static int git(Path workingDir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
