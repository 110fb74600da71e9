package dev.dockerlint.report;

import java.nio.charset.StandardCharsets;

/**
 * Control characters in text that comes from the user (file names, {@code --stdin-filename},
 * config values, messages quoting a Dockerfile), escaped wherever dockerlint prints it. A raw
 * newline would let a file name start a line of its own, such as {@code ::error ...}, which GitHub
 * Actions turns into an annotation; an ESC would let it recolour, move or hide terminal output.
 *
 * <p>Escaped: C0 ({@code U+0000-U+001F}), DEL, C1 ({@code U+0080-U+009F}), and the Unicode line and
 * paragraph separators {@code U+2028} and {@code U+2029}, which some viewers break lines at. The
 * escapes are {@code \t}, {@code \n}, {@code \r}, {@code \x1b} (two hex digits) for the rest of C0
 * and DEL, and <code>&#92;u0085</code> (four) above; an ESC sequence is thereby printed as plain text. A
 * backslash is not escaped, so an escape is shown the same as the same characters typed; it is
 * there to be read, not to be decoded.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** Whether a character is escaped. */
  public static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
  }

  /** The text with each control character escaped; the same instance when there is none. */
  public static String escape(String text) {
    if (!hasControl(text)) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        escaped.append(escape(c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** The escape of one control character ({@code \n}, {@code \x1b}, <code>&#92;u0085</code>). */
  public static String escape(char c) {
    return switch (c) {
      case '\t' -> "\\t";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      default -> c <= 0x7f ? "\\x" + hex(c, 2) : "\\u" + hex(c, 4);
    };
  }

  private static String hex(char c, int digits) {
    String hex = Integer.toHexString(c);
    return "0".repeat(digits - hex.length()) + hex;
  }

  /**
   * Whether the text holds a control character. Checked on a Latin-1 copy, which is a plain array
   * copy for most strings: the compiler a short run uses makes a loop over {@code charAt} several
   * times slower, and every message passes here. A character past U+00FF becomes '?' in the copy,
   * so the two separators above it are looked for apart.
   */
  public static boolean hasControl(String text) {
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    for (byte b : latin1) {
      int c = b & 0xff;
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        return true;
      }
    }
    return text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
  }
}
