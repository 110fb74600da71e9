package dev.dockerlint.rules;

import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.shell.Expansion;
import java.util.Optional;

/**
 * A WORKDIR, COPY or ADD path expanded with the variables in scope, as far as it is known before the
 * build: a path led by a variable without a value (an ARG set only by --build-arg, ENV from the base
 * image) is unknown.
 */
final class ExpandedPath {
  private ExpandedPath() {}

  /**
   * The expanded text when its beginning is known: every variable it uses has a value, or it does not
   * start with a variable (so whether it is absolute does not depend on one). Empty otherwise, and
   * on an expansion error.
   */
  static Optional<String> known(Scope scope, String text) {
    Expansion expansion = scope.expand(text);
    if (expansion.error() != null) {
      return Optional.empty();
    }
    boolean allKnown = true;
    for (String name : expansion.references()) {
      Optional<Variable> v = scope.get(name);
      if (v.isEmpty() || v.get().value() == null) {
        allKnown = false;
        break;
      }
    }
    if (allKnown) {
      return Optional.of(expansion.value());
    }
    return startsWithVariable(text) ? Optional.empty() : Optional.of(expansion.value());
  }

  /** True when the text, after any opening quotes, begins with {@code $}. */
  static boolean startsWithVariable(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '$';
  }

  /** Absolute for Linux ({@code /app}) or Windows ({@code C:\app}, {@code C:/app}, {@code \app}). */
  static boolean isAbsolute(String path) {
    if (path.startsWith("/") || path.startsWith("\\")) {
      return true;
    }
    return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(0) < 128 && path.charAt(1) == ':';
  }
}
