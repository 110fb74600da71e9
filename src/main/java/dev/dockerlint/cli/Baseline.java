package dev.dockerlint.cli;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.lint.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Known findings to tolerate when adopting dockerlint on an existing codebase. A finding is
 * identified by its file, rule and the whitespace-normalised text of the instruction it is in (plus
 * an occurrence count among identical ones), never by line number, so edits elsewhere in the file
 * keep the baseline valid.
 *
 * <p>Since v2 a file is named by its path from the root of the repository holding the baseline
 * (or from the baseline's own directory outside a repository), so {@code --write-baseline b .} and
 * {@code --baseline b Dockerfile}, or runs from another directory, name it the same way. A v1
 * baseline named files as they were typed; it is still read that way.
 */
final class Baseline {
  private static final String V1 = "# dockerlint baseline v1:";
  private static final String V2 = "# dockerlint baseline v2:";
  private static final String HEADER = V2 + " path<TAB>rule<TAB>fingerprint, paths from the repository root (or "
      + "this file's directory); regenerate with --write-baseline";
  private static final String ANY_VERSION = "# dockerlint baseline v";
  /** Bigger than any baseline of a real codebase, small enough to read into memory. */
  static final long MAX_BYTES = 64L << 20;

  /** The baseline is larger than {@link #MAX_BYTES}. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("larger than 64 MiB");
    }
  }

  /** The baseline's header names a version this dockerlint does not know. */
  static final class UnknownVersion extends IOException {
    UnknownVersion(String header) {
      super("written by a newer dockerlint ('" + Messages.cut(header) + "')");
    }
  }

  private final Map<String, Integer> remaining;
  /** Where entries' paths start; null for a v1 baseline, whose paths are as typed. */
  private final Path root;

  private Baseline(Map<String, Integer> entries, Path root) {
    this.remaining = entries;
    this.root = root;
  }

  /**
   * How a baseline at {@code location} names a file: its path from the repository root above the
   * baseline, or from the baseline's directory outside a repository; {@code shown} (the path as
   * reported) for a v1 baseline, and for stdin without {@code --stdin-filename}.
   *
   * @param file the file on disk, or the path stdin stands for, or null
   */
  static String name(Path root, Path file, String shown) {
    if (root == null || file == null) {
      return root == null ? shown : escape(shown);
    }
    return escape(Repository.relative(root, Repository.canonicalDirectory(file)));
  }

  /** The directory v2 paths start from, for a baseline at {@code location}. */
  static Path root(Path location) {
    Path absolute = location.toAbsolutePath().normalize();
    Path dir = Repository.canonical(absolute.getParent() != null ? absolute.getParent() : absolute); // "/" has none
    Path repository = Repository.rootOf(dir);
    return repository != null ? repository : dir;
  }

  /** Where this baseline's paths start: null for a v1 baseline (paths as typed). */
  Path root() {
    return root;
  }

  /** One line per entry: a tab, newline, CR or backslash in a path is written as {@code \t}, {@code \n}... */
  private static String escape(String path) {
    if (path.indexOf('\\') < 0 && path.indexOf('\t') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
      return path;
    }
    return path.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  /**
   * The key of each finding, in order; identical keys are numbered by occurrence.
   *
   * @param name the file as the baseline names it ({@link #name})
   */
  static List<String> keys(Dockerfile file, List<Finding> findings, String name) {
    Map<String, Integer> seen = new HashMap<>();
    // one hash per instruction (or line), and a binary search per finding: a file with tens of
    // thousands of findings stays linear
    Map<Integer, String> hashes = new HashMap<>();
    List<Instruction> instructions = file.instructions();
    boolean ordered = ordered(instructions);
    List<String> keys = new ArrayList<>();
    for (Finding finding : findings) {
      int at = ordered ? instructionAt(instructions, finding.line()) : -1;
      Integer slot = at >= 0 ? at : -finding.line() - 1;
      String text = hashes.computeIfAbsent(slot, s -> hash(!ordered ? instructionText(file, finding)
          : at >= 0 ? normalized(file.source().slice(instructions.get(at).range())) : lineText(file, finding.line())));
      String base = name + "\t" + finding.rule() + "\t" + text;
      int n = seen.merge(base, 1, Integer::sum);
      keys.add(base + "#" + n);
    }
    return keys;
  }

  /**
   * Keys for a file that is not a Dockerfile (a compose file): each finding by its line's text, so
   * a finding keeps its key when lines above it change.
   */
  static List<String> lineKeys(dev.dockerlint.source.SourceText source, List<Finding> findings, String name) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (Finding finding : findings) {
      String text = source == null || finding.line() > source.lineCount() ? "" : normalized(source.line(finding.line()));
      String base = name + "\t" + finding.rule() + "\t" + hash(text);
      int n = seen.merge(base, 1, Integer::sum);
      keys.add(base + "#" + n);
    }
    return keys;
  }

  static String instructionText(Dockerfile file, Finding finding) {
    int line = finding.line();
    for (Instruction instruction : file.instructions()) {
      if (instruction.range().startLine() <= line && line <= instruction.range().endLine()) {
        return normalized(file.source().slice(instruction.range()));
      }
    }
    return lineText(file, line);
  }

  private static String lineText(Dockerfile file, int line) {
    return normalized(file.source().line(line));
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** Whether instructions follow each other without overlapping, so a binary search finds the one at a line. */
  private static boolean ordered(List<Instruction> instructions) {
    for (int i = 1; i < instructions.size(); i++) {
      if (instructions.get(i).range().startLine() <= instructions.get(i - 1).range().endLine()) {
        return false;
      }
    }
    return true;
  }

  /** Index of the instruction whose lines include {@code line}, or -1 (ordered instructions only). */
  private static int instructionAt(List<Instruction> instructions, int line) {
    int lo = 0;
    int hi = instructions.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Instruction candidate = instructions.get(mid);
      if (line < candidate.range().startLine()) {
        hi = mid - 1;
      } else if (line > candidate.range().endLine()) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static void write(Path target, List<String> keys) throws IOException {
    List<String> sorted = new ArrayList<>(keys);
    java.util.Collections.sort(sorted);
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (String key : sorted) {
      text.append(key).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    new OutputFile(target.toAbsolutePath()).write(new OutputFile.Content() {
      @Override
      public void writeTo(java.io.OutputStream out) throws IOException {
        out.write(bytes);
      }
    });
  }

  /** Reads a baseline of either version; at most {@link #MAX_BYTES} of it (a FIFO works too). */
  static Baseline read(Path source) throws IOException {
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(source)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new TooLarge();
    }
    Map<String, Integer> entries = new HashMap<>();
    boolean v1 = true;
    boolean first = true;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (first && !line.isBlank()) {
        first = false;
        if (line.startsWith(V2)) {
          v1 = false;
        } else if (line.startsWith(ANY_VERSION) && !line.startsWith(V1)) {
          throw new UnknownVersion(line);
        }
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      // v1 entries were stripped; a v2 path may start or end with a space, so only CR is dropped
      entries.merge(v1 ? line.strip() : line, 1, Integer::sum);
    }
    return new Baseline(entries, v1 ? null : root(source));
  }

  /** True when the key is in the baseline (each entry matches once). */
  boolean absorbs(String key) {
    Integer count = remaining.get(key);
    if (count == null || count == 0) {
      return false;
    }
    remaining.put(key, count - 1);
    return true;
  }
}
