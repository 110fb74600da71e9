package dev.dockerlint.lint;

import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The secrets written in one file, and the one way to keep them out of everything dockerlint
 * prints. Rules that find secrets mark them with {@link RuleContext#redact}; the {@link Linter}
 * gathers them from those rules whether or not they are enabled or their findings suppressed (a
 * config in a pull request must not unmask a secret already in the repository), then masks every
 * finding with {@link #mask(Finding)} and the source text reports show with {@link #ranges()}.
 *
 * <ul>
 *   <li>A value of {@link #LONG} characters or more is masked wherever it occurs, in any case (a
 *       rule may quote a stage name in lower case): in messages and in the source text.
 *   <li>A shorter value (a default password such as {@code root}) is masked at its own instruction
 *       only, in the source and in the messages of findings on that instruction, so that
 *       {@code USER root} elsewhere stays readable.
 *   <li>A masked value keeps a short prefix ({@link #masked(String)}: {@code pypi****}); in source
 *       text every other character becomes {@code *}, so positions stay valid.
 * </ul>
 */
public final class Secrets {
  /** Name words that mean the value is a secret. */
  private static final Set<String> SECRET_WORDS = Set.of(
      "password", "passwd", "pwd", "pword", "passphrase", "secret", "token", "apikey", "credential",
      "credentials", "auth", "accesskey", "privatekey", "secretkey");
  /** Two-word forms of the same: API_KEY, ACCESS_KEY, PRIVATE_KEY. */
  private static final Set<String> SECRET_PAIRS = Set.of("api key", "access key", "private key", "secret key",
      "client secret", "auth token");
  /** Words saying the variable holds something about a secret, not the secret itself. */
  private static final Set<String> NOT_SECRET_WORDS = Set.of(
      "file", "path", "dir", "public", "version", "sock", "socket", "url", "uri", "host", "port", "type",
      "method", "mode", "enabled", "enable", "disabled", "length", "len", "name", "user", "username",
      "header", "expiry", "ttl", "timeout", "fingerprint", "id_file", "policy", "plugin", "module");

  /** Values this long are masked wherever they occur; shorter ones only at their own instruction. */
  public static final int LONG = 8;

  /** A file without secrets. */
  public static final Secrets NONE = new Secrets(List.of(), new String[0], new int[0][], new String[0]);

  /** Every range to mask in the source: each secret where it is written, each long value wherever it occurs. */
  private final List<SourceRange> ranges;
  /** Long values, distinct ignoring case, longest first. */
  private final String[] longValues;
  /** Per short value: the start and end offsets of the instruction (or token) it is written in. */
  private final int[][] shortScopes;
  private final String[] shortValues;
  /** The long values by their first two characters, lower-cased, for a scan that looks up each position once. */
  private final Map<Integer, String[]> byPair;
  /** Which pairs start a long value: a bit per {@link #pairKey}, so most positions need no map look-up. */
  private final long[] pairBits = new long[1024];
  /**
   * The short values grouped by the scope they are masked in: the distinct scopes sorted by start
   * (then end), the largest end up to each, and each scope's distinct values (with a set of them
   * for a scope of many). A finding then looks at the scopes it touches, and at each scope's values
   * as a set: a RUN of 20,000 passwords, each finding checking each, was quadratic.
   */
  private final int[] scopeStarts;
  private final int[] scopeEnds;
  private final int[] scopeMaxEnds;
  private final String[][] scopeValues;
  private final Set<String>[] scopeSets;
  /** A scope with more values than this is searched through its set. */
  private static final int FEW_VALUES = 8;
  /** The source the offsets refer to; null for {@link #NONE}. */
  private final SourceText source;

  private Secrets(List<SourceRange> ranges, String[] longValues, int[][] shortScopes, String[] shortValues) {
    this(ranges, longValues, shortScopes, shortValues, null);
  }

  private Secrets(List<SourceRange> ranges, String[] longValues, int[][] shortScopes, String[] shortValues,
      SourceText source) {
    this.ranges = List.copyOf(ranges);
    this.longValues = longValues;
    this.shortScopes = shortScopes;
    this.shortValues = shortValues;
    this.source = source;
    Map<Integer, List<String>> pairs = new HashMap<>();
    for (String value : longValues) {
      int key = pairKey(value.charAt(0), value.charAt(1));
      pairBits[key >>> 6] |= 1L << (key & 63);
      List<String> withPair = pairs.get(key);
      if (withPair == null) {
        withPair = new ArrayList<>();
        pairs.put(key, withPair);
      }
      withPair.add(value);
    }
    this.byPair = new HashMap<>();
    for (Map.Entry<Integer, List<String>> entry : pairs.entrySet()) {
      byPair.put(entry.getKey(), entry.getValue().toArray(new String[0]));
    }
    java.util.TreeMap<Long, Set<String>> byScope = new java.util.TreeMap<>();
    for (int i = 0; i < shortValues.length; i++) {
      Long key = ((long) shortScopes[i][0] << 32) | (shortScopes[i][1] & 0xFFFFFFFFL);
      Set<String> values = byScope.get(key);
      if (values == null) {
        values = new LinkedHashSet<>();
        byScope.put(key, values);
      }
      values.add(shortValues[i]);
    }
    int n = byScope.size();
    this.scopeStarts = new int[n];
    this.scopeEnds = new int[n];
    this.scopeMaxEnds = new int[n];
    this.scopeValues = new String[n][];
    @SuppressWarnings("unchecked")
    Set<String>[] sets = new Set[n];
    this.scopeSets = sets;
    int i = 0;
    for (Map.Entry<Long, Set<String>> entry : byScope.entrySet()) {
      scopeStarts[i] = (int) (entry.getKey() >>> 32);
      scopeEnds[i] = (int) (long) entry.getKey();
      scopeMaxEnds[i] = i == 0 ? scopeEnds[i] : Math.max(scopeMaxEnds[i - 1], scopeEnds[i]);
      scopeValues[i] = entry.getValue().toArray(new String[0]);
      sets[i] = scopeValues[i].length > FEW_VALUES ? entry.getValue() : null;
      i++;
    }
  }

  /**
   * The secrets of a file.
   *
   * @param tokens where each secret is written
   * @param values the value of each, as the rule understood it (unquoted, variables expanded); null
   *     for the text at the token
   * @param scopes the instruction each token is in (its own range when it is in none)
   */
  public static Secrets of(SourceText source, List<SourceRange> tokens, List<String> values, List<SourceRange> scopes) {
    if (tokens.isEmpty()) {
      return NONE;
    }
    Set<String> longSeen = new LinkedHashSet<>();
    List<String> longList = new ArrayList<>();
    List<int[]> scopeList = new ArrayList<>();
    List<String> shortList = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String slice = source.slice(tokens.get(i));
      String value = values.get(i);
      int[] scope = {offset(source, scopes.get(i).startLine(), scopes.get(i).startColumn()),
          offset(source, scopes.get(i).endLine(), scopes.get(i).endColumn())};
      for (String candidate : value == null || value.equals(slice) ? List.of(slice) : List.of(slice, value)) {
        for (String piece : pieces(candidate)) {
          if (piece.length() >= LONG) {
            if (longSeen.add(piece.toLowerCase(java.util.Locale.ROOT))) {
              longList.add(piece);
            }
          } else {
            shortList.add(piece);
            scopeList.add(scope);
          }
        }
      }
    }
    longList.sort(LONGEST_FIRST);
    Secrets bare = new Secrets(List.of(), longList.toArray(new String[0]), new int[0][], new String[0]);
    List<SourceRange> ranges = new ArrayList<>(tokens);
    String text = source.text();
    int[] at = new int[2];
    // overlapping occurrences merge into one range, so a run of them is one range, not one each
    int runStart = -1;
    int runEnd = -1;
    for (int from = 0; bare.nextLong(text, from, at); from = at[0] + 1) {
      if (at[0] > runEnd) {
        if (runStart >= 0) {
          ranges.add(source.range(runStart, runEnd));
        }
        runStart = at[0];
      }
      runEnd = Math.max(runEnd, at[0] + at[1]);
    }
    if (runStart >= 0) {
      ranges.add(source.range(runStart, runEnd));
    }
    return new Secrets(ranges, bare.longValues, scopeList.toArray(new int[0][]), shortList.toArray(new String[0]),
        source);
  }

  /** A class, not a lambda: linking lambdas costs start-up time the class-data archive does not save. */
  private static final java.util.Comparator<String> LONGEST_FIRST = new java.util.Comparator<>() {
    @Override
    public int compare(String a, String b) {
      return a.length() != b.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b);
    }
  };

  /**
   * The value, and for a value over several lines (a private key, a continued ENV) each of its
   * lines, stripped of indentation and continuation backslashes: a message may quote one line.
   */
  private static List<String> pieces(String value) {
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return List.of();
    }
    if (stripped.indexOf('\n') < 0) {
      return List.of(stripped);
    }
    List<String> pieces = new ArrayList<>();
    pieces.add(stripped);
    for (String line : stripped.split("\n")) {
      String piece = line.strip();
      if (piece.endsWith("\\")) {
        piece = piece.substring(0, piece.length() - 1).strip();
      }
      if (piece.length() >= LONG) {
        pieces.add(piece);
      }
    }
    return pieces;
  }

  private static int offset(SourceText source, int line, int column) {
    if (line > source.lineCount()) {
      return source.text().length();
    }
    return Math.min(source.text().length(), source.lineStart(line) + column - 1);
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /**
   * The source ranges to mask ({@link SourceText#masked}): every secret where it is written, and
   * every other occurrence of a long value.
   */
  public List<SourceRange> ranges() {
    return ranges;
  }

  /**
   * The finding with every text it carries masked. Each text a finding may print goes through
   * here: today the message; a new one (a fix's replacement text, say) must be added here too.
   */
  public Finding mask(Finding finding) {
    if (isEmpty()) {
      return finding;
    }
    String message = mask(finding.message(), finding.range());
    Fix fix = finding.fix() != null && touches(finding.fix()) ? null : finding.fix();
    return message.equals(finding.message()) && fix == finding.fix() ? finding
        : new Finding(finding.file(), finding.rule(), finding.severity(), message, finding.range(), finding.aliases(), fix);
  }

  /**
   * Whether a fix has anything to do with a secret: an edit over (or touching) a secret's text, or
   * a title or replacement that would be masked. Such a fix is dropped, not masked: its
   * replacement is written into the file, and a masked {@code ****} there would break it.
   */
  private boolean touches(Fix fix) {
    if (!mask(fix.title(), null).equals(fix.title())) {
      return true;
    }
    for (Edit edit : fix.edits()) {
      if (!mask(edit.replacement(), edit.range()).equals(edit.replacement())) {
        return true;
      }
      for (SourceRange secret : ranges) {
        if (secret.start().compareTo(edit.range().end()) <= 0 && edit.range().start().compareTo(secret.end()) <= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Text with every long value masked; for text that quotes no particular place in the file. */
  public String mask(String text) {
    return mask(text, null);
  }

  /**
   * Text about {@code range}: every long value masked, and each short value whose instruction
   * {@code range} touches, where it stands as a word of its own.
   */
  public String mask(String text, SourceRange range) {
    if (isEmpty() || text.isEmpty()) {
      return text;
    }
    boolean[] hidden = null;
    int[] at = new int[2];
    for (int from = 0; nextLong(text, from, at); from = at[0] + 1) {
      hidden = hide(hidden, text.length(), at[0], at[0] + at[1]);
    }
    if (range != null && scopeStarts.length > 0) {
      int start = offset(source, range.startLine(), range.startColumn());
      int end = offset(source, range.endLine(), range.endColumn());
      // the scopes that start at or before the range's end, walked back while one may reach its start
      int low = 0;
      int high = scopeStarts.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (scopeStarts[mid] <= end) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      for (int s = low - 1; s >= 0 && scopeMaxEnds[s] >= start; s--) {
        if (scopeEnds[s] >= start) {
          hidden = scopeSets[s] == null ? hideEach(hidden, text, scopeValues[s]) : hideAny(hidden, text, scopeSets[s]);
        }
      }
    }
    return hidden == null ? text : masked(text, hidden);
  }

  private static boolean[] hideEach(boolean[] hidden, String text, String[] words) {
    boolean[] marks = hidden;
    for (String word : words) {
      marks = hideWords(marks, text, word);
    }
    return marks;
  }

  /**
   * {@link #hideWords} for every word of a set at once: short values are under {@link #LONG}
   * characters, so each position of the text is tried with the few lengths a value can have.
   */
  private static boolean[] hideAny(boolean[] hidden, String text, Set<String> words) {
    boolean[] marks = hidden;
    for (int i = 0; i < text.length(); i++) {
      if (isWordChar(text, i - 1)) {
        continue;
      }
      for (int end = i + 1; end <= text.length() && end - i < LONG; end++) {
        if (!isWordChar(text, end) && words.contains(text.substring(i, end))) {
          marks = hide(marks, text.length(), i, end);
        }
      }
    }
    return marks;
  }

  /**
   * A secret as it may be printed: at most a quarter of it, and never more than four characters,
   * then {@code ****}.
   */
  public static String masked(String value) {
    int shown = Math.min(4, value.length() / 4);
    return value.substring(0, shown) + "****";
  }

  /** Each maximal hidden run becomes its {@link #masked} form. */
  private static String masked(String text, boolean[] hidden) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (!hidden[i]) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = i;
      while (end < text.length() && hidden[end]) {
        end++;
      }
      out.append(masked(text.substring(i, end)));
      i = end;
    }
    return out.toString();
  }

  private static boolean[] hide(boolean[] hidden, int length, int from, int to) {
    boolean[] marks = hidden == null ? new boolean[length] : hidden;
    for (int i = from; i < to; i++) {
      marks[i] = true;
    }
    return marks;
  }

  /** Hides each occurrence of {@code word} not inside a longer word (letters, digits, underscore). */
  private static boolean[] hideWords(boolean[] hidden, String text, String word) {
    boolean[] marks = hidden;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      int end = i + word.length();
      if (!isWordChar(text, i - 1) && !isWordChar(text, end)) {
        marks = hide(marks, text.length(), i, end);
      }
    }
    return marks;
  }

  private static boolean isWordChar(String text, int i) {
    if (i < 0 || i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Finds the next occurrence of a long value at or after {@code from}, ignoring case: its start in
   * {@code found[0]} and length in {@code found[1]} (the longest value starting there). Linear in
   * the text for a handful of values: a position is looked up only when a value starts with its pair.
   */
  private boolean nextLong(String text, int from, int[] found) {
    for (int i = from; i + 1 < text.length(); i++) {
      int key = pairKey(text.charAt(i), text.charAt(i + 1));
      if ((pairBits[key >>> 6] & (1L << (key & 63))) == 0) {
        continue;
      }
      String[] candidates = byPair.get(key);
      if (candidates == null) {
        continue; // two pairs share a bit
      }
      for (String candidate : candidates) {
        if (text.regionMatches(true, i, candidate, 0, candidate.length())) {
          found[0] = i;
          found[1] = candidate.length();
          return true;
        }
      }
    }
    return false;
  }

  /** A 16-bit key of two characters, case folded as {@link String#regionMatches(boolean, int, String, int, int)} does. */
  private static int pairKey(char a, char b) {
    return (fold(a) * 31 + fold(b)) & 0xFFFF;
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }
  /**
   * Whether a variable name says its value is a secret ({@code DB_PASSWORD}, {@code apiKey}, not
   * {@code PASSWORD_FILE}): whole words of the name (split on _, -, . and camelCase), never
   * substrings. ENV and ARG in a Dockerfile, {@code environment} in a compose file.
   */
  public static boolean isSecretName(String name) {
    List<String> words = words(name);
    for (String w : words) {
      if (NOT_SECRET_WORDS.contains(w)) {
        return false;
      }
    }
    for (int i = 0; i < words.size(); i++) {
      if (SECRET_WORDS.contains(words.get(i))) {
        return true;
      }
      if (i + 1 < words.size() && SECRET_PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /** The words of a variable name, lower-cased: split on {@code _}, {@code -}, {@code .} and camelCase. */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean camelBoundary = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
      if (c == '_' || c == '-' || c == '.' || camelBoundary) {
        if (current.length() > 0) {
          words.add(current.toString().toLowerCase(Locale.ROOT));
          current.setLength(0);
        }
        if (camelBoundary) {
          current.append(c);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      words.add(current.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

}
