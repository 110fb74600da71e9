package dev.dockerlint.compose;

import java.util.Map;

/**
 * Compose's variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+other}},
 * {@code ${VAR+other}} and {@code $$} for a dollar sign. Values come only from the given
 * variables (the {@code .env} beside the compose file), never from the environment dockerlint runs
 * in: a CI job's secrets live there.
 */
final class Interpolation {
  /** Nested defaults deeper than this are left as written. */
  private static final int MAX_DEPTH = 8;

  private final Map<String, String> variables;

  Interpolation(Map<String, String> variables) {
    this.variables = variables;
  }

  /**
   * The text interpolated.
   *
   * @param text the value as written
   * @param used the secret-named variables whose values went in are added here (may be null)
   */
  Result apply(String text, java.util.Set<String> used) {
    if (text.indexOf('$') < 0) {
      return new Result(text, true);
    }
    boolean[] known = {true};
    String value = expand(text, 0, known, used);
    return new Result(value, known[0]);
  }

  /** @param known false when a variable has no value here */
  record Result(String text, boolean known) {}

  private String expand(String text, int depth, boolean[] known, java.util.Set<String> used) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = closingBrace(text, i + 2);
        if (close < 0 || depth >= MAX_DEPTH) {
          out.append(text, i, text.length()); // unterminated: as written (Compose rejects it)
          known[0] = false;
          return out.toString();
        }
        out.append(braced(text.substring(i + 2, close), depth, known, used));
        i = close + 1;
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
          end++;
        }
        out.append(lookup(text.substring(i + 1, end), known, used));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String braced(String inside, int depth, boolean[] known, java.util.Set<String> used) {
    int end = 0;
    while (end < inside.length() && isNameChar(inside.charAt(end))) {
      end++;
    }
    String name = inside.substring(0, end);
    String rest = inside.substring(end);
    String value = variables.get(name);
    if (value != null && used != null && dev.dockerlint.lint.Secrets.isSecretName(name)) {
      used.add(name);
    }
    if (rest.isEmpty()) {
      return lookup(name, known, used);
    }
    boolean colon = rest.startsWith(":");
    String op = rest.substring(colon ? 1 : 0);
    boolean unset = value == null || colon && value.isEmpty();
    if (op.startsWith("-")) {
      return unset ? expand(op.substring(1), depth + 1, known, used) : value;
    }
    if (op.startsWith("+")) {
      return unset ? "" : expand(op.substring(1), depth + 1, known, used);
    }
    if (op.startsWith("?")) {
      if (unset) {
        known[0] = false; // required here, set where the project runs (CI): not known to the linter
        return "";
      }
      return value;
    }
    known[0] = false; // a modifier Compose does not have
    return "";
  }

  private String lookup(String name, boolean[] known, java.util.Set<String> used) {
    String value = variables.get(name);
    if (value == null) {
      known[0] = false;
      return "";
    }
    if (used != null && dev.dockerlint.lint.Secrets.isSecretName(name)) {
      used.add(name);
    }
    return value;
  }

  /** The index of the brace closing one opened before {@code from}, nested ones skipped; or -1. */
  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || c >= '0' && c <= '9';
  }
}
