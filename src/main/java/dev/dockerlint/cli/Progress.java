package dev.dockerlint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for long runs: {@code dockerlint: 120/450 files, 1.3 s}, rewritten in
 * place with a carriage return at most every {@link #INTERVAL_NANOS} and erased before the report is
 * printed. Only on a terminal (the JVM's console: standard input and output are one), for more than
 * {@link #MIN_FILES} files, never in CI (the {@code CI} variable the CI services set) and never with
 * {@code TERM=dumb}; in pipes, log files and pre-commit (which pipes its hooks' output) nothing is
 * written. Standard error redirected alone while standard output is a terminal still gets it.
 */
final class Progress implements AutoCloseable {
  /** More files than this show the line: a scan of a few hundred takes long enough to wonder. */
  static final int MIN_FILES = 300;
  static final long INTERVAL_NANOS = 100_000_000L;

  private final OutputStream err;
  private final Object lock;
  private final int total;
  private final LongSupplier clock;
  private final long start;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastShown;
  private volatile boolean shown;

  private Progress(OutputStream err, Object lock, int total, LongSupplier clock) {
    this.err = err;
    this.lock = lock;
    this.total = total;
    this.clock = clock;
    this.start = clock.getAsLong();
    // the first file shows the line at once (a run this long is worth it), later ones each interval
    this.lastShown = new AtomicLong(start - INTERVAL_NANOS);
  }

  /** Whether a run of {@code files} files shows the line, given the terminal and the environment. */
  static boolean wanted(int files, boolean terminal, Map<String, String> env) {
    return files > MIN_FILES && terminal && env.getOrDefault("CI", "").isEmpty() && !"dumb".equals(env.get("TERM"));
  }

  /**
   * @param err the raw standard error (the line's carriage return and erase sequence are not escaped)
   * @param lock what the escaped standard error synchronizes on, so lines are not interleaved
   */
  static Progress start(OutputStream err, Object lock, int total, LongSupplier clock) {
    return new Progress(err, lock, total, clock);
  }

  /** One file done (any thread); shows the line when the last one is old enough. */
  void fileDone() {
    int n = done.incrementAndGet();
    long now = clock.getAsLong();
    long last = lastShown.get();
    if (now - last >= INTERVAL_NANOS && lastShown.compareAndSet(last, now)) {
      show(n, now);
    }
  }

  private void show(int n, long now) {
    double seconds = (now - start) / 1e9;
    String line = "\rdockerlint: " + Math.min(n, total) + "/" + total + " files, "
        + String.format(Locale.ROOT, "%.1f", seconds) + " s\u001b[K";
    write(line);
    shown = true;
  }

  private void write(String text) {
    synchronized (lock) {
      try {
        err.write(text.getBytes(StandardCharsets.UTF_8));
        err.flush();
      } catch (IOException e) {
        // a closed stderr: the line is only a courtesy
      }
    }
  }

  /** Erases the line, if one was shown, so the report starts on a clean line. */
  @Override
  public void close() {
    if (shown) {
      write("\r\u001b[K");
    }
  }
}
