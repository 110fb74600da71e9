package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finding fingerprints that survive edits elsewhere in the file: a hash of the rule id, the path, the
 * normalised text of the offending source lines and the finding's index among findings with those
 * same three values. Line numbers are not part of it, so inserting a line above a finding keeps its
 * fingerprint. Used by the SARIF ({@code partialFingerprints}) and GitLab ({@code fingerprint})
 * reporters.
 *
 * <p>Stateful (it counts occurrences): use one instance per report, and ask for findings in report
 * order ({@link Report#findings()}).
 */
final class Fingerprints {
  private final Map<String, SourceText> sources = new HashMap<>();
  private final Map<String, Integer> occurrences = new HashMap<>();

  Fingerprints(Report report) {
    for (FileResult file : report.files()) {
      if (file.source() != null) {
        sources.putIfAbsent(file.path(), file.source());
      }
    }
  }

  /**
   * The next finding's fingerprint.
   *
   * @param path the path as the format shows it (SARIF's artifact URI, GitLab's location path)
   */
  String next(Finding finding, String path) {
    String key = finding.rule() + '\u0000' + path + '\u0000' + text(finding, sources.get(finding.file()));
    int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
    return hash(key + '\u0000' + occurrence);
  }

  /**
   * The text a fingerprint is taken from: the finding's source lines with whitespace runs collapsed
   * and blank lines dropped (so re-indenting does not change it); the message when there is no source.
   */
  static String text(Finding finding, SourceText source) {
    if (source == null || finding.line() > source.lineCount()) {
      return "message:" + finding.message();
    }
    int last = finding.range().endLine();
    if (last > finding.line() && finding.range().end().column() == 1) {
      last--;
    }
    last = Math.min(last, source.lineCount());
    List<String> lines = new ArrayList<>();
    for (int line = finding.line(); line <= last; line++) {
      String normal = source.line(line).strip().replaceAll("\\s+", " ");
      if (!normal.isEmpty()) {
        lines.add(normal);
      }
    }
    return String.join("\n", lines);
  }

  /** The first 128 bits of SHA-256 of the UTF-8 bytes, in lower-case hex. */
  static String hash(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(32);
      for (int i = 0; i < 16; i++) {
        hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
