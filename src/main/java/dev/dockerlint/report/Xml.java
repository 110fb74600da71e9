package dev.dockerlint.report;

/**
 * Escaping for the hand-written XML formats (Checkstyle, JUnit). Output is XML 1.0 in UTF-8 with no
 * raw control character from a value, so that a value cannot break a line of the file:
 *
 * <ul>
 *   <li>tab, LF and CR become character references, in attributes (where attribute-value
 *       normalisation would otherwise turn them into spaces) and in element content alike;
 *   <li>DEL, C1 and U+2028/U+2029, which XML 1.0 allows but discourages, become character
 *       references too, so a parser still reads the exact value;
 *   <li>the other C0 controls, which XML 1.0 does not allow even as references, are written as the
 *       text {@link ControlCharacters} escapes them to ({@code \x1b});
 *   <li>lone surrogates, U+FFFE and U+FFFF, which no escape can represent, become U+FFFD.
 * </ul>
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

  /** Element content: {@code & < >} as entities, control characters as above. */
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
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (c < 0x20) {
            out.append(ControlCharacters.escape(c));
          } else if (ControlCharacters.isControl(c)) {
            out.append("&#").append((int) c).append(';');
          } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
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
