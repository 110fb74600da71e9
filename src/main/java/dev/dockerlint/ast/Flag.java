package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instruction flag such as {@code --from=build} or {@code --link}.
 *
 * @param name the name without dashes ({@code from})
 * @param value the value after {@code =} with quotes and escapes removed (as BuildKit does), or
 *     null when the flag has no {@code =}
 * @param range the whole flag word
 * @param buildkitText the flag word exactly as BuildKit's parser keeps it, which is what its AST dump
 *     prints. It differs from {@link #text()} only for non-ASCII text: BuildKit scans flag words
 *     byte by byte, so {@code --chown=José} becomes {@code --chown=JosÃ©}
 */
public record Flag(String name, String value, SourceRange range, String buildkitText) {

  /** A flag whose BuildKit text is its plain {@link #text()} (ASCII flags, hand-built flags). */
  public Flag(String name, String value, SourceRange range) {
    this(name, value, range, value == null ? "--" + name : "--" + name + "=" + value);
  }

  public boolean hasValue() {
    return value != null;
  }

  /** The flag as BuildKit's dump prints it: {@code --name=value} or {@code --name}. */
  public String text() {
    return value == null ? "--" + name : "--" + name + "=" + value;
  }

  /**
   * The value read as a comma-separated {@code key=value} list ({@code --mount=type=cache,target=/x}).
   * A bare key maps to {@code "true"}; keys are lower-cased; later keys win.
   */
  public Map<String, String> keyValues() {
    Map<String, String> result = new LinkedHashMap<>();
    if (value == null || value.isEmpty()) {
      return result;
    }
    for (String part : value.split(",", -1)) {
      String field = part.strip();
      if (field.isEmpty()) {
        continue;
      }
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
      String val = eq < 0 ? "true" : unquote(field.substring(eq + 1).strip());
      result.put(key, val);
    }
    return result;
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
