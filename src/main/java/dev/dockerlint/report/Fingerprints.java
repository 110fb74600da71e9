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
 * <p>The text is the file's as reports show it, secrets masked ({@code lint.Secrets}). Each secret's
 * own token is masked as before masking moved into the linter, so fingerprints stayed as they were
 * except on lines where masking is new: another occurrence of a long secret value, or any secret
 * when the secret rules are turned off.
 *
 * <p>Stateful (it counts occurrences): use one instance per report, and ask for findings in report
 * order ({@link Report#findings()}).
 */
final class Fingerprints {
  private final Map<String, SourceText> sources = new HashMap<>();
  /**
   * Per rule, path and text: how many findings had them so far, and the digest of them, fed once.
   * Findings on one long line would otherwise each hash the whole line again (16,000 findings on a
   * 55,000-character line took SARIF output 10 s).
   */
  private final Map<Key, Seen> seen = new HashMap<>();
  /** The last finding's text, for the next finding on the same lines (findings come in line order). */
  private SourceText lastSource;
  private int lastFirst;
  private int lastEnd;
  private String lastText;

  private record Key(String rule, String path, String text) {}

  /**
   * What is hashed is rule, path, text and occurrence joined by NUL. A NUL never splits a surrogate
   * pair, so the digest of the joined prefix, fed once and cloned per occurrence, is the same.
   */
  private static final class Seen {
    final String prefix;
    final MessageDigest digested;
    int count;

    Seen(Key key) {
      prefix = key.rule() + '\u0000' + key.path() + '\u0000' + key.text() + '\u0000';
      digested = sha256();
      digested.update(prefix.getBytes(StandardCharsets.UTF_8));
    }

    String next() {
      String occurrence = Integer.toString(count++);
      try {
        MessageDigest digest = (MessageDigest) digested.clone();
        digest.update(occurrence.getBytes(StandardCharsets.UTF_8));
        return hex(digest.digest());
      } catch (CloneNotSupportedException e) {
        return hash(prefix + occurrence); // a provider whose digests cannot be copied
      }
    }
  }

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
    Key key = new Key(finding.rule(), path, cachedText(finding, sources.get(finding.file())));
    Seen before = seen.get(key);
    if (before == null) {
      before = new Seen(key);
      seen.put(key, before);
    }
    return before.next();
  }

  private String cachedText(Finding finding, SourceText source) {
    if (source == null || finding.line() > source.lineCount()) {
      return text(finding, source);
    }
    int last = lastLine(finding, source);
    if (source != lastSource || finding.line() != lastFirst || last != lastEnd) {
      lastSource = source;
      lastFirst = finding.line();
      lastEnd = last;
      lastText = text(source, finding.line(), last);
    }
    return lastText;
  }

  /**
   * The text a fingerprint is taken from: the finding's source lines with whitespace runs collapsed
   * and blank lines dropped (so re-indenting does not change it); the message when there is no source.
   */
  static String text(Finding finding, SourceText source) {
    if (source == null || finding.line() > source.lineCount()) {
      return "message:" + finding.message();
    }
    return text(source, finding.line(), lastLine(finding, source));
  }

  /** The last line a finding covers: a range that ends at column 1 stops on the line before. */
  private static int lastLine(Finding finding, SourceText source) {
    int last = finding.range().endLine();
    if (last > finding.line() && finding.range().end().column() == 1) {
      last--;
    }
    return Math.min(last, source.lineCount());
  }

  private static String text(SourceText source, int first, int last) {
    List<String> lines = new ArrayList<>();
    for (int line = first; line <= last; line++) {
      String normal = source.line(line).strip().replaceAll("\\s+", " ");
      if (!normal.isEmpty()) {
        lines.add(normal);
      }
    }
    return String.join("\n", lines);
  }

  /** The first 128 bits of SHA-256 of the UTF-8 bytes, in lower-case hex. */
  static String hash(String key) {
    return hex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  private static String hex(byte[] hash) {
    StringBuilder hex = new StringBuilder(32);
    for (int i = 0; i < 16; i++) {
      hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
    }
    return hex.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
