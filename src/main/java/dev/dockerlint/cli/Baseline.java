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
 */
final class Baseline {
  private static final String HEADER = "# dockerlint baseline v1: file<TAB>rule<TAB>fingerprint; regenerate with --write-baseline";

  private final Map<String, Integer> remaining;

  private Baseline(Map<String, Integer> entries) {
    this.remaining = entries;
  }

  /** The key of each finding, in order; identical keys are numbered by occurrence. */
  static List<String> keys(Dockerfile file, List<Finding> findings) {
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
      String base = finding.file() + "\t" + finding.rule() + "\t" + text;
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
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    keys.stream().sorted().forEach(lines::add);
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".dockerlint-baseline-", ".tmp");
    try {
      Files.write(temp, lines, StandardCharsets.UTF_8);
      Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static Baseline read(Path source) throws IOException {
    Map<String, Integer> entries = new HashMap<>();
    for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        entries.merge(line.strip(), 1, Integer::sum);
      }
    }
    return new Baseline(entries);
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
