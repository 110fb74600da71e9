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

  /**
   * BuildKit's "did you mean" (its {@code suggest} package): the first option strictly closer than
   * 3 edits, compared case-insensitively unless {@code caseSensitive}; none when an option equals the
   * value (the error is then about something else). Without case sensitivity the suggestion takes
   * the value's case when that is all lower or all upper ({@code coppy}: {@code copy}).
   */
  public static String buildkit(String value, List<String> options, boolean caseSensitive) {
    String wanted = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    String match = null;
    int best = 3;
    for (String option : options) {
      String o = caseSensitive ? option : option.toLowerCase(Locale.ROOT);
      if (o.equals(wanted)) {
        return null;
      }
      int d = distance(wanted, o);
      if (d < best) {
        best = d;
        match = caseSensitive ? o : matchCase(o, value);
      }
    }
    return match;
  }

  private static String matchCase(String option, String original) {
    if (original.equals(original.toLowerCase(Locale.ROOT))) {
      return option.toLowerCase(Locale.ROOT);
    }
    if (original.equals(original.toUpperCase(Locale.ROOT))) {
      return option.toUpperCase(Locale.ROOT);
    }
    return option;
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
