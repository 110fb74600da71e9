package dev.dockerlint.policy;

import dev.dockerlint.source.SourceRange;

/**
 * Where a match was found and the parts it matched, for the message's placeholders.
 *
 * @param specific whether the range is a part of the instruction (a command, a key, the image)
 *     rather than the instruction as a whole
 * @param values the placeholders' values, by {@link Placeholder} ordinal; null where a part was not matched
 */
record Hit(SourceRange range, boolean specific, String[] values) {
  static Hit of(SourceRange range, boolean specific) {
    return new Hit(range, specific, new String[Placeholder.COUNT]);
  }

  Hit with(Placeholder placeholder, String value) {
    values[placeholder.ordinal()] = value;
    return this;
  }

  String value(Placeholder placeholder) {
    return values[placeholder.ordinal()];
  }

  /** This hit with the placeholders of {@code other} filled in where this one has none. */
  Hit merged(Hit other) {
    String[] merged = values.clone();
    for (int i = 0; i < merged.length; i++) {
      if (merged[i] == null) {
        merged[i] = other.values[i];
      }
    }
    return new Hit(range, specific, merged);
  }
}
