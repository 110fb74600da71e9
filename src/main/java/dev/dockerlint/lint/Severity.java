package dev.dockerlint.lint;

import java.util.Locale;
import java.util.Optional;

/** Finding severities, most severe first. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  STYLE;

  /** Lower-case name as shown to users: {@code error}, {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True if this is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.label().equals(text.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
