package dev.dockerlint.cli;

/** What the command line's own messages do with the values they quote. */
final class Messages {
  /** Longest value quoted whole; a megabyte rule name must not become a megabyte line on stderr. */
  static final int LONGEST_VALUE = 200;

  private Messages() {}

  /** The value, or its first 200 characters and {@code ...}: still recognisable, one short line. */
  static String cut(String value) {
    if (value == null || value.length() <= LONGEST_VALUE) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(LONGEST_VALUE - 1)) ? LONGEST_VALUE - 1 : LONGEST_VALUE;
    return value.substring(0, end) + "...";
  }

  /** {@link #cut} for a path. */
  static String cut(java.nio.file.Path path) {
    return path == null ? null : cut(path.toString());
  }
}
