package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.rules.BuiltinRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every kind of hostile or broken input gets an exit code and at most one line on stderr naming
 * the path, never a stack trace; and one bad input never stops the good file linted beside it.
 */
class BadInputTest {
  /** Clean under the default rules. */
  static final String CLEAN = "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\n";
  /** The file linted beside each bad input; its one finding must always appear. */
  static final String GOOD = "FROM alpine:latest\nUSER 10001\nHEALTHCHECK NONE\n";
  static final String GOOD_FINDING = "good/Dockerfile:1:6: warning: Image 'alpine:latest'";

  @TempDir Path dir;

  /** Creates the bad input under the directory and returns the command-line arguments naming it. */
  interface Setup {
    List<String> create(Path dir) throws IOException;
  }

  /**
   * @param code the exit code when only the bad input is linted
   * @param stderr the whole stderr then (one line, or empty)
   * @param out text the gnu report must contain then ("" for nothing in particular)
   */
  record Case(String name, Setup setup, int code, String stderr, String out) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Setup file(String name, byte[] bytes) {
    return dir -> {
      Path path = dir.resolve(name);
      Files.createDirectories(path.getParent());
      Files.write(path, bytes);
      return List.of(name);
    };
  }

  static Setup file(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  static Stream<Case> cases() {
    byte[] latin1 = (CLEAN + "LABEL x=\"caf\u00e9\"\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, GOOD.getBytes(StandardCharsets.UTF_8));
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, CLEAN.getBytes(StandardCharsets.UTF_16LE));
    java.nio.charset.Charset utf32be = java.nio.charset.Charset.forName("UTF-32BE");
    java.nio.charset.Charset utf32le = java.nio.charset.Charset.forName("UTF-32LE");
    byte[] utf32BigEndian = concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, CLEAN.getBytes(utf32be));
    byte[] utf32LittleEndian = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, GOOD.getBytes(utf32le));
    String w = "dockerlint: %s: warning: ";
    return Stream.of(
        new Case("missing file", dir -> List.of("missing/Dockerfile"), 2,
            "dockerlint: missing/Dockerfile: no such file or directory", ""),
        new Case("directory without Dockerfiles", dir -> {
          Files.createDirectories(dir.resolve("docs"));
          Files.writeString(dir.resolve("docs/notes.txt"), "FROM x\n");
          return List.of("docs");
        }, 2, "dockerlint: docs: no Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile or compose file found in directory", ""),
        new Case("binary file with NUL bytes", file("bin/Dockerfile", new byte[] {'F', 'R', 'O', 'M', 0, 1, 2}), 2,
            "dockerlint: bin/Dockerfile: binary file (NUL byte at offset 4); not a Dockerfile", ""),
        new Case("invalid UTF-8 is linted leniently", file("latin1/Dockerfile", latin1), 0,
            w.formatted("latin1/Dockerfile") + "invalid UTF-8 at byte offset 57; decoded leniently", ""),
        // the replacement character written on purpose is valid UTF-8: no warning
        new Case("valid UTF-8 holding U+FFFD is not invalid", file("fffd/Dockerfile", CLEAN + "LABEL x=\"\uFFFD\"\n"),
            0, "", ""),
        new Case("UTF-8 BOM is dropped, columns as editors show them", file("bom/Dockerfile", bom), 1, "",
            "bom/Dockerfile:1:6: warning: Image 'alpine:latest'"),
        new Case("UTF-16 with BOM is decoded with a warning", file("utf16/Dockerfile", utf16), 0,
            w.formatted("utf16/Dockerfile") + "file is UTF-16; decoded it, but Docker expects UTF-8", ""),
        // FF FE 00 00 starts UTF-16LE too, but no Dockerfile begins with U+0000
        new Case("UTF-32 big-endian with BOM is decoded with a warning", file("utf32be/Dockerfile", utf32BigEndian), 0,
            w.formatted("utf32be/Dockerfile") + "file is UTF-32; decoded it, but Docker expects UTF-8", ""),
        new Case("UTF-32 little-endian with BOM is decoded with a warning", file("utf32le/Dockerfile", utf32LittleEndian),
            1, w.formatted("utf32le/Dockerfile") + "file is UTF-32; decoded it, but Docker expects UTF-8",
            "utf32le/Dockerfile:1:6: warning: Image 'alpine:latest'"),
        new Case("empty file", file("empty/Dockerfile", ""), 1, "",
            "empty/Dockerfile:1:1: error: file with no instructions [syntax-error]"),
        new Case("only comments", file("comments/Dockerfile", "# one\n# two\n"), 1, "",
            "comments/Dockerfile:2:1: error: file with no instructions [syntax-error]"),
        new Case("CRLF line endings", file("crlf/Dockerfile", CLEAN.replace("\n", "\r\n")), 0, "", ""),
        // BuildKit splits on \n only, so a classic-Mac file is one line: FROM gets five arguments
        new Case("lone CR line endings", file("cr/Dockerfile", CLEAN.replace("\n", "\r")), 1,
            w.formatted("cr/Dockerfile") + "lone CR (\\r) line endings; Docker splits lines on LF only, so it "
                + "reads those lines as one",
            "cr/Dockerfile:1:18: error: FROM requires either one or three arguments [syntax-error]"),
        new Case("10 MB single line", file("huge/Dockerfile", CLEAN + "RUN echo " + "a".repeat(10 << 20)), 1, "",
            "huge/Dockerfile:4:1: error: dockerfile line greater than max allowed size of 65535 [syntax-error]"),
        new Case("EOF inside a continuation", file("cont/Dockerfile", CLEAN + "RUN echo \\"), 0, "", ""),
        new Case("EOF inside a heredoc", file("heredoc/Dockerfile", CLEAN + "RUN <<EOF\necho hi\n"), 1, "",
            "heredoc/Dockerfile:4:1: error: unterminated heredoc [syntax-error]"),
        // BuildKit reads text that is not a JSON array as shell form
        new Case("EOF inside a JSON array (shell form, so json-args warns)", file("json/Dockerfile", CLEAN + "CMD [\"a\", \"b\""), 1, "", ""),
        new Case("unterminated quote (run-syntax-error)", file("quote/Dockerfile", CLEAN + "RUN echo \"abc"), 1, "", ""),
        new Case("invalid escape directive", file("escape/Dockerfile", "# escape=x\n" + CLEAN), 1, "",
            "escape/Dockerfile:1:1: error: invalid escape token 'x' does not match ` or \\ [syntax-error]"),
        // a directory scan follows no link (SecurityTest): the loop is not even read
        new Case("symbolic link loop in a directory scan", dir -> {
          Path scan = Files.createDirectories(dir.resolve("scan"));
          Files.createSymbolicLink(scan.resolve("again"), Path.of("."));
          Files.createSymbolicLink(scan.resolve("Dockerfile"), Path.of("Dockerfile"));
          Files.createDirectories(scan.resolve("app"));
          Files.writeString(scan.resolve("app/Dockerfile"), CLEAN);
          return List.of("scan");
        }, 0, w.formatted("scan/Dockerfile") + "symbolic link not followed in a directory scan; name it on the "
            + "command line to lint it", ""),
        new Case("symbolic link loop named directly", dir -> {
          Files.createSymbolicLink(dir.resolve("Dockerfile.loop"), Path.of("Dockerfile.loop"));
          return List.of("Dockerfile.loop");
        }, 2, "dockerlint: Dockerfile.loop: broken symbolic link or symbolic link loop", ""),
        new Case("FIFO", dir -> {
          assumeTrue(mkfifo(dir.resolve("Dockerfile.fifo")), "mkfifo is not available");
          return List.of("Dockerfile.fifo");
        }, 2, "dockerlint: Dockerfile.fifo: not a regular file (a FIFO, socket or device); not a Dockerfile", ""),
        new Case("device path", dir -> {
          assumeTrue(Files.exists(Path.of("/dev/null")), "no /dev/null here");
          return List.of("/dev/null");
        }, 2, "dockerlint: /dev/null: not a regular file (a FIFO, socket or device); not a Dockerfile", ""));
  }

  static boolean mkfifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  record Result(int code, String out, String err) {}

  Result run(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return run(InputStream.nullInputStream(), args);
  }

  static void assertNoStackTrace(String err) {
    assertThat(err).doesNotContain("\tat ", "Exception:", "Error:", "Caused by");
  }

  static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputGetsAClearAnswer(Case c) throws IOException {
    List<String> args = c.setup().create(dir);
    Result alone = run(with(List.of("--format", "gnu"), args.toArray(String[]::new)).toArray(String[]::new));
    assertThat(alone.code()).as("exit code").isEqualTo(c.code());
    assertThat(alone.err()).as("stderr").isEqualTo(c.stderr().isEmpty() ? "" : c.stderr() + "\n");
    assertThat(alone.out()).contains(c.out());
    assertNoStackTrace(alone.err());

    // one bad input never stops the others
    Files.createDirectories(dir.resolve("good"));
    Files.writeString(dir.resolve("good/Dockerfile"), GOOD);
    List<String> both = with(with(List.of("--format", "gnu"), args.toArray(String[]::new)), "good/Dockerfile");
    Result together = run(both.toArray(String[]::new));
    assertThat(together.code()).isEqualTo(Math.max(c.code(), 1));
    assertThat(together.out()).contains(GOOD_FINDING);
    assertThat(together.err()).isEqualTo(alone.err());
  }

  @Test
  void symlinkLoopDoesNotStopTheScan() throws IOException {
    new Case("", cases().filter(c -> c.name().startsWith("symbolic link loop in")).findFirst().orElseThrow().setup(),
        0, "", "").setup().create(dir);
    Files.writeString(dir.resolve("scan/app/Dockerfile"), GOOD);
    Result r = run("--format", "gnu", "scan");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("scan/app/Dockerfile:1:6: warning: Image 'alpine:latest'")
        .doesNotContain("scan/again"); // the link to the directory itself is not followed
  }

  @Test
  void unreadableFileIsAnError() throws IOException {
    Path file = dir.resolve("secret/Dockerfile");
    Files.createDirectories(file.getParent());
    Files.writeString(file, CLEAN);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions here");
    }
    try {
      assumeFalse(Files.isReadable(file), "running as root: the file stays readable");
      Result r = run("secret/Dockerfile");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("dockerlint: secret/Dockerfile: permission denied\n");
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void unreadableSubdirectoryDoesNotStopTheScan() throws IOException {
    Path locked = Files.createDirectories(dir.resolve("tree/locked"));
    Files.writeString(locked.resolve("Dockerfile"), CLEAN);
    Files.createDirectories(dir.resolve("tree/open"));
    Files.writeString(dir.resolve("tree/open/Dockerfile"), GOOD);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(locked), "running as root: the directory stays readable");
      Result r = run("--format", "gnu", "tree");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("dockerlint: tree/locked: cannot read directory (permission denied)\n");
      assertThat(r.out()).contains("tree/open/Dockerfile:1:6: warning: Image 'alpine:latest'");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * A stream that fails to read. (A real {@code dockerlint - <&-} is different: the JVM opens its own
   * jar on the free descriptor 0, so stdin reads the jar and the answer is "binary file", exit 2.)
   */
  @Test
  void closedStdinIsAnError() {
    InputStream closed = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("Stream closed");
      }
    };
    Result r = run(closed, "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: -: cannot read (Stream closed)\n");
  }

  @Test
  void emptyStdinIsAFileWithNoInstructions() {
    Result r = run(new ByteArrayInputStream(new byte[0]), "--format", "gnu", "-");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("-:1:1: error: file with no instructions");
  }

  @Test
  void outputInAMissingDirectoryLeavesNothing() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), GOOD);
    Result r = run("--format", "sarif", "--output", "nowhere/deep/report.sarif", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: nowhere/deep/report.sarif: cannot write report (directory does not exist)\n");
    assertThat(dir.resolve("nowhere")).doesNotExist();
  }

  @Test
  void outputInAReadOnlyDirectoryLeavesNothing() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), GOOD);
    Path ro = Files.createDirectories(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
    try {
      assumeFalse(Files.isWritable(ro), "running as root: the directory stays writable");
      Result r = run("--format", "json", "--output", "ro/report.json", "Dockerfile");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("dockerlint: ro/report.json: cannot write report (permission denied)\n");
      try (Stream<Path> left = Files.list(ro)) {
        assertThat(left).isEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void outputPathThatIsADirectoryLeavesNoTemporaryFile() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), GOOD);
    Files.createDirectories(dir.resolve("out/report.json/inside"));
    Result r = run("--format", "json", "--output", "out/report.json", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: out/report.json: cannot write report (a directory); name a file\n");
    try (Stream<Path> left = Files.list(dir.resolve("out"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }

  @Test
  void outputToTheRootDirectoryIsAClearError() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), GOOD);
    for (String root : List.of("/", "/.", "/tmp/..")) {
      Result r = run("--format", "json", "--output", root, "Dockerfile");
      assertThat(r.code()).as(root).isEqualTo(2);
      assertThat(r.err()).as(root).isEqualTo("dockerlint: " + root + ": cannot write report (a directory); name a file\n");
    }
    Result baseline = run("--write-baseline", "/", "Dockerfile");
    assertThat(baseline.code()).isEqualTo(2);
    assertThat(baseline.err()).isEqualTo("dockerlint: /: cannot write baseline (a directory); name a file\n");
  }

  @Test
  void aMissingBaselineSaysSo() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), GOOD);
    Result r = run("--baseline", "missing.txt", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: missing.txt: cannot read baseline (no such file); create it with "
        + "--write-baseline missing.txt\n");
    Result inMissingDir = run("--baseline", "nowhere/b.txt", "Dockerfile");
    assertThat(inMissingDir.err()).isEqualTo("dockerlint: nowhere/b.txt: cannot read baseline (no such file); "
        + "create it with --write-baseline nowhere/b.txt\n");
  }

  @Test
  void aPathThatDoesNotExistIsNotACleanRun() {
    Result r = run("missing/Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: missing/Dockerfile: no such file or directory\n");
    assertThat(r.out()).doesNotContain("No problems found").isEmpty();
  }

  /** A value the user typed (or a config or PR supplied) is cut in messages: one short line, still recognisable. */
  @Test
  void longValuesAreCutInMessages() throws IOException {
    String huge = "x".repeat(1 << 20);
    String cut = "x".repeat(200) + "...";
    assertThat(run("--ignore", huge, "Dockerfile").err())
        .isEqualTo("dockerlint: unknown rule '" + cut + "'; run 'dockerlint rules' for the list of ids\n");
    assertThat(run("--format", huge, "Dockerfile").err()).startsWith("dockerlint: unknown format '" + cut + "';");
    assertThat(run("--failure-threshold", huge, "Dockerfile").err())
        .startsWith("dockerlint: unknown failure threshold '" + cut + "';");
    String longPath = "missing/" + "d".repeat(300);
    assertThat(run(longPath).err()).isEqualTo("dockerlint: " + longPath.substring(0, 200) + "...: no such file or directory\n");
    Files.writeString(dir.resolve("Dockerfile"), GOOD);
    assertThat(run("--baseline", longPath, "Dockerfile").err())
        .startsWith("dockerlint: " + longPath.substring(0, 200) + "...: cannot read baseline (no such file)");
  }

  /** A rule with a bug: it throws on every file. */
  static final class Exploding implements Rule {
    @Override
    public RuleInfo info() {
      return RuleInfo.of("exploding", Severity.WARNING, "Always fails");
    }

    @Override
    public void check(Dockerfile file, RuleContext context) {
      From from = file.instructions(From.class).get(0);
      throw new IllegalStateException("bug at " + from.range());
    }
  }

  @Test
  void ruleFailureIsReportedForThatFileAndExitsTwo() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), GOOD);
    List<Rule> rules = new ArrayList<>(BuiltinRules.all());
    rules.add(new Exploding());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.Environment env = new Main.Environment(InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), dir, false);
    int code = new CommandLine(new LintCommand(env, rules)).execute("--format", "gnu", "Dockerfile");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(2);
    assertThat(printed).contains("Dockerfile:1:1: error: Rule 'exploding' failed (IllegalStateException); "
        + "please report this with the Dockerfile [internal-error]");
    assertThat(printed).contains("Dockerfile:1:6: warning: Image 'alpine:latest'"); // the other rules still ran
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("dockerlint: Dockerfile: internal error in a rule "
        + "(reported as 'internal-error'); please report it at https://github.com/dockerlint/dockerlint/issues "
        + "with the Dockerfile\n");
  }
}
