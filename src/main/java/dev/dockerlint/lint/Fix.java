package dev.dockerlint.lint;

import java.util.List;

/**
 * What repairs a finding: a short title ({@code Add --no-install-recommends}), whether it is safe to
 * apply unasked, and its edits over the original text, which do not overlap each other. The fix
 * engine ({@code dev.dockerlint.fix}) applies it; reporters show it.
 */
public record Fix(String title, Applicability applicability, List<Edit> edits) {
  public Fix {
    edits = List.copyOf(edits);
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a fix needs at least one edit");
    }
    for (int i = 0; i < edits.size(); i++) {
      for (int j = i + 1; j < edits.size(); j++) {
        if (overlap(edits.get(i), edits.get(j))) {
          throw new IllegalArgumentException("the edits of a fix overlap: " + edits.get(i).range() + " and "
              + edits.get(j).range());
        }
      }
    }
  }

  public static Fix safe(String title, Edit... edits) {
    return new Fix(title, Applicability.SAFE, List.of(edits));
  }

  public static Fix unsafe(String title, Edit... edits) {
    return new Fix(title, Applicability.UNSAFE, List.of(edits));
  }

  public boolean isSafe() {
    return applicability == Applicability.SAFE;
  }

  /** Two edits overlap when they share a character, or insert at the same place. */
  static boolean overlap(Edit a, Edit b) {
    var ar = a.range();
    var br = b.range();
    if (ar.start().equals(ar.end()) && br.start().equals(br.end())) {
      return ar.start().equals(br.start());
    }
    return ar.start().compareTo(br.end()) < 0 && br.start().compareTo(ar.end()) < 0;
  }
}
