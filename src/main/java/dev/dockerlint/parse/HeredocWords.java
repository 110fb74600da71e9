package dev.dockerlint.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds heredoc words in a RUN/COPY/ADD line as BuildKit does: the whole logical line is split into
 * shell words ({@code \} escape, quotes and escapes kept), and each word of the form
 * {@code [digits]<<[-]WORD} is a heredoc. A line with an unbalanced quote yields no words at all.
 */
final class HeredocWords {
  private HeredocWords() {}

  /** A heredoc marker: the delimiter with quotes removed, the fd (-1 if none), {@code <<-}, expansion. */
  record Marker(String name, int fd, boolean chomp, boolean expand) {}

  /** A shell word of the line; {@code heredoc} is null for an ordinary word. */
  record Word(String text, int start, int end, Marker heredoc) {}

  /** The words of {@code line[from, to)}, or an empty list when the line does not lex (unbalanced quote). */
  static List<Word> words(String line, int from, int to) {
    List<Word> words = new ArrayList<>();
    int i = from;
    int start = -1;
    while (i < to) {
      char c = line.charAt(i);
      if (c == '\'' || c == '"') {
        int close = closingQuote(line, i, to);
        if (close < 0) {
          return List.of();
        }
        start = start < 0 ? i : start;
        i = close + 1;
      } else if (c == '\\') {
        start = start < 0 ? i : start;
        i = Math.min(i + 2, to);
      } else if (GoStrings.isSpace(c)) {
        if (start >= 0) {
          words.add(word(line, start, i));
          start = -1;
        }
        i++;
      } else {
        start = start < 0 ? i : start;
        i++;
      }
    }
    if (start >= 0) {
      words.add(word(line, start, to));
    }
    return words;
  }

  private static int closingQuote(String line, int open, int to) {
    char quote = line.charAt(open);
    for (int i = open + 1; i < to; i++) {
      char c = line.charAt(i);
      if (c == quote) {
        return i;
      }
      // inside double quotes the escape protects a quote, a dollar or another escape
      if (quote == '"' && c == '\\' && i + 1 < to) {
        char n = line.charAt(i + 1);
        if (n == '"' || n == '$' || n == '\\') {
          i++;
        }
      }
    }
    return -1;
  }

  private static Word word(String line, int start, int end) {
    String text = line.substring(start, end);
    return new Word(text, start, end, marker(text));
  }

  /** Reads {@code ^(\d*)<<(-?)([^<]*)$}; null when the word is not a heredoc. */
  static Marker marker(String word) {
    int i = 0;
    while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
      i++;
    }
    int digitsEnd = i;
    if (!word.startsWith("<<", i)) {
      return null;
    }
    i += 2;
    boolean chomp = i < word.length() && word.charAt(i) == '-';
    if (chomp) {
      i++;
    }
    String rest = word.substring(i);
    if (rest.isEmpty() || rest.indexOf('<') >= 0) {
      return null;
    }
    String name = unquote(rest);
    if (name == null || name.isEmpty()) {
      return null;
    }
    int fd = -1;
    if (digitsEnd > 0) {
      try {
        fd = Integer.parseInt(word.substring(0, digitsEnd));
      } catch (NumberFormatException e) {
        fd = Integer.MAX_VALUE; // Go's ParseUint saturates on overflow (the error is ignored); never stdin
      }
    }
    // BuildKit: the body expands unless quotes were removed from the delimiter
    boolean expand = quotes(name) == quotes(rest);
    return new Marker(name, fd, chomp, expand);
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  /** Removes shell quotes and escapes; null for an unbalanced quote or more than one word. */
  private static String unquote(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        int close = s.indexOf('\'', i + 1);
        if (close < 0) {
          return null;
        }
        out.append(s, i + 1, close);
        i = close + 1;
      } else if (c == '"') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"') {
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < s.length() && "\"$\\".indexOf(s.charAt(j + 1)) >= 0) {
            j++;
            d = s.charAt(j);
          }
          out.append(d);
          j++;
        }
        if (j >= s.length()) {
          return null;
        }
        i = j + 1;
      } else if (c == '\\') {
        if (i + 1 < s.length()) {
          out.append(s.charAt(i + 1));
        }
        i += 2;
      } else if (GoStrings.isSpace(c)) {
        return null;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
