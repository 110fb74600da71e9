package dev.dockerlint.rules;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.Collection;

/** Where a variable is used inside a token, and the closest known name for did-you-mean hints. */
final class VariableRefs {
  private VariableRefs() {}

  /**
   * The range of the first {@code $NAME} or {@code ${NAME...}} inside {@code within} (continued lines
   * included); {@code within} itself when it cannot be found.
   */
  static SourceRange locate(Dockerfile file, SourceRange within, String name) {
    SourceText source = file.source();
    String text = source.text();
    int from = offset(source, within.start().line(), within.start().column());
    int to = Math.min(offset(source, within.end().line(), within.end().column()), text.length());
    for (int i = from; i >= 0 && i < to; i++) {
      if (text.charAt(i) != '$' || i > from && text.charAt(i - 1) == file.escape()) {
        continue;
      }
      int start = i + 1;
      boolean braced = start < to && text.charAt(start) == '{';
      if (braced) {
        start++;
      }
      if (!text.startsWith(name, start) || start + name.length() > to) {
        continue;
      }
      int end = start + name.length();
      if (end < to && isNameChar(text.charAt(end))) {
        continue;
      }
      if (braced) {
        int depth = 1;
        int j = end;
        for (; j < to && depth > 0; j++) {
          char c = text.charAt(j);
          if (c == '{' && text.charAt(j - 1) == '$') {
            depth++;
          } else if (c == '}') {
            depth--;
          }
        }
        end = depth == 0 ? j : end;
      }
      return source.range(i, end);
    }
    return within;
  }

  private static int offset(SourceText source, int line, int column) {
    return source.lineStart(line) + column - 1;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /**
   * The known name closest to {@code name}: one differing only in case, else one within a third of
   * its length in edit distance (at least 1, at most 3); null when nothing is that close.
   */
  static String closest(String name, Collection<String> known) {
    for (String candidate : known) {
      if (candidate.equalsIgnoreCase(name) && !candidate.equals(name)) {
        return candidate;
      }
    }
    int limit = Math.min(3, Math.max(1, name.length() / 3));
    return NameSuggestion.closest(name, known, limit).orElse(null);
  }

  /** " (did you mean $X?)" or "". */
  static String didYouMean(String name, Collection<String> known) {
    String match = closest(name, known);
    return match == null ? "" : " (did you mean $" + match + "?)";
  }

}
