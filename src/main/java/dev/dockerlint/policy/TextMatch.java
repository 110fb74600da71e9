package dev.dockerlint.policy;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * A pattern over one value of the Dockerfile (a registry, a tag, a label key): a glob, an RE2/J
 * regular expression, or a combination. A value may be missing (an image without a tag): only
 * {@code absent: true} and a {@code not} of something that needs a value match a missing value.
 * RE2/J runs in time linear in the value, whatever the pattern.
 */
abstract class TextMatch {
  /** Whether the value (null when missing) matches. */
  abstract boolean matches(String value);

  /** The values this pattern matches when it is a plain list of them ({@code [RUN, ADD]}), else null. */
  List<String> literals() {
    return null;
  }

  /**
   * A glob: {@code *} any run of characters, {@code ?} one character, everything else literal.
   * Without a wildcard it is a plain comparison.
   */
  static TextMatch glob(String glob, boolean ignoreCase) {
    if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
      return new Exact(glob, ignoreCase);
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? "(?s:.*)" : "(?s:.)");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return new Regex(Pattern.compile("^(?:" + regex + ")$", ignoreCase ? Pattern.CASE_INSENSITIVE : 0), glob);
  }

  /** An RE2/J expression, found anywhere in the value (anchor it with {@code ^...$} for the whole value). */
  static TextMatch regex(String expression, boolean ignoreCase) {
    return new Regex(Pattern.compile(expression, ignoreCase ? Pattern.CASE_INSENSITIVE : 0), expression);
  }

  static TextMatch not(TextMatch inner) {
    return new Not(inner);
  }

  static TextMatch any(List<TextMatch> options) {
    return options.size() == 1 ? options.get(0) : new AnyOf(options.toArray(new TextMatch[0]));
  }

  static TextMatch all(List<TextMatch> parts) {
    return parts.size() == 1 ? parts.get(0) : new AllOf(parts.toArray(new TextMatch[0]));
  }

  /** {@code absent: true} matches a missing value, {@code absent: false} any value that is there. */
  static TextMatch absent(boolean absent) {
    return new Absent(absent);
  }

  private static final class Exact extends TextMatch {
    private final String text;
    private final boolean ignoreCase;

    Exact(String text, boolean ignoreCase) {
      this.text = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
      this.ignoreCase = ignoreCase;
    }

    @Override
    boolean matches(String value) {
      return value != null && (ignoreCase ? value.equalsIgnoreCase(text) : value.equals(text));
    }

    @Override
    List<String> literals() {
      return List.of(text);
    }
  }

  private static final class Regex extends TextMatch {
    private final Pattern pattern;

    Regex(Pattern pattern, String source) {
      this.pattern = pattern;
    }

    @Override
    boolean matches(String value) {
      return value != null && pattern.matcher(value).find();
    }
  }

  private static final class Not extends TextMatch {
    private final TextMatch inner;

    Not(TextMatch inner) {
      this.inner = inner;
    }

    @Override
    boolean matches(String value) {
      return !inner.matches(value);
    }
  }

  private static final class AnyOf extends TextMatch {
    private final TextMatch[] options;

    AnyOf(TextMatch[] options) {
      this.options = options;
    }

    @Override
    boolean matches(String value) {
      for (TextMatch option : options) {
        if (option.matches(value)) {
          return true;
        }
      }
      return false;
    }

    @Override
    List<String> literals() {
      List<String> all = new java.util.ArrayList<>();
      for (TextMatch option : options) {
        List<String> some = option.literals();
        if (some == null) {
          return null;
        }
        all.addAll(some);
      }
      return all;
    }
  }

  private static final class AllOf extends TextMatch {
    private final TextMatch[] parts;

    AllOf(TextMatch[] parts) {
      this.parts = parts;
    }

    @Override
    boolean matches(String value) {
      for (TextMatch part : parts) {
        if (!part.matches(value)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class Absent extends TextMatch {
    private final boolean absent;

    Absent(boolean absent) {
      this.absent = absent;
    }

    @Override
    boolean matches(String value) {
      return absent == (value == null);
    }
  }
}
