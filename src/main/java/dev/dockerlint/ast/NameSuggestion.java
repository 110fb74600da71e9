package dev.dockerlint.ast;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

  /**
   * The known variable name closest to {@code name}: one differing only in case, else one within a
   * third of its length in edit distance (at least 1, at most 3); null when nothing is that close.
   */
  public static String closestVariable(String name, Collection<String> known) {
    for (String candidate : known) {
      if (candidate.equalsIgnoreCase(name) && !candidate.equals(name)) {
        return candidate;
      }
    }
    int limit = Math.min(3, Math.max(1, name.length() / 3));
    return closest(name, known, limit).orElse(null);
  }

  /** The name of one of {@code stages} closest to {@code name} (edit distance 2 at most), or null. */
  public static String closestStage(List<Stage> stages, String name) {
    List<String> names = new ArrayList<>(stages.size());
    for (Stage stage : stages) {
      names.add(stage.name());
    }
    return closest(name, names, 2).orElse(null);
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
