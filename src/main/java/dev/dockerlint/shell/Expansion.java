package dev.dockerlint.shell;

import java.util.List;

/**
 * The result of expanding Dockerfile variables in a word.
 *
 * @param value the expanded text with quotes and escapes removed
 * @param references every variable name the text refers to, in order of appearance, including
 *     those inside default values ({@code ${A:-$B}} refers to A and B)
 * @param error a BuildKit expansion error ("bad substitution", "missing '}'", a failed
 *     {@code ${X:?msg}}), or null
 */
public record Expansion(String value, List<String> references, String error) {
  public Expansion {
    references = List.copyOf(references);
  }
}
