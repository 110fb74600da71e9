package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.report.ControlCharacters;
import dev.dockerlint.report.Reporters;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line dockerlint prints, on stdout and on stderr, escapes control characters in the text a
 * pull request controls: file names, {@code --stdin-filename}, config values and option values.
 * GitHub Actions reads a line starting with {@code ::error} on either stream as an annotation.
 */
class EscapedOutputTest {
  static final String SPOOF = "x\n::error title=pwned::y\n.Dockerfile";

  @TempDir Path dir;

  static List<String> formats() {
    return Reporters.FORMATS;
  }

  private record Run(int code, String out, String err) {}

  private Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
        dir, false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The output with codeclimate's own separators, a NUL after each issue, as line feeds: JSON
   * escapes a NUL inside a string, so a raw one can only end an object.
   */
  private static String ownSeparators(String format, String output) {
    return format.equals("codeclimate") ? output.replace("}\u0000", "}\n") : output;
  }

  private static void assertNoSpoofedLine(String output, String stream) {
    for (String line : output.split("\n", -1)) {
      assertThat(line).as("a line of %s:%n%s", stream, output).doesNotStartWith("::error title=pwned")
          .doesNotStartWith("::error::").doesNotStartWith(".Dockerfile");
    }
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      assertThat(c == '\n' || !ControlCharacters.isControl(c)).as("U+%04X in %s:%n%s", (int) c, stream, output).isTrue();
    }
  }

  /** The file name, found by a directory scan, in every format. */
  @ParameterizedTest
  @MethodSource("formats")
  void aFileNameCannotSpoofAnAnnotation(String format) throws IOException {
    Path scanned = Files.createDirectory(dir.resolve("scanned"));
    Files.writeString(scanned.resolve(SPOOF), "FROM node:latest\nEXPOSE 99999\n");
    Run run = run("", "--format", format, "scanned");
    assertThat(run.code).isEqualTo(Reporters.neverFails(format) ? 0 : 1);
    assertThat(run.out).contains("pwned");
    assertNoSpoofedLine(ownSeparators(format, run.out), "stdout of " + format);
    assertNoSpoofedLine(run.err, "stderr of " + format);
  }

  /** A file that cannot be linted is named on stderr, and in the report. */
  @ParameterizedTest
  @MethodSource("formats")
  void anUnreadableFileNameCannotSpoofAnAnnotation(String format) throws IOException {
    Path scanned = Files.createDirectory(dir.resolve("scanned"));
    Files.write(scanned.resolve(SPOOF), new byte[] {'F', 'R', 0, 0, (byte) 0xff, (byte) 0xfe, 0, 1});
    Run run = run("", "--format", format, "scanned");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("dockerlint: scanned/x\\n::error title=pwned::y\\n.Dockerfile: ");
    assertNoSpoofedLine(ownSeparators(format, run.out), "stdout of " + format);
    assertNoSpoofedLine(run.err, "stderr");
  }

  @Test
  void aMissingFileNamedOnTheCommandLine() {
    Run run = run("", "missing\u001b[2J\n::error title=pwned::y");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("missing\\x1b[2J\\n::error title=pwned::y");
    assertNoSpoofedLine(run.err, "stderr");
  }

  @ParameterizedTest
  @MethodSource("formats")
  void stdinFilenameCannotSpoofAnAnnotation(String format) {
    Run run = run("FROM node:latest\n", "--format", format, "--stdin-filename", SPOOF, "-");
    assertThat(run.code).isEqualTo(Reporters.neverFails(format) ? 0 : 1);
    assertNoSpoofedLine(ownSeparators(format, run.out), "stdout of " + format);
    assertNoSpoofedLine(run.err, "stderr");
  }

  @Test
  void aConfigValueCannotSpoofAnAnnotation() throws IOException {
    Files.createDirectory(dir.resolve(".git"));
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Files.writeString(dir.resolve(".dockerlint.yaml"), "ignore: [\"nope\\n::error title=pwned::y\\u0085\"]\n"
        + "severity: {\"x\\n::error::z\": error}\n");
    Run run = run("", "Dockerfile");
    assertThat(run.err).contains("\\n::error title=pwned::y\\u0085");
    assertNoSpoofedLine(run.err, "stderr");
  }

  /** A 900 KB rule name in a config (the file limit is 1 MiB) must not become a 900 KB line on stderr. */
  @Test
  void aHugeConfigValueBecomesAShortLine() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Files.writeString(dir.resolve(".dockerlint.yaml"), "ignore: [" + "x".repeat(900_000) + "]\n");
    Files.createDirectory(dir.resolve(".git"));
    Run run = run("", "Dockerfile");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(".dockerlint.yaml").contains("more characters)");
    for (String line : run.err().split("\n")) {
      assertThat(line.length()).as("a line of stderr").isLessThanOrEqualTo(EscapingPrintStream.LONGEST_LINE + 40);
    }
  }

  @Test
  void anOptionValueCannotSpoofAnAnnotation() {
    Run run = run("", "--format", "text\n::error title=pwned::y", "--failure-threshold", "x\r\n::error::z");
    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("::error");
    assertNoSpoofedLine(run.err, "stderr");
  }

  @Test
  void theStreamEscapesWhateverWritesToIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = EscapingPrintStream.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(EscapingPrintStream.of(err)).isSameAs(err);
    err.println("one\n::error::two\u001b[31m");
    err.print("raw\u0085 \u2028 \u00e9\u2029\u20ac\n"); // print keeps its line break, not the rest
    java.io.PrintWriter writer = new java.io.PrintWriter(err, true);
    writer.println("picocli\u0007 \u009b");
    err.printf("%s%n", "formatted\r");
    err.write('\u001b');
    err.println();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("one\\n::error::two\\x1b[31m\n"
        + "raw\\u0085 \\u2028 \u00e9\\u2029\u20ac\n" + "picocli\\x07 \\u009b\n" + "formatted\\r\n" + "\\x1b\n");
  }
}
