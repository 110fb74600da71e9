package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fix}, {@code --unsafe-fixes} and {@code --diff} from the command line. */
class FixCliTest {
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

  static final String FIXABLE = "FROM debian:12\nrun apt-get update && apt-get install -y curl=7.88.1-10\nUSER 10001\n"
      + "HEALTHCHECK NONE\n";
  static final String FIXED = "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y "
      + "curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\nUSER 10001\nHEALTHCHECK NONE\n";

  @Test
  void fixWritesTheFileInPlaceKeepingItsModeAndSaysWhatIsLeft() throws IOException {
    Path file = write("Dockerfile", FIXABLE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Result r = run("--fix", "--no-shellcheck", "Dockerfile");
    assertThat(Files.readString(file)).isEqualTo(FIXED);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    assertThat(r.err()).isEqualTo("dockerlint: 3 fixed, 0 remaining\n");
    assertThat(r.code()).isZero();
    try (var siblings = Files.list(dir)) {
      assertThat(siblings).as("no temporary file left").containsExactly(file);
    }
    // a second run has nothing to fix
    assertThat(run("--fix", "--no-shellcheck", "Dockerfile").err()).isEqualTo("dockerlint: 0 fixed, 0 remaining\n");
    assertThat(Files.readString(file)).isEqualTo(FIXED);
  }

  @Test
  void remainingFindingsAreReportedAndFailTheRun() throws IOException {
    Path file = write("Dockerfile", "FROM alpine:latest\nrun echo hi\n");
    Result r = run("--fix", "--no-shellcheck", "Dockerfile");
    assertThat(Files.readString(file)).isEqualTo("FROM alpine:latest\nRUN echo hi\n");
    assertThat(r.out()).contains("image-latest").doesNotContain("instruction-casing");
    assertThat(r.err()).matches("dockerlint: 1 fixed, \\d+ remaining\n");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void unsafeFixesOnlyWithUnsafeFixes() throws IOException {
    Path file = write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nCMD node server.js\n");
    run("--fix", "--no-shellcheck", "Dockerfile");
    assertThat(Files.readString(file)).endsWith("CMD node server.js\n");
    run("--fix", "--unsafe-fixes", "--no-shellcheck", "Dockerfile");
    assertThat(Files.readString(file)).endsWith("CMD [\"node\", \"server.js\"]\n");
  }

  @Test
  void diffPrintsWhatFixWouldDoAndChangesNothing() throws IOException {
    Path file = write("Dockerfile", FIXABLE);
    Result r = run("--diff", "--no-shellcheck", "Dockerfile");
    assertThat(r.out()).isEqualTo("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,4 +1,4 @@\n FROM debian:12\n"
        + "-run apt-get update && apt-get install -y curl=7.88.1-10\n+RUN apt-get update && apt-get install --no-install-recommends -y "
        + "curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n USER 10001\n HEALTHCHECK NONE\n");
    assertThat(r.code()).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo(FIXABLE);
    write("Dockerfile", FIXED);
    Result clean = run("--diff", "--no-shellcheck", "Dockerfile");
    assertThat(clean.out()).isEmpty();
    assertThat(clean.code()).isZero();
  }

  @Test
  void stdinGivesTheFixedTextOnStdoutAndTheReportOnStderr() {
    Result r = run("FROM alpine:latest\nrun echo hi\n", Map.of(), "--fix", "--no-shellcheck", "-");
    assertThat(r.out()).isEqualTo("FROM alpine:latest\nRUN echo hi\n");
    assertThat(r.err()).contains("-:1:6: warning image-latest").contains("dockerlint: 1 fixed, ");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void ignoredRulesAreNotFixed() throws IOException {
    Path file = write("Dockerfile", FIXABLE);
    run("--fix", "--no-shellcheck", "--ignore", "instruction-casing,DL3015", "Dockerfile");
    assertThat(Files.readString(file)).isEqualTo("FROM debian:12\nrun apt-get update && apt-get install -y "
        + "curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\nUSER 10001\nHEALTHCHECK NONE\n");
  }

  @Test
  void aLinkNamedOnTheCommandLineIsFixedThrough() throws IOException {
    Path target = write("real/Dockerfile", FIXABLE);
    Path link = Files.createSymbolicLink(dir.resolve("Dockerfile"), Path.of("real/Dockerfile"));
    run("--fix", "--no-shellcheck", "Dockerfile");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo(FIXED);
  }

  @Test
  void aLinkMetInADirectoryScanIsNotFollowed() throws IOException {
    Path outside = Files.createTempDirectory("dockerlint-fix");
    try {
      Path target = outside.resolve("Dockerfile");
      Files.writeString(target, FIXABLE);
      Files.createDirectories(dir.resolve("scan"));
      Files.createSymbolicLink(dir.resolve("scan/Dockerfile"), target);
      run("--fix", "--no-shellcheck", "scan");
      assertThat(Files.readString(target)).isEqualTo(FIXABLE);
    } finally {
      Files.deleteIfExists(outside.resolve("Dockerfile"));
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void crlfAndTheByteOrderMarkAreKept() throws IOException {
    Path file = dir.resolve("Dockerfile");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "FROM alpine:3.20\r\nrun echo hi\r\nUSER 10001\r\nHEALTHCHECK NONE\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, 3);
    System.arraycopy(body, 0, bytes, 3, body.length);
    Files.write(file, bytes);
    run("--fix", "--no-shellcheck", "Dockerfile");
    byte[] after = Files.readAllBytes(file);
    assertThat(new String(after, StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFFROM alpine:3.20\r\nRUN echo hi\r\nUSER 10001\r\nHEALTHCHECK NONE\r\n");
  }

  @Test
  void aBaselineKeepsMatchingAfterAFix() throws IOException {
    Path file = write("Dockerfile", "FROM debian:12\nrun apt-get update && apt-get install -y curl\nUSER 10001\n"
        + "HEALTHCHECK NONE\n");
    assertThat(run("--write-baseline", "baseline.txt", "--no-shellcheck", "--failure-threshold", "info", "Dockerfile")
        .code()).isZero();
    Result r = run("--fix", "--baseline", "baseline.txt", "--no-shellcheck", "--failure-threshold", "info", "Dockerfile");
    assertThat(Files.readString(file)).contains("RUN apt-get update && apt-get install --no-install-recommends -y curl");
    // package-unpinned on the fixed RUN stays baselined
    assertThat(r.out()).doesNotContain("package-unpinned");
    assertThat(r.err()).isEqualTo("dockerlint: 3 fixed, 0 remaining\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void aFileThatIsNotValidUtf8IsNotFixed() throws IOException {
    Path file = dir.resolve("Dockerfile");
    byte[] bytes = "FROM alpine:3.20\nrun echo \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, bytes);
    Result r = run("--fix", "--no-shellcheck", "Dockerfile");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(r.err()).contains("Dockerfile: not fixed: invalid UTF-8");
  }

  @Test
  void theRulesListShowsEachRulesFix() {
    Result r = run("rules");
    assertThat(r.out().lines().findFirst().orElse("")).matches("ID +SEVERITY +ON +FIX +ALIASES +SUMMARY");
    assertThat(r.out()).containsPattern("(?m)^apt-cleanup +warning +on +safe +DL3009 ")
        .containsPattern("(?m)^json-args +warning +on +unsafe +DL3025,JSONArgsRecommended ")
        .containsPattern("(?m)^image-latest +\\S+ +on +safe ")
        .containsPattern("(?m)^user-root +\\S+ +on +none ")
        .containsPattern("(?m)^SC1000-SC9999 +varies +on +unsafe ");
  }

  @Test
  void theTextReportMarksFixableFindingsAndCountsThem() throws IOException {
    write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nrun echo hi\nCMD node server.js\n");
    Result r = run("--no-shellcheck", "Dockerfile");
    assertThat(r.out()).contains("Dockerfile:4:1: warning instruction-casing: [*] Instruction 'run' is not uppercase")
        .contains("Dockerfile:5:5: warning json-args: CMD in shell form")
        .endsWith("2 problems (2 warnings) in 1 file\n[*] 1 fixable with --fix (1 more with --fix --unsafe-fixes)\n");
    write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nCMD node server.js\n");
    assertThat(run("--no-shellcheck", "Dockerfile").out())
        .endsWith("1 problem (1 warning) in 1 file\n1 fixable with --fix --unsafe-fixes\n");
    write("Dockerfile", "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nCMD [\"node\", \"server.js\"]\n");
    assertThat(run("--no-shellcheck", "Dockerfile").out()).doesNotContain("fixable");
  }

  @Test
  void pinImageGivesTheImagesTheirFixes() throws IOException {
    Path file = write("Dockerfile", "FROM node:latest AS build\nFROM python\nFROM alpine:latest\nFROM $BASE\n"
        + "USER 10001\nHEALTHCHECK NONE\n");
    run("--fix", "--no-shellcheck", "Dockerfile");
    assertThat(Files.readString(file)).startsWith("FROM node:latest AS build\nFROM python\n");
    run("--fix", "--no-shellcheck", "--pin-image", "node=20.15-alpine,python=3.12-slim", "Dockerfile");
    assertThat(Files.readString(file)).startsWith("FROM node:20.15-alpine AS build\nFROM python:3.12-slim\n"
        + "FROM alpine:latest\nFROM $BASE\n");
    Result bad = run("--fix", "--pin-image", "node", "Dockerfile");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("dockerlint: invalid --pin-image 'node'; expected IMAGE=TAG such as node=20.15-alpine\n");
    assertThat(run("--fix", "--pin-image", "node=a b", "Dockerfile").code()).isEqualTo(2);
  }

  @Test
  void shellChecksSuggestionsAreUnsafeFixes() throws IOException {
    java.util.Optional<Path> shellcheck = dev.dockerlint.shellcheck.ShellCheck.onPath(System.getenv("PATH"));
    org.junit.jupiter.api.Assumptions.assumeTrue(shellcheck.isPresent(), "shellcheck is not on the PATH");
    Path file = write("Dockerfile", "FROM debian:12\nARG FILES\nRUN cp $FILES /tmp/ && cd build; make\n");
    String[] args = {"--ignore", "healthcheck-missing,user-root,run-cd", "--shellcheck", shellcheck.get().toString(),
        "Dockerfile"};
    String[] safe = new String[args.length + 1];
    safe[0] = "--fix";
    System.arraycopy(args, 0, safe, 1, args.length);
    run(safe);
    assertThat(Files.readString(file)).endsWith("RUN cp $FILES /tmp/ && cd build; make\n");
    String[] unsafe = new String[args.length + 2];
    unsafe[0] = "--fix";
    unsafe[1] = "--unsafe-fixes";
    System.arraycopy(args, 0, unsafe, 2, args.length);
    Result r = run(unsafe);
    assertThat(Files.readString(file)).endsWith("RUN cp \"$FILES\" /tmp/ && cd build || exit; make\n");
    assertThat(r.err()).isEqualTo("dockerlint: 2 fixed, 0 remaining\n");
  }
}
