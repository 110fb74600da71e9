package dev.dockerlint.ast;

import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for keywords, stage names and variables: the closest known name. */
public final class NameSuggestion {
  private NameSuggestion() {}

  /**
   * The candidate closest to {@code name} in case-insensitive edit distance, at most
   * {@code maxDistance} edits away; the first one wins a tie. The name itself is never suggested.
   */
  public static Optional<String> closest(String name, Iterable<String> candidates, int maxDistance) {
    String wanted = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = maxDistance + 1;
    for (String candidate : candidates) {
      if (candidate == null || candidate.equals(name)
          || Math.abs(candidate.length() - wanted.length()) >= bestDistance) {
        continue;
      }
      int d = distance(candidate.toLowerCase(Locale.ROOT), wanted);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance, two rows at a time. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
