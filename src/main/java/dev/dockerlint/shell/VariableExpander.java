package dev.dockerlint.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Expands Dockerfile variables the way BuildKit's shell lexer does for ENV, ARG, LABEL, COPY,
 * WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL and FROM: {@code $V}, {@code ${V}}, {@code ${V:-w}},
 * {@code ${V-w}}, {@code ${V:+w}}, {@code ${V+w}}, {@code ${V:?m}}, {@code ${V?m}}, and the pattern
 * forms {@code ${V#p} ${V##p} ${V%p} ${V%%p} ${V/p/r} ${V//p/r}}. Single quotes are literal,
 * double quotes allow {@code $}, the escape character escapes the next character; quotes are
 * removed. Runs in linear time. Never throws.
 *
 * <p>Details that follow BuildKit:
 *
 * <ul>
 *   <li>A name is letters, digits and underscores; a name starting with a digit takes only digits
 *       ({@code $1x} is {@code $1} then {@code x}); the special names {@code @ * # ? - $ ! 0} are
 *       one character long. They are looked up like any other name (normally unset, so empty).
 *   <li>{@code $} not followed by a name or {@code {} is a literal {@code $}.
 *   <li>The escape character at the very end is dropped; inside double quotes it escapes only
 *       {@code "}, {@code $} and itself and is kept before any other character.
 *   <li>Pattern words ({@code #}, {@code %}, {@code /}) use {@code *} and {@code ?} as globs;
 *       quoted or escaped glob characters are literal. {@code /} replaces the leftmost-longest
 *       match; {@code //} replaces every non-overlapping match; an empty pattern changes nothing.
 *       As in BuildKit the second {@code /} is required ({@code ${V/p}} is an error) and escape
 *       characters stay in the replacement ({@code ${V/a/\b}} puts {@code \b}).
 *   <li>Error messages are BuildKit's: {@code syntax error: bad substitution}, {@code syntax
 *       error: missing '}'}, {@code unsupported modifier (=) in substitution}, {@code V: is not
 *       allowed to be unset}, {@code unexpected end of statement while looking for matching
 *       double-quote}. {@code ${V:#p}} is rejected as newer BuildKit does.
 * </ul>
 *
 * <p>On an error the expansion goes on with the rest of the text and returns a best-effort value:
 * a failed {@code ${V}} expands to nothing. Only the first error is kept.
 */
public final class VariableExpander {
  /** Deeper {@code ${...}} nesting than this is reported instead of recursed into. */
  static final int MAX_DEPTH = 200;
  /**
   * The most characters of variable values one expansion copies in. Past it the expansion fails
   * with {@link #TOO_LONG} instead of growing: ARGs that each repeat the one before twice would
   * otherwise fill the heap from a dozen lines.
   */
  public static final int MAX_EXPANDED = 1 << 16;
  /** The error of an expansion that reached {@link #MAX_EXPANDED}. */
  public static final String TOO_LONG = "expands to more than " + MAX_EXPANDED + " characters of variable values";

  private static final char EOF = '\uFFFF';
  /** Marks the next character of a pattern as literal; independent of the Dockerfile escape. */
  private static final char PATTERN_ESCAPE = '\\';

  private final String text;
  private final char escape;
  private final Function<String, String> lookup;
  private final Set<String> references = new LinkedHashSet<>();
  private String error;
  private int pos;
  private int depth;
  /** While reading a {@code /} replacement: BuildKit keeps escape characters there. */
  private boolean rawEscapes;
  private int expandedLeft = MAX_EXPANDED;

  private VariableExpander(String text, char escape, Function<String, String> lookup) {
    this.text = text;
    this.escape = escape;
    this.lookup = lookup;
  }

  /**
   * @param lookup returns a variable's value, or null when it is unset
   */
  public static Expansion expand(String text, char escape, Function<String, String> lookup) {
    if (text == null || text.isEmpty()) {
      return new Expansion("", List.of(), null);
    }
    VariableExpander expander = new VariableExpander(text, escape, lookup == null ? k -> null : lookup);
    StringBuilder out = new StringBuilder(text.length());
    expander.word(out, "", false);
    return new Expansion(out.toString(), new ArrayList<>(expander.references), expander.error);
  }

  /**
   * Reads text until one of {@code stops} (outside quotes) or the end, appending the result.
   *
   * @return the stop character consumed, or {@link #EOF}
   */
  private char word(StringBuilder out, String stops, boolean pattern) {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (stops.indexOf(c) >= 0) {
        pos++;
        return c;
      }
      if (c == escape) {
        pos++;
        if (pos < text.length()) {
          if (rawEscapes) {
            out.append(escape);
          }
          literal(out, text.charAt(pos++), pattern);
        }
      } else if (c == '\'') {
        singleQuoted(out, pattern);
      } else if (c == '"') {
        doubleQuoted(out, pattern);
      } else if (c == '$') {
        dollar(out, false, pattern);
      } else {
        if (pattern && c == PATTERN_ESCAPE) {
          literal(out, c, true); // a backslash when the escape character is a backtick
        } else {
          out.append(c);
        }
        pos++;
      }
    }
    return EOF;
  }

  private static void literal(StringBuilder out, char c, boolean pattern) {
    if (pattern && (c == '*' || c == '?' || c == PATTERN_ESCAPE)) {
      out.append(PATTERN_ESCAPE);
    }
    out.append(c);
  }

  private static void literal(StringBuilder out, String s, boolean pattern) {
    if (!pattern) {
      out.append(s);
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      literal(out, s.charAt(i), true);
    }
  }

  private void singleQuoted(StringBuilder out, boolean pattern) {
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\'') {
        return;
      }
      literal(out, c, pattern);
    }
    fail("unexpected end of statement while looking for matching single-quote");
  }

  private void doubleQuoted(StringBuilder out, boolean pattern) {
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '$') {
        dollar(out, true, pattern);
      } else if (c == escape) {
        pos++;
        if (pos >= text.length()) {
          break;
        }
        char next = text.charAt(pos);
        if (next == '"' || next == '$' || next == escape) {
          if (rawEscapes) {
            out.append(escape);
          }
          literal(out, next, pattern);
          pos++;
        } else {
          literal(out, escape, pattern);
        }
      } else {
        literal(out, c, pattern);
        pos++;
      }
    }
    fail("unexpected end of statement while looking for matching double-quote");
  }

  /** At a {@code $}: appends the expansion (or a literal {@code $}). */
  private void dollar(StringBuilder out, boolean quoted, boolean pattern) {
    pos++;
    if (pos >= text.length()) {
      literal(out, '$', pattern);
      return;
    }
    if (text.charAt(pos) != '{') {
      String name = name();
      if (name.isEmpty()) {
        literal(out, '$', pattern);
        return;
      }
      append(out, orEmpty(valueOf(name)), quoted, pattern);
      return;
    }
    pos++;
    if (depth >= MAX_DEPTH) {
      fail("syntax error: bad substitution: nested too deeply");
      pos = text.length();
      return;
    }
    depth++;
    try {
      String value = braced();
      if (value != null) {
        append(out, value, quoted, pattern);
      }
    } finally {
      depth--;
    }
  }

  private void append(StringBuilder out, String value, boolean quoted, boolean pattern) {
    if (value.length() > expandedLeft) {
      expandedLeft = 0;
      error = TOO_LONG; // over any earlier error: whatever else went wrong, the value is not known
      return;
    }
    expandedLeft -= value.length();
    if (quoted) {
      literal(out, value, pattern);
    } else {
      out.append(value);
    }
  }

  /** After {@code ${}: returns the expansion, or null after an error. */
  private String braced() {
    if (pos >= text.length()) {
      fail("syntax error: missing '}'");
      return null;
    }
    String name = name();
    char c = next();
    if (c == EOF) {
      fail(name.isEmpty() ? "syntax error: bad substitution" : "syntax error: missing '}'");
      return null;
    }
    if (name.isEmpty()) {
      fail("syntax error: bad substitution");
      skipPastBrace(c);
      return null;
    }
    // look the name up before reading the word, so references keep the order of appearance
    String value = valueOf(name);
    switch (c) {
      case '}':
        return orEmpty(value);
      case ':': {
        char m = next();
        if (m == '-' || m == '+' || m == '?') {
          return modifier(name, value, m, true);
        }
        if (m == EOF) {
          fail("syntax error: missing '}'");
          return null;
        }
        fail("unsupported modifier (:" + m + ") in substitution");
        skipPastBrace(m);
        return null;
      }
      case '-':
      case '+':
      case '?':
        return modifier(name, value, c, false);
      case '#':
      case '%': {
        boolean longest = pos < text.length() && text.charAt(pos) == c;
        if (longest) {
          pos++;
        }
        StringBuilder pattern = new StringBuilder();
        if (word(pattern, "}", true) == EOF) {
          fail("syntax error: missing '}'");
          return null;
        }
        return c == '#'
            ? Glob.removePrefix(orEmpty(value), pattern.toString(), longest)
            : Glob.removeSuffix(orEmpty(value), pattern.toString(), longest);
      }
      case '/': {
        boolean all = pos < text.length() && text.charAt(pos) == '/';
        if (all) {
          pos++;
        }
        StringBuilder pattern = new StringBuilder();
        StringBuilder replacement = new StringBuilder();
        if (word(pattern, "/", true) == EOF) {
          fail("syntax error: missing '/' in ${}");
          return null;
        }
        boolean outerRaw = rawEscapes;
        rawEscapes = true;
        char stop = word(replacement, "}", false);
        rawEscapes = outerRaw;
        if (stop == EOF) {
          fail("syntax error: missing '}'");
          return null;
        }
        String replaced = Glob.replace(orEmpty(value), pattern.toString(), replacement.toString(), all, expandedLeft);
        if (replaced == null) {
          expandedLeft = 0;
          error = TOO_LONG; // each match may bring in the whole replacement
        }
        return replaced;
      }
      default:
        fail("unsupported modifier (" + c + ") in substitution");
        skipPastBrace(c);
        return null;
    }
  }

  /** {@code -}, {@code +} or {@code ?}, with or without {@code :}. */
  private String modifier(String name, String value, char m, boolean nullIsUnset) {
    StringBuilder word = new StringBuilder();
    if (word(word, "}", false) == EOF) {
      fail("syntax error: missing '}'");
      return null;
    }
    boolean unset = value == null || (nullIsUnset && value.isEmpty());
    switch (m) {
      case '-':
        return unset ? word.toString() : value;
      case '+':
        return unset ? "" : word.toString();
      default:
        if (value == null) {
          fail(name + ": " + (word.length() == 0 ? "is not allowed to be unset" : word));
          return null;
        }
        if (unset) {
          fail(name + ": " + (word.length() == 0 ? "is not allowed to be empty" : word));
          return null;
        }
        return value;
    }
  }

  /** Error recovery: drops everything up to and including the next {@code }}. */
  private void skipPastBrace(char consumed) {
    if (consumed == '}') {
      return;
    }
    while (pos < text.length() && text.charAt(pos) != '}') {
      pos++;
    }
    if (pos < text.length()) {
      pos++;
    }
  }

  private char next() {
    return pos < text.length() ? text.charAt(pos++) : EOF;
  }

  private String name() {
    int start = pos;
    if (pos >= text.length()) {
      return "";
    }
    char first = text.charAt(pos);
    if (Character.isDigit(first)) {
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }
    if ("@*#?-$!0".indexOf(first) >= 0) {
      pos++;
      return String.valueOf(first);
    }
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (!Character.isLetterOrDigit(c) && c != '_') {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  private String valueOf(String name) {
    references.add(name);
    try {
      return lookup.apply(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private void fail(String message) {
    if (error == null) {
      error = message;
    }
  }

  /**
   * Shell glob matching with {@code *}, {@code ?} and {@code \} (literal next character), by
   * simulating the pattern as an automaton: O(text length × pattern length), no backtracking.
   */
  static final class Glob {
    private static final int STAR = -1;
    private static final int ANY = -2;

    private Glob() {}

    /** The pattern as tokens: a character, {@link #STAR} or {@link #ANY}. */
    static int[] compile(String pattern) {
      int[] tokens = new int[pattern.length()];
      int n = 0;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == PATTERN_ESCAPE && i + 1 < pattern.length()) {
          tokens[n++] = pattern.charAt(++i);
        } else if (c == '*') {
          if (n == 0 || tokens[n - 1] != STAR) {
            tokens[n++] = STAR;
          }
        } else if (c == '?') {
          tokens[n++] = ANY;
        } else {
          tokens[n++] = c;
        }
      }
      int[] result = new int[n];
      System.arraycopy(tokens, 0, result, 0, n);
      return result;
    }

    static boolean matches(String pattern, String text) {
      boolean[] ends = prefixEnds(compile(pattern), text, false);
      return ends[text.length()];
    }

    /** {@code ends[k]} is true when the pattern matches the first k characters (or last k). */
    private static boolean[] prefixEnds(int[] tokens, String text, boolean fromEnd) {
      int m = tokens.length;
      int n = text.length();
      boolean[] ends = new boolean[n + 1];
      boolean[] states = new boolean[m + 1];
      boolean[] next = new boolean[m + 1];
      states[0] = true;
      for (int k = 0; ; k++) {
        boolean alive = false;
        for (int i = 0; i < m; i++) {
          if (states[i] && tokens[i] == STAR) {
            states[i + 1] = true;
          }
        }
        for (int i = 0; i <= m; i++) {
          alive |= states[i];
        }
        ends[k] = states[m];
        if (k == n || !alive) {
          return ends;
        }
        char c = text.charAt(fromEnd ? n - 1 - k : k);
        Arrays.fill(next, false);
        for (int i = 0; i < m; i++) {
          if (!states[i]) {
            continue;
          }
          int t = tokens[i];
          if (t == STAR) {
            next[i] = true;
          } else if (t == ANY || t == c) {
            next[i + 1] = true;
          }
        }
        boolean[] swap = states;
        states = next;
        next = swap;
      }
    }

    private static int[] reversed(int[] tokens) {
      int[] r = new int[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        r[i] = tokens[tokens.length - 1 - i];
      }
      return r;
    }

    private static int pick(boolean[] ends, boolean longest) {
      if (longest) {
        for (int k = ends.length - 1; k >= 0; k--) {
          if (ends[k]) {
            return k;
          }
        }
      } else {
        for (int k = 0; k < ends.length; k++) {
          if (ends[k]) {
            return k;
          }
        }
      }
      return 0;
    }

    static String removePrefix(String value, String pattern, boolean longest) {
      int k = pick(prefixEnds(compile(pattern), value, false), longest);
      return value.substring(k);
    }

    static String removeSuffix(String value, String pattern, boolean longest) {
      int k = pick(prefixEnds(reversed(compile(pattern)), value, true), longest);
      return value.substring(0, value.length() - k);
    }

    /** The value with the pattern's matches replaced, or null once the result would pass {@code limit}. */
    static String replace(String value, String pattern, String replacement, boolean all, int limit) {
      int[] tokens = compile(pattern);
      if (tokens.length == 0) {
        return value;
      }
      StringBuilder out = new StringBuilder();
      int from = 0;
      while (from < value.length()) {
        long match = leftmostLongest(tokens, value, from);
        if (match < 0) {
          break;
        }
        int start = (int) (match >>> 32);
        int end = (int) match;
        out.append(value, from, start);
        if (end == start) {
          // only an all-star pattern matches empty, and then only at the very end
          from = start;
          break;
        }
        if (out.length() + replacement.length() > limit) {
          return null;
        }
        out.append(replacement);
        from = end;
        if (!all) {
          break;
        }
      }
      out.append(value, from, value.length());
      return out.toString();
    }

    /**
     * The leftmost match at or after {@code from}, the longest among those; -1 if none. Each
     * automaton state keeps the smallest start that reaches it: a later start in the same state
     * can only lead to a match that is further right.
     *
     * @return {@code start << 32 | end}
     */
    private static long leftmostLongest(int[] tokens, String text, int from) {
      int m = tokens.length;
      int[] starts = new int[m + 1];
      int[] next = new int[m + 1];
      Arrays.fill(starts, -1);
      int bestStart = -1;
      int bestEnd = -1;
      for (int p = from; ; p++) {
        if (bestStart < 0 && (starts[0] < 0)) {
          starts[0] = p;
        }
        for (int i = 0; i < m; i++) {
          if (starts[i] >= 0 && tokens[i] == STAR) {
            starts[i + 1] = minStart(starts[i + 1], starts[i]);
          }
        }
        int s = starts[m];
        if (s >= 0 && (bestStart < 0 || s < bestStart || (s == bestStart && p > bestEnd))) {
          bestStart = s;
          bestEnd = p;
        }
        boolean useful = false;
        for (int i = 0; i < m; i++) {
          if (starts[i] >= 0 && (bestStart < 0 || starts[i] <= bestStart)) {
            useful = true;
          }
        }
        if (p == text.length() || (bestStart >= 0 && !useful)) {
          break;
        }
        char c = text.charAt(p);
        Arrays.fill(next, -1);
        for (int i = 0; i < m; i++) {
          int st = starts[i];
          if (st < 0 || (bestStart >= 0 && st > bestStart)) {
            continue;
          }
          int t = tokens[i];
          if (t == STAR) {
            next[i] = minStart(next[i], st);
          } else if (t == ANY || t == c) {
            next[i + 1] = minStart(next[i + 1], st);
          }
        }
        int[] swap = starts;
        starts = next;
        next = swap;
      }
      return bestStart < 0 ? -1 : ((long) bestStart << 32) | bestEnd;
    }

    private static int minStart(int a, int b) {
      if (a < 0) {
        return b;
      }
      if (b < 0) {
        return a;
      }
      return Math.min(a, b);
    }
  }
}
