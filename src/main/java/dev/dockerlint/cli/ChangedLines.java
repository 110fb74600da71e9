package dev.dockerlint.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Lines changed since a git revision, for PR-only reporting: {@code git diff --unified=0} in the
 * repository holding each file (not the working directory's), compared by canonical path, so a
 * file named through a linked directory matches, and with git's quoting of unusual names undone.
 */
final class ChangedLines {
  /** A file git does not track yet counts as changed everywhere. */
  private static final Set<Integer> ALL = Set.of(-1);

  /** Changed lines by canonical path, for the linted files only. */
  private final Map<Path, Set<Integer>> changed;
  /** The same by the path each input was given as, worked out once per file. */
  private final Map<Path, Set<Integer>> byInput = new HashMap<>();

  private ChangedLines(Map<Path, Set<Integer>> changed) {
    this.changed = changed;
  }

  static final class GitException extends Exception {
    GitException(String message) {
      super(message);
    }
  }

  /**
   * @param inputs the files to lint; the repository of each is found from the file itself. With
   *     only stdin, the working directory's repository is asked, so a wrong revision is still an error
   */
  static ChangedLines since(String ref, List<Inputs.Input> inputs, Path workingDir) throws GitException {
    Map<Path, Set<Path>> filesByRoot = new LinkedHashMap<>(); // in input order: the first error is the first file's
    Map<Path, Path> rootByDir = new HashMap<>();
    for (Inputs.Input input : inputs) {
      if (input.isStdin() || input.error() != null) {
        continue;
      }
      Path file = Repository.canonical(input.path());
      Path dir = file.getParent();
      Path root = rootByDir.containsKey(dir) ? rootByDir.get(dir) : Repository.rootOf(dir);
      rootByDir.put(dir, root);
      if (root == null) {
        throw new GitException("--changed-since needs a git repository, and " + Messages.cut(input.displayPath())
            + " is not in one");
      }
      filesByRoot.computeIfAbsent(root, k -> new HashSet<>()).add(file);
    }
    if (filesByRoot.isEmpty()) {
      Path root = Repository.rootOf(workingDir);
      if (root == null) {
        throw new GitException("--changed-since needs a git repository, and " + workingDir + " is not in one");
      }
      filesByRoot.put(root, Set.of());
    }
    Map<Path, Set<Integer>> changed = new HashMap<>();
    for (Map.Entry<Path, Set<Path>> entry : filesByRoot.entrySet()) {
      Path top = Repository.canonical(Path.of(git(entry.getKey(), "rev-parse", "--show-toplevel").strip()));
      verify(ref, top);
      diff(ref, top, entry.getValue(), changed);
      for (String name : nulSeparated(git(top, "ls-files", "-z", "--others", "--exclude-standard"))) {
        Path file = top.resolve(name).normalize();
        if (entry.getValue().contains(file)) {
          changed.put(file, ALL);
        }
      }
    }
    return new ChangedLines(changed);
  }

  private static void verify(String ref, Path top) throws GitException {
    try {
      git(top, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    } catch (GitException e) {
      boolean shallow = false;
      try {
        shallow = git(top, "rev-parse", "--is-shallow-repository").strip().equals("true");
      } catch (GitException ignored) {
        // an old git that cannot tell: say only what is certain
      }
      throw new GitException("--changed-since: unknown git revision '" + Messages.cut(ref) + "' in " + top
          + (shallow ? ", a shallow clone; fetch the history first (actions/checkout: fetch-depth: 0)" : ""));
    }
  }

  /**
   * Reads the diff as it streams: only the wanted files' lines are kept, so a large diff elsewhere
   * in the repository costs no memory. Prefixes are fixed ({@code diff.noprefix} and
   * {@code diff.mnemonicPrefix} would change them), and quoting is always on, so a header is ASCII.
   */
  private static void diff(String ref, Path top, Set<Path> wanted, Map<Path, Set<Integer>> changed)
      throws GitException {
    GitOutput out = new Lines() {
      Set<Integer> current;
      boolean header;

      @Override
      void line(String line) {
        if (line.startsWith("diff --git ")) {
          header = true;
          current = null;
        } else if (header && line.startsWith("+++ ")) {
          Path file = newName(line.substring(4), top);
          current = file != null && wanted.contains(file) ? changed.computeIfAbsent(file, k -> new HashSet<>()) : null;
        } else if (line.startsWith("@@ ")) {
          header = false;
          int plus = line.indexOf(" +");
          int end = line.indexOf(" @@", plus);
          if (current != null && plus > 0 && end > plus) {
            String[] range = line.substring(plus + 2, end).split(",");
            int start = Integer.parseInt(range[0]);
            int count = range.length > 1 ? Integer.parseInt(range[1]) : 1;
            for (int i = 0; i < count; i++) {
              current.add(start + i);
            }
          }
        }
      }
    };
    run(top, out, "-c", "core.quotePath=true", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
        "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", ref, "--");
  }

  /** The file a {@code +++} header names, or null for {@code /dev/null} (a deleted file). */
  static Path newName(String header, Path top) {
    String name;
    if (header.startsWith("\"")) {
      name = unquote(header);
    } else {
      // git ends the header with a tab when the name holds a space, for patch(1)
      String raw = header.endsWith("\t") ? header.substring(0, header.length() - 1) : header;
      name = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
    if (name == null || !name.startsWith("b/")) {
      return null;
    }
    return top.resolve(name.substring(2)).normalize();
  }

  /**
   * A name git quoted C-style: {@code "caf\303\251"}, {@code "a\tb"}, {@code "q\"d"}. The escapes
   * give bytes, which are UTF-8; null when the text is not a well-formed quoted name.
   */
  static String unquote(String quoted) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 1; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '"') {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
      }
      if (c != '\\') {
        bytes.write(c); // one byte per char, as the output was read
        continue;
      }
      if (++i == quoted.length()) {
        return null;
      }
      char e = quoted.charAt(i);
      switch (e) {
        case 'a' -> bytes.write(7);
        case 'b' -> bytes.write('\b');
        case 't' -> bytes.write('\t');
        case 'n' -> bytes.write('\n');
        case 'v' -> bytes.write(11);
        case 'f' -> bytes.write('\f');
        case 'r' -> bytes.write('\r');
        case '"', '\\' -> bytes.write(e);
        default -> {
          if (e < '0' || e > '3' || i + 2 >= quoted.length()) {
            return null;
          }
          int value = 0;
          for (int k = 0; k < 3; k++) {
            char digit = quoted.charAt(i + k);
            if (digit < '0' || digit > '7') {
              return null;
            }
            value = value * 8 + (digit - '0');
          }
          bytes.write(value);
          i += 2;
        }
      }
    }
    return null;
  }

  /** Names from {@code -z} output, which git writes unquoted. */
  private static List<String> nulSeparated(String output) {
    List<String> names = new ArrayList<>();
    for (String name : output.split("\0")) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether a line of a file (as given, or null for stdin) changed. */
  boolean contains(Path file, int line) {
    if (file == null) {
      return true; // stdin has no history to compare with
    }
    Set<Integer> lines = byInput.get(file);
    if (lines == null) {
      lines = changed.getOrDefault(Repository.canonical(file), Set.of());
      byInput.put(file, lines);
    }
    return lines == ALL || lines.contains(line);
  }

  /** Receives git's standard output as it comes. */
  private abstract static class GitOutput {
    abstract void write(int b);

    void end() {}
  }

  /** Git's output line by line, each byte one char (ISO-8859-1). */
  private abstract static class Lines extends GitOutput {
    private final StringBuilder line = new StringBuilder();

    abstract void line(String line);

    @Override
    final void write(int b) {
      if (b == '\n') {
        line(line.toString());
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }

    @Override
    final void end() {
      if (line.length() > 0) {
        line(line.toString());
      }
    }
  }

  /** Git's whole output, decoded as UTF-8 (the encoding of names on every system we support). */
  private static String git(Path dir, String... args) throws GitException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    run(dir, new GitOutput() {
      @Override
      void write(int b) {
        all.write(b);
      }
    }, args);
    return all.toString(StandardCharsets.UTF_8);
  }

  /**
   * Runs git in {@code dir}. {@code core.fsmonitor} is off: it names a program, and the
   * repository's own config could set it.
   */
  private static void run(Path dir, GitOutput output, String... args) throws GitException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "core.fsmonitor=false"));
    command.addAll(List.of(args));
    String what = "git " + args[args[0].equals("-c") ? 2 : 0];
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).start();
    } catch (IOException e) {
      throw new GitException("--changed-since needs git on the PATH (" + e.getMessage() + ")");
    }
    try {
      process.getOutputStream().close();
      // stderr drained beside stdout, so neither can fill up and stall git
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread drain = new Thread(new Runnable() {
        @Override
        public void run() {
          try (InputStream stderr = process.getErrorStream()) {
            stderr.transferTo(err);
          } catch (IOException ignored) {
            // what git said is only for the message
          }
        }
      }, "dockerlint-git-stderr");
      drain.setDaemon(true);
      drain.start();
      try (InputStream stdout = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
        for (int b = stdout.read(); b >= 0; b = stdout.read()) {
          output.write(b);
        }
        output.end();
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new GitException(what + " timed out");
      }
      drain.join(5000);
      if (process.exitValue() != 0) {
        String reason = err.toString(StandardCharsets.UTF_8).strip();
        if (reason.contains("not a git repository")) {
          throw new GitException("--changed-since needs a git repository, and " + dir + " is not in one");
        }
        throw new GitException(what + " failed in " + dir + ": " + Messages.cut(reason.lines().findFirst().orElse("")));
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw new GitException(what + " failed in " + dir + " (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git");
    }
  }
}
