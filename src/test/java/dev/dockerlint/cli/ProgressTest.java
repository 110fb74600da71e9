package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line of long directory scans: on a terminal only, never in CI or pipes. */
class ProgressTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private Result run(boolean terminal, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, dir, terminal);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void dockerfiles(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      Path file = dir.resolve("svc" + i / 50).resolve("app" + i + ".Dockerfile");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "FROM alpine:3.20\nUSER 1\nHEALTHCHECK NONE\n");
    }
  }

  @Test
  void theLineCountsFilesShowsTheTimeAndIsErasedAtTheEnd() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(1_000_000_000L);
    Object lock = new Object();
    try (Progress progress = Progress.start(err, lock, 400, now::get)) {
      progress.fileDone(); // the first file shows the line
      assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\rdockerlint: 1/400 files, 0.0 s\u001b[K");
      now.addAndGet(Progress.INTERVAL_NANOS / 2);
      progress.fileDone(); // within the interval: not rewritten
      assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\rdockerlint: 1/400 files, 0.0 s\u001b[K");
      now.addAndGet(1_300_000_000L);
      progress.fileDone();
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\rdockerlint: 1/400 files, 0.0 s\u001b[K"
        + "\rdockerlint: 3/400 files, 1.4 s\u001b[K\r\u001b[K");
  }

  @Test
  void aClosedRunWithoutFilesErasesNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress.start(err, new Object(), 400, () -> 0L).close();
    assertThat(err.size()).isZero();
  }

  @Test
  void onlyTerminalsOutsideCiForMoreThanAFewHundredFiles() {
    Map<String, String> term = Map.of("TERM", "xterm-256color");
    assertThat(Progress.wanted(Progress.MIN_FILES + 1, true, term)).isTrue();
    assertThat(Progress.wanted(Progress.MIN_FILES, true, term)).isFalse();
    assertThat(Progress.wanted(Progress.MIN_FILES + 1, false, term)).as("a pipe").isFalse();
    assertThat(Progress.wanted(Progress.MIN_FILES + 1, true, Map.of("TERM", "xterm", "CI", "true"))).isFalse();
    assertThat(Progress.wanted(Progress.MIN_FILES + 1, true, Map.of("TERM", "dumb"))).isFalse();
  }

  @Test
  void aLongScanOnATerminalShowsItOnStderrAndTheReportIsUntouched() throws IOException {
    dockerfiles(Progress.MIN_FILES + 50);
    Map<String, String> env = new HashMap<>(Map.of("TERM", "xterm-256color"));
    Result terminal = run(true, env, "--no-color", ".");
    Result pipe = run(false, env, ".");
    assertThat(terminal.code()).isZero();
    assertThat(terminal.out()).isEqualTo(pipe.out()).startsWith("No problems found in 350 files");
    // the first file done shows the line, the end erases it
    assertThat(terminal.err()).matches("(\\rdockerlint: \\d+/350 files, \\d+\\.\\d s\u001b\\[K)+\\r\u001b\\[K");
    assertThat(pipe.err()).isEmpty();
    env.put("CI", "true");
    assertThat(run(true, env, ".").err()).as("CI logs").isEmpty();
  }

  @Test
  void aFewHundredFilesShowNoLine() throws IOException {
    dockerfiles(Progress.MIN_FILES);
    assertThat(run(true, Map.of("TERM", "xterm"), ".").err()).isEmpty();
  }
}
