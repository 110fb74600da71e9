package dev.dockerlint.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file's variables: {@code KEY=VALUE} lines, {@code export} allowed, {@code #}
 * comments, values in single quotes (literal) or double quotes. Read as text only; its values are
 * interpolated into the compose file and never printed.
 */
final class DotEnv {
  private DotEnv() {}

  static Map<String, String> parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
        int close = value.indexOf(value.charAt(0), 1);
        value = close > 0 ? value.substring(1, close) : value.substring(1);
      } else {
        int comment = value.indexOf(" #");
        if (comment >= 0) {
          value = value.substring(0, comment).strip();
        }
      }
      values.put(key, value);
    }
    return values;
  }
}
