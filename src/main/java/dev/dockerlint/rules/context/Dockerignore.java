package dev.dockerlint.rules.context;

import dev.dockerlint.lint.IgnoreFile;
import dev.dockerlint.lint.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A build context's {@code .dockerignore}, read as BuildKit reads it (moby/patternmatcher's
 * {@code ignorefile.ReadAll}, then {@code patternmatcher.New}) and matched as it matches: a
 * pattern is a path relative to the context root (a leading or trailing {@code /} and {@code ./}
 * mean nothing), {@code *} and {@code ?} stay within a path segment, {@code **} spans any number of
 * segments, {@code !} re-includes, the last matching pattern wins, and a path is excluded when it
 * or one of its parent directories matches.
 *
 * <p>Matching runs over the characters once per pattern (a small automaton, never a backtracking
 * regex), so a hostile ignore file cannot make it slow.
 */
final class Dockerignore {
  private final List<Glob> patterns;
  private final boolean exclusions;

  private Dockerignore(List<Glob> patterns, boolean exclusions) {
    this.patterns = patterns;
    this.exclusions = exclusions;
  }

  /** The ignore file BuildKit would use for the Dockerfile's build, read; empty without one. */
  static Optional<Dockerignore> of(RuleContext context) {
    Optional<Path> file = DockerignoreMissing.ignoreFile(context);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text = readText(file.get());
    return text.isPresent() ? Optional.of(parse(text.get())) : Optional.empty();
  }

  /**
   * Reads an ignore file: the one place the rules read it, through the bounded reader
   * ({@link IgnoreFile#read}). Empty when it cannot be read or is over the bound.
   */
  static Optional<String> readText(Path file) {
    try {
      return Optional.of(IgnoreFile.read(file));
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** The patterns of an ignore file's text, cleaned as BuildKit cleans them. */
  static Dockerignore parse(String text) {
    List<Glob> globs = new ArrayList<>();
    boolean exclusions = false;
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (n == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue; // a comment only when # is the line's first character
      }
      String p = line.strip();
      if (p.isEmpty()) {
        continue;
      }
      boolean invert = p.charAt(0) == '!';
      if (invert) {
        p = p.substring(1).strip();
      }
      if (!p.isEmpty()) {
        p = clean(p);
        if (p.length() > 1 && p.charAt(0) == '/') {
          p = p.substring(1);
        }
      }
      if (invert) {
        if (p.isEmpty()) {
          continue; // "!" alone: BuildKit refuses the file; nothing to match
        }
        exclusions = true;
      }
      globs.add(new Glob(clean(p), invert));
    }
    return new Dockerignore(List.copyOf(globs), exclusions);
  }

  /** True when some pattern starts with {@code !}: BuildKit's CopyIgnoredFile check then says nothing. */
  boolean hasExclusions() {
    return exclusions;
  }

  /**
   * True when the ignore file excludes a COPY source (a path relative to the context): BuildKit's
   * {@code MatchesOrParentMatches} on the cleaned path. The context root ({@code .}) counts as
   * excluded only when a pattern is {@code *}, {@code **} or {@code **}{@code /*}.
   */
  boolean excludes(String source) {
    String path = clean(source);
    while (path.length() > 1 && path.startsWith("/")) {
      path = path.substring(1); // a COPY source is relative to the context root whatever its leading /
    }
    if (path.equals(".") || path.equals("/")) {
      for (Glob g : patterns) {
        if (!g.exclusion && (g.text.equals("*") || g.text.equals("**") || g.text.equals("**/*"))) {
          return true;
        }
      }
      return false;
    }
    List<String> parents = new ArrayList<>();
    int slash = path.indexOf('/');
    while (slash > 0) {
      parents.add(path.substring(0, slash));
      slash = path.indexOf('/', slash + 1);
    }
    boolean matched = false;
    for (Glob g : patterns) {
      if (g.exclusion != matched) {
        continue; // an inclusion once matched, or an exclusion before any match, changes nothing
      }
      boolean match = g.matches(path, false);
      if (!match && g.isGlob()) {
        match = g.matches(path, true); // every parent in one pass over the path
      }
      for (int i = 0; !match && !g.isGlob() && i < parents.size(); i++) {
        match = g.matches(parents.get(i), false);
      }
      if (match) {
        matched = !g.exclusion;
      }
    }
    return matched;
  }

  /** The code points of a text (a loop: streams cost start-up time, see Stage.ofType). */
  static int[] codePoints(String text) {
    int[] out = new int[text.codePointCount(0, text.length())];
    for (int i = 0, k = 0; i < text.length(); k++) {
      int c = text.codePointAt(i);
      out[k] = c;
      i += Character.charCount(c);
    }
    return out;
  }

  /** Go's {@code path.Clean}: no empty or {@code .} segments, {@code ..} resolved where it can be. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    List<String> out = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(segment);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /**
   * One pattern, compiled as moby/patternmatcher compiles it: an exact path, a prefix
   * ({@code foo**}), a suffix ({@code **}{@code /foo}) or a glob.
   */
  static final class Glob {
    private static final int LITERAL = 0;
    private static final int ONE = 1; // ? : one character but /
    private static final int STAR = 2; // * : any run without /
    private static final int ANY = 3; // trailing ** : anything
    private static final int DIRS = 4; // **/ : nothing, or anything ending with /
    private static final int CLASS = 5; // [...]

    private enum Type { EXACT, PREFIX, SUFFIX, GLOB }

    final String text;
    final boolean exclusion;
    private final Type type;
    private final boolean broken;
    private final int[] kinds;
    private final int[] chars;
    private final String[] classes;

    Glob(String text, boolean exclusion) {
      this.text = text;
      this.exclusion = exclusion;
      List<int[]> tokens = new ArrayList<>();
      List<String> classList = new ArrayList<>();
      Type detected = Type.EXACT;
      boolean broken = false;
      int[] cps = codePoints(text);
      for (int i = 0, k = 0; i < cps.length; k++) {
        int c = cps[i++];
        if (c == '*') {
          if (i < cps.length && cps[i] == '*') {
            i++;
            if (i < cps.length && cps[i] == '/') {
              i++;
            }
            if (i >= cps.length) {
              if (detected == Type.EXACT) {
                detected = Type.PREFIX;
              } else {
                tokens.add(new int[] {ANY, 0});
                detected = Type.GLOB;
              }
            } else {
              tokens.add(new int[] {DIRS, 0});
              detected = Type.GLOB;
            }
            if (k == 0) {
              detected = Type.SUFFIX;
            }
          } else {
            tokens.add(new int[] {STAR, 0});
            detected = Type.GLOB;
          }
        } else if (c == '?') {
          tokens.add(new int[] {ONE, 0});
          detected = Type.GLOB;
        } else if (c == '\\' && i < cps.length) {
          tokens.add(new int[] {LITERAL, cps[i++]});
          detected = Type.GLOB;
        } else if (c == '[') {
          int close = i;
          StringBuilder set = new StringBuilder();
          while (close < cps.length && (cps[close] != ']' || close == i)) {
            set.appendCodePoint(cps[close]);
            close++;
          }
          if (close >= cps.length) {
            broken = true; // unclosed: BuildKit refuses the pattern; it matches nothing here
          } else {
            tokens.add(new int[] {CLASS, classList.size()});
            classList.add(set.toString());
            i = close + 1;
          }
          detected = Type.GLOB;
        } else {
          tokens.add(new int[] {LITERAL, c});
        }
      }
      this.type = detected;
      this.broken = broken;
      this.kinds = new int[tokens.size()];
      this.chars = new int[tokens.size()];
      for (int t = 0; t < tokens.size(); t++) {
        kinds[t] = tokens.get(t)[0];
        chars[t] = tokens.get(t)[1];
      }
      this.classes = classList.toArray(new String[0]);
    }

    boolean isGlob() {
      return type == Type.GLOB;
    }

    /**
     * Whether the pattern matches the path, or with {@code parents} one of its parent directories
     * (the text before one of its {@code /}).
     */
    boolean matches(String path, boolean parents) {
      if (broken) {
        return false;
      }
      if (parents) {
        return run(path, true);
      }
      switch (type) {
        case EXACT:
          return path.equals(text);
        case PREFIX:
          return path.startsWith(text.substring(0, text.length() - 2));
        case SUFFIX:
          String suffix = text.substring(2);
          return path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
        default:
          return run(path, false);
      }
    }

    /** The tokens as an automaton: state t waits for token t, state t + n is inside a {@code **}{@code /}. */
    private boolean run(String path, boolean parents) {
      int n = kinds.length;
      boolean[] active = new boolean[2 * n + 1];
      boolean[] next = new boolean[2 * n + 1];
      active[0] = true;
      close(active);
      for (int c : codePoints(path)) {
        if (parents && c == '/' && active[n]) {
          return true; // the text so far, a parent directory, matches
        }
        java.util.Arrays.fill(next, false);
        boolean any = false;
        for (int s = 0; s < n; s++) {
          if (active[s]) {
            any |= step(s, c, next);
          }
          if (active[s + n + 1]) { // inside **/: anything; after a / the rest may follow
            next[s + n + 1] = true;
            if (c == '/') {
              next[s + 1] = true;
            }
            any = true;
          }
        }
        if (!any) {
          return false;
        }
        close(next);
        boolean[] swap = active;
        active = next;
        next = swap;
      }
      return !parents && active[n];
    }

    private boolean step(int s, int c, boolean[] next) {
      int n = kinds.length;
      switch (kinds[s]) {
        case LITERAL:
          if (c == chars[s]) {
            next[s + 1] = true;
            return true;
          }
          return false;
        case ONE:
          if (c != '/') {
            next[s + 1] = true;
            return true;
          }
          return false;
        case STAR:
          if (c != '/') {
            next[s] = true;
            return true;
          }
          return false;
        case ANY:
          next[s] = true;
          return true;
        case DIRS:
          next[s + n + 1] = true;
          if (c == '/') {
            next[s + 1] = true;
          }
          return true;
        default:
          if (classes[chars[s]] != null && inClass(classes[chars[s]], c)) {
            next[s + 1] = true;
            return true;
          }
          return false;
      }
    }

    /** Tokens that can match nothing ({@code *}, {@code **}) let the next one start at once. */
    private void close(boolean[] states) {
      for (int s = 0; s < kinds.length; s++) {
        if (states[s] && (kinds[s] == STAR || kinds[s] == ANY || kinds[s] == DIRS)) {
          states[s + 1] = true;
        }
      }
    }

    /** A regexp character class's content: {@code ^} negates, {@code a-z} ranges, {@code \x} escapes. */
    private static boolean inClass(String set, int c) {
      int[] cps = codePoints(set);
      int i = 0;
      boolean negate = cps.length > 0 && cps[0] == '^';
      if (negate) {
        i++;
      }
      boolean found = false;
      while (i < cps.length) {
        int lo = cps[i++];
        if (lo == '\\' && i < cps.length) {
          lo = cps[i++];
        }
        int hi = lo;
        if (i + 1 < cps.length && cps[i] == '-') {
          hi = cps[i + 1];
          i += 2;
          if (hi == '\\' && i < cps.length) {
            hi = cps[i++];
          }
        }
        found |= c >= lo && c <= hi;
      }
      return found != negate;
    }
  }
}
