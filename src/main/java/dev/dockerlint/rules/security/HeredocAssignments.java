package dev.dockerlint.rules.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords, tokens and secrets written as literal values in a heredoc body: a config file
 * ({@code admin_password = hunter2}, {@code password: hunter2}, {@code "api_key": "..."},
 * {@code <password>...</password>}), a {@code .env} or shell script ({@code export DB_PASSWORD=...}).
 *
 * <p>A line counts when it starts with a key whose words name a secret (password, passwd,
 * passphrase, secret, token, api key, access key, secret key, private key, client secret, auth
 * token; {@code auth} only for a value of 12 or more characters, as in Docker's config.json) and no
 * word says it is about one instead ({@code _file}, {@code _path}, {@code _url}, {@code _name},
 * {@code _length}, {@code _id} ...), and its value is a literal that is not a placeholder: not
 * empty, no variable or template ({@code $X}, <code>${X}</code>, <code>{{ .x }}</code>,
 * {@code %(x)s}, {@code <%= x %>}), not a path or URL, not a boolean, null or short number, not a
 * stand-in ({@code <password>}, {@code ****}, {@code xxxx}, {@code changeme}, {@code example} ...:
 * default credentials are not leaked secrets). In code ({@code requireQuotes}) only quoted values
 * count: {@code password = os.environ["X"]} reads a variable.
 */
final class HeredocAssignments {
  private HeredocAssignments() {}

  /** A secret value in a line: its offsets in the line, the key and the value. */
  record Found(int start, int end, String key, String value) {}

  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwd", "passphrase", "secret", "token", "apikey", "secretkey", "privatekey", "accesskey",
          "pass", "pw");
  private static final Set<String> SECRET_PAIRS = Set.of("api key", "access key", "private key", "secret key",
      "client secret", "auth token", "access token", "refresh token");
  /** Words saying the key holds something about a secret, not the secret itself. */
  private static final Set<String> NOT_SECRET_WORDS = Set.of(
      "file", "path", "dir", "public", "version", "sock", "socket", "url", "uri", "host", "port", "type",
      "method", "mode", "enabled", "enable", "disabled", "length", "len", "name", "user", "username",
      "header", "expiry", "expire", "expires", "ttl", "timeout", "fingerprint", "policy", "plugin", "module",
      "id", "hash", "salt", "env", "var", "field", "param", "prompt", "required", "min", "max", "reset",
      "command", "cmd", "endpoint", "format", "algorithm", "lifetime", "rotation", "store", "provider", "cache");
  /** Stand-ins and default values: not a leaked secret (default credentials are another rule's business). */
  private static final Set<String> PLACEHOLDERS = Set.of(
      "password", "passwd", "pass", "secret", "token", "changeme", "change_me", "change-me", "changeit", "admin",
      "administrator", "root", "toor", "guest", "default", "test", "testing", "demo", "example", "sample", "dummy",
      "placeholder", "foo", "bar", "foobar", "none", "null", "nil", "undefined", "true", "false", "yes", "no", "on",
      "off", "todo", "fixme", "redacted", "hidden", "empty", "required", "optional", "string", "value");
  private static final String[] PLACEHOLDER_PARTS = {"example", "changeme", "change_me", "change-me", "your",
      "replace", "placeholder", "dummy", "sample", "insert", "redacted", "xxxx", "****", "...."};

  /** The secret assignment a body line makes, or null. */
  static Found scan(String line, boolean requireQuotes) {
    int i = skipBlanks(line, 0);
    if (line.startsWith("export ", i)) {
      i = skipBlanks(line, i + "export ".length());
    } else if (line.startsWith("- ", i)) {
      i = skipBlanks(line, i + 2); // a YAML list item: - password: x
    }
    if (line.startsWith("<", i)) {
      return xmlElement(line, i);
    }
    // the key, maybe quoted
    char quote = i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'') ? line.charAt(i) : 0;
    int keyStart = quote != 0 ? i + 1 : i;
    int k = keyStart;
    while (k < line.length() && isKeyChar(line.charAt(k))) {
      k++;
    }
    if (k == keyStart) {
      return null;
    }
    String key = line.substring(keyStart, k);
    if (quote != 0) {
      if (k >= line.length() || line.charAt(k) != quote) {
        return null;
      }
      k++;
    }
    int sep = skipBlanks(line, k);
    if (sep >= line.length() || (line.charAt(sep) != '=' && line.charAt(sep) != ':')) {
      return null;
    }
    if (line.charAt(sep) == ':' && quote == 0 && sep + 1 < line.length() && !isBlank(line.charAt(sep + 1))) {
      return null; // host:port, a URL, not "key: value"
    }
    if (!isSecretKey(key)) {
      return null;
    }
    int v = skipBlanks(line, sep + 1);
    // NAME=value with nothing around "=" is a shell or .env assignment: a command may follow it
    boolean assignment = line.charAt(sep) == '=' && sep == k && v == sep + 1;
    return value(line, v, key, requireQuotes, assignment);
  }

  /** {@code <password>hunter2</password>} on one line. */
  private static Found xmlElement(String line, int open) {
    int close = line.indexOf('>', open);
    if (close < 0) {
      return null;
    }
    String tag = line.substring(open + 1, close);
    if (tag.isEmpty() || !isSecretKey(tag) || !allKeyChars(tag)) {
      return null;
    }
    int end = line.indexOf("</" + tag + ">", close + 1);
    if (end < 0) {
      return null;
    }
    return literal(line, close + 1, end, tag);
  }

  private static Found value(String line, int v, String key, boolean requireQuotes, boolean assignment) {
    if (v >= line.length()) {
      return null;
    }
    char c = line.charAt(v);
    if (c == '"' || c == '\'') {
      int end = line.indexOf(c, v + 1);
      return end < 0 ? null : literal(line, v + 1, end, key);
    }
    if (requireQuotes) {
      return null;
    }
    int end = v;
    while (end < line.length() && !isBlank(line.charAt(end)) && line.charAt(end) != ',' && line.charAt(end) != ';') {
      end++;
    }
    String rest = line.substring(skipBlanks(line, end)).strip();
    if (!assignment && !rest.isEmpty() && !rest.startsWith("#") && !rest.startsWith(";") && !rest.startsWith("//")
        && !rest.startsWith(",") && !rest.startsWith("&&")) {
      return null; // prose: "password: see the wiki"
    }
    String token = line.substring(v, end);
    for (int i = 0; i < token.length(); i++) {
      if ("()[]{}<>`\\|".indexOf(token.charAt(i)) >= 0) {
        return null; // an expression or a command, not a literal
      }
    }
    return literal(line, v, end, key);
  }

  private static Found literal(String line, int start, int end, String key) {
    String value = line.substring(start, end);
    if (isPlaceholder(value) || words(key).contains("auth") && !hasSecretWord(key) && value.length() < 12) {
      return null;
    }
    return new Found(start, end, key, value);
  }

  static boolean isPlaceholder(String value) {
    String v = value.strip();
    if (v.length() < 4) {
      return true;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (PLACEHOLDERS.contains(lower) || v.indexOf('$') >= 0 || v.contains("{{") || v.contains("%(")
        || v.contains("<%") || v.contains("@@") || v.contains("#{") || v.contains("%{")
        || v.startsWith("/") || v.startsWith("./") || v.startsWith("~/") || lower.contains("://")
        || v.startsWith("!") || v.startsWith("&") || v.startsWith("*") || v.equals("|") || v.equals(">")
        || v.startsWith("<") && v.endsWith(">")) {
      return true;
    }
    for (String part : PLACEHOLDER_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    boolean digits = true;
    boolean same = true;
    for (int i = 0; i < v.length(); i++) {
      digits &= Character.isDigit(v.charAt(i));
      same &= v.charAt(i) == v.charAt(0);
    }
    return same || digits && v.length() < 6;
  }

  static boolean isSecretKey(String key) {
    List<String> words = words(key);
    for (String w : words) {
      if (NOT_SECRET_WORDS.contains(w)) {
        return false;
      }
    }
    return hasSecretWord(key) || words.contains("auth");
  }

  private static boolean hasSecretWord(String key) {
    List<String> words = words(key);
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

  /** The key split on {@code _ - .} and camelCase, lower-cased, as {@link dev.dockerlint.lint.Secrets#words} splits a name. */
  private static List<String> words(String key) {
    return dev.dockerlint.lint.Secrets.words(key);
  }

  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
  }

  private static boolean allKeyChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isKeyChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static int skipBlanks(String line, int from) {
    int i = from;
    while (i < line.length() && isBlank(line.charAt(i))) {
      i++;
    }
    return i;
  }
}
