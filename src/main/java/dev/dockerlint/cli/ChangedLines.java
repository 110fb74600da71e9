package dev.dockerlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Lines changed since a git revision, from {@code git diff --unified=0}, for PR-only reporting. */
final class ChangedLines {
  /** A file git does not track yet counts as changed everywhere. */
  private static final Set<Integer> ALL = Set.of(-1);

  private final Path root;
  private final Map<Path, Set<Integer>> changed;

  private ChangedLines(Path root, Map<Path, Set<Integer>> changed) {
    this.root = root;
    this.changed = changed;
  }

  static final class GitException extends Exception {
    GitException(String message) {
      super(message);
    }
  }

  static ChangedLines since(String ref, Path workingDir) throws GitException {
    String top = git(workingDir, "rev-parse", "--show-toplevel").strip();
    Path root = Path.of(top);
    git(workingDir, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    Map<Path, Set<Integer>> changed = new HashMap<>();
    String diff = git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--");
    Path current = null;
    for (String line : diff.split("\n")) {
      if (line.startsWith("+++ ")) {
        String name = line.substring(4);
        current = name.equals("/dev/null") ? null : root.resolve(name.startsWith("b/") ? name.substring(2) : name).normalize();
      } else if (line.startsWith("@@ ") && current != null) {
        int plus = line.indexOf(" +");
        int end = line.indexOf(" @@", plus);
        String[] range = line.substring(plus + 2, end).split(",");
        int start = Integer.parseInt(range[0]);
        int count = range.length > 1 ? Integer.parseInt(range[1]) : 1;
        Set<Integer> lines = changed.computeIfAbsent(current, k -> new HashSet<>());
        for (int i = 0; i < count; i++) {
          lines.add(start + i);
        }
      }
    }
    for (String name : git(root, "ls-files", "--others", "--exclude-standard").split("\n")) {
      if (!name.isBlank()) {
        changed.put(root.resolve(name).normalize(), ALL);
      }
    }
    return new ChangedLines(root, changed);
  }

  /** Whether a line of a file (an absolute path, or null for stdin) changed. */
  boolean contains(Path file, int line) {
    if (file == null) {
      return true; // stdin has no history to compare with
    }
    Set<Integer> lines = changed.get(file.toAbsolutePath().normalize());
    return lines != null && (lines == ALL || lines.contains(line));
  }

  Path root() {
    return root;
  }

  private static String git(Path dir, String... args) throws GitException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
      process.getOutputStream().close();
      byte[] out;
      byte[] err;
      try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
        out = stdout.readAllBytes();
        err = stderr.readAllBytes();
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new GitException("git " + String.join(" ", args) + " timed out");
      }
      if (process.exitValue() != 0) {
        String reason = new String(err, StandardCharsets.UTF_8).strip();
        if (reason.contains("not a git repository")) {
          throw new GitException("--changed-since needs a git repository, and " + dir.toAbsolutePath() + " is not in one");
        }
        if (args[0].equals("rev-parse") && args.length > 1 && args[1].equals("--verify")) {
          throw new GitException("--changed-since: unknown git revision '" + args[args.length - 1].replace("^{commit}", "") + "'");
        }
        throw new GitException("git " + String.join(" ", args) + " failed: " + reason.lines().findFirst().orElse(""));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GitException("--changed-since needs git on the PATH (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git");
    }
  }
}
