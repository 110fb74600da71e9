package dev.dockerlint.shell;

import dev.dockerlint.source.SourceRange;

/**
 * One shell word.
 *
 * @param raw the word as written (quotes and escapes kept)
 * @param value the word with quotes and escapes removed; parameter expansions and command
 *     substitutions are kept as written ({@code $HOME}, {@code $(id -u)})
 * @param quoted whether any part of the word was quoted or escaped
 * @param expands whether the word holds a parameter expansion or command substitution
 */
public record Word(String raw, String value, SourceRange range, boolean quoted, boolean expands) {

  /**
   * True for an option word such as {@code -y}, {@code -qy} or {@code --yes=true}, also when only its
   * value is quoted ({@code --version='2.0.1'}); a word whose dash is quoted ({@code "-y"}) is not.
   */
  public boolean isFlag() {
    return raw.startsWith("-") && value.length() > 1 && value.charAt(0) == '-' && !value.equals("--");
  }

  public boolean isLongFlag() {
    return isFlag() && value.startsWith("--");
  }

  /**
   * A path word's value without its trailing {@code /*}, {@code /.} and {@code /}, repeatedly
   * ({@code /var/cache/apk/*} gives {@code /var/cache/apk}); {@code /} stays, {@code /*} gives the empty string.
   */
  public static String normalizePath(String path) {
    String p = path;
    boolean changed = true;
    while (changed && p.length() > 1) {
      changed = false;
      if (p.endsWith("/*") || p.endsWith("/.")) {
        p = p.substring(0, p.length() - 2);
        changed = true;
      } else if (p.endsWith("/") && p.length() > 1) {
        p = p.substring(0, p.length() - 1);
        changed = true;
      }
    }
    return p;
  }
}
