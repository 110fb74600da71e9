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
    List<String> keys = new ArrayList<>();
    for (Finding finding : findings) {
      String base = finding.file() + "\t" + finding.rule() + "\t" + hash(instructionText(file, finding));
      int n = seen.merge(base, 1, Integer::sum);
      keys.add(base + "#" + n);
    }
    return keys;
  }

  static String instructionText(Dockerfile file, Finding finding) {
    int line = finding.line();
    for (Instruction instruction : file.instructions()) {
      if (instruction.range().startLine() <= line && line <= instruction.range().endLine()) {
        return file.source().slice(instruction.range()).replaceAll("\\s+", " ").strip();
      }
    }
    return file.source().line(line).replaceAll("\\s+", " ").strip();
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
