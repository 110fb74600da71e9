package dev.dockerlint.shellcheck;

import dev.dockerlint.lint.Analyzer;
import dev.dockerlint.lint.RuleFamily;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * ShellCheck on RUN scripts, the way actionlint runs it: when a {@code shellcheck} executable is
 * found, every shell-form RUN script (heredoc scripts and {@code sh -c} strings too) is checked
 * with {@code --norc}, and its findings come back as rule ids {@code SC2086} at their exact place
 * in the Dockerfile. This class is all of the package that a run without ShellCheck loads: the
 * code family and the PATH probe.
 */
public final class ShellCheck {
  /** ShellCheck's codes, documented on its wiki. */
  public static final RuleFamily CODES = new RuleFamily("ShellCheck", "SC", 4, "https://www.shellcheck.net/wiki/",
      dev.dockerlint.lint.Applicability.UNSAFE);

  /** Seconds one ShellCheck process may take (plus one per 16 KB of scripts) unless configured. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 10;

  private ShellCheck() {}

  /**
   * The first {@code shellcheck} on a PATH value that is an executable file. Only absolute
   * entries count: an empty or relative one (the working directory, which may be a pull request's
   * checkout) could hold a program anyone put there. One {@code access} call per entry, cached by
   * the caller for the run; no process is started.
   */
  public static Optional<Path> onPath(String path) {
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    String name = File.separatorChar == '\\' ? "shellcheck.exe" : "shellcheck";
    int start = 0;
    while (start <= path.length()) {
      int end = path.indexOf(File.pathSeparatorChar, start);
      if (end < 0) {
        end = path.length();
      }
      String entry = path.substring(start, end);
      start = end + 1;
      if (entry.isEmpty()) {
        continue;
      }
      try {
        Path dir = Path.of(entry);
        if (dir.isAbsolute()) {
          Path candidate = dir.resolve(name);
          if (Files.isExecutable(candidate) && Files.isRegularFile(candidate)) {
            return Optional.of(candidate);
          }
        }
      } catch (InvalidPathException e) {
        // not a path on this system: skipped, as a shell would
      }
    }
    return Optional.empty();
  }

  /** Whether a path names an executable file (for {@code --shellcheck PATH} and a config's {@code shellcheck:}). */
  public static boolean isExecutable(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }

  /**
   * The analyzer that runs this executable for a whole lint run: one process per core at most,
   * several Dockerfiles to a process when they come faster than it checks them.
   *
   * @param timeoutSeconds how long a process may run (plus a second per 16 KB of scripts)
   */
  public static Analyzer analyzer(Path executable, long timeoutSeconds) {
    return analyzer(executable, timeoutSeconds, java.util.Map.of());
  }

  /**
   * As {@link #analyzer(Path, long)}, keeping ShellCheck's answers between runs in the user's
   * cache directory that {@code env} names ({@code XDG_CACHE_HOME}, {@code HOME}) unless
   * {@code DOCKERLINT_SHELLCHECK_CACHE=0}.
   */
  public static Analyzer analyzer(Path executable, long timeoutSeconds, java.util.Map<String, String> env) {
    return new ShellCheckAnalyzer(new ShellCheckRunner(executable, ShellCheckCache.open(env, executable),
        Runtime.getRuntime().availableProcessors(), timeoutSeconds));
  }
}
