package dev.dockerlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This project as a user gets it: the files of the working tree that git would commit (tracked, and
 * new ones it does not ignore), copied to a directory of the test's own, modes kept, so a test can
 * build, run or commit it without touching the project's own target/.
 */
final class Checkout {
  private Checkout() {}

  /** Whether every command is an executable file in a directory of the PATH. */
  static boolean available(String... commands) {
    for (String command : commands) {
      boolean found = false;
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path file = Path.of(dir.isEmpty() ? "." : dir, command);
        if (Files.isRegularFile(file) && Files.isExecutable(file)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** The project's files, relative to its root. */
  static List<String> files() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      // the image's build, say, has the files without their repository
      org.junit.jupiter.api.Assumptions.abort("not a git checkout: the project's files are not known");
    }
    return List.of(out.split("\0")).stream().filter(f -> !f.isEmpty() && Files.isRegularFile(Path.of(f))).toList();
  }

  static Path copyTo(Path dir) throws IOException, InterruptedException {
    for (String file : files()) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(Path.of(file), target, StandardCopyOption.COPY_ATTRIBUTES);
    }
    return dir;
  }

  /** Runs a command; its output (stdout and stderr together) and exit code. */
  record Run(int code, String out) {}

  static Run run(Path dir, java.util.Map<String, String> env, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    return new Run(p.exitValue(), out);
  }
}
