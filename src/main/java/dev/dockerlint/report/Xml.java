package dev.dockerlint.report;

/**
 * Escaping for the hand-written XML formats (Checkstyle, JUnit). Output is XML 1.0 in UTF-8; a
 * character XML 1.0 does not allow at all (C0 controls other than tab, LF and CR, lone surrogates,
 * U+FFFE and U+FFFF) is replaced with U+FFFD, because no escape can represent it.
 */
final class Xml {
  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private Xml() {}

  /**
   * An attribute value, for use between double quotes: {@code & < > " '} as entities, and tab, LF
   * and CR as character references so that attribute-value normalisation keeps them.
   */
  static String attribute(String value) {
    return escape(value, true);
  }

  /** Element content: {@code & < >} as entities, CR as a character reference, tab and LF as is. */
  static String text(String value) {
    return escape(value, false);
  }

  private static String escape(String value, boolean attribute) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\'' -> out.append(attribute ? "&apos;" : "'");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
