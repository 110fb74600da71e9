package dev.dockerlint.shellcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ShellCheck's {@code -f json1} output, read into typed comments: {@code {"comments": [{"file",
 * "line", "endLine", "column", "endColumn", "level", "code", "message", "fix"}]}}. Lines and
 * columns are 1-based, end exclusive, and count characters (a tab is one). Anything else is
 * {@link Json.Malformed}: a missing field, a field of the wrong type, a line below 1.
 */
final class Json1 {
  private Json1() {}

  /**
   * One edit of a suggested fix.
   *
   * @param afterEnd ShellCheck's {@code insertionPoint}: whether text inserted at the same place as
   *     another edit goes after it ({@code afterEnd}) or before it ({@code beforeStart})
   * @param precedence which of two overlapping edits wins (higher first)
   */
  record Replacement(int line, int column, int endLine, int endColumn, String text, boolean afterEnd, int precedence) {}

  /**
   * @param level {@code error}, {@code warning}, {@code info} or {@code style}
   * @param fix the edits ShellCheck suggests, empty when it has none
   */
  record Comment(String file, int line, int column, int endLine, int endColumn, String level, int code,
      String message, List<Replacement> fix) {}

  static List<Comment> parse(String output) throws Json.Malformed {
    Object root = Json.parse(output);
    if (!(root instanceof Map<?, ?> object) || !(object.get("comments") instanceof List<?> comments)) {
      throw new Json.Malformed("expected an object with a \"comments\" array");
    }
    List<Comment> result = new ArrayList<>(comments.size());
    for (Object item : comments) {
      if (!(item instanceof Map<?, ?> c)) {
        throw new Json.Malformed("a comment that is not an object");
      }
      int line = position(c, "line", 1);
      int column = position(c, "column", 1);
      int endLine = c.containsKey("endLine") ? position(c, "endLine", 1) : line;
      int endColumn = c.containsKey("endColumn") ? position(c, "endColumn", 1) : column;
      result.add(new Comment(string(c, "file"), line, column, endLine, endColumn, level(c), position(c, "code", 0),
          string(c, "message"), fix(c.get("fix"))));
    }
    return result;
  }

  /** Comments in the json1 shape {@link #parse} reads back (for the cache; {@code file} is kept as given). */
  static String write(List<Comment> comments) {
    StringBuilder out = new StringBuilder("{\"comments\":[");
    for (int i = 0; i < comments.size(); i++) {
      Comment c = comments.get(i);
      out.append(i == 0 ? "" : ",").append("{\"file\":");
      string(out, c.file());
      out.append(",\"line\":").append(c.line()).append(",\"endLine\":").append(c.endLine())
          .append(",\"column\":").append(c.column()).append(",\"endColumn\":").append(c.endColumn())
          .append(",\"level\":");
      string(out, c.level());
      out.append(",\"code\":").append(c.code()).append(",\"message\":");
      string(out, c.message());
      if (c.fix().isEmpty()) {
        out.append(",\"fix\":null}");
        continue;
      }
      out.append(",\"fix\":{\"replacements\":[");
      for (int r = 0; r < c.fix().size(); r++) {
        Replacement edit = c.fix().get(r);
        out.append(r == 0 ? "" : ",").append("{\"line\":").append(edit.line()).append(",\"column\":")
            .append(edit.column()).append(",\"endLine\":").append(edit.endLine()).append(",\"endColumn\":")
            .append(edit.endColumn()).append(",\"insertionPoint\":\"").append(edit.afterEnd() ? "afterEnd" : "beforeStart")
            .append("\",\"precedence\":").append(edit.precedence()).append(",\"replacement\":");
        string(out, edit.text());
        out.append('}');
      }
      out.append("]}}");
    }
    return out.append("]}\n").toString();
  }

  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static List<Replacement> fix(Object fix) throws Json.Malformed {
    if (fix == null) {
      return List.of();
    }
    if (!(fix instanceof Map<?, ?> f) || !(f.get("replacements") instanceof List<?> replacements)) {
      throw new Json.Malformed("a fix without a \"replacements\" array");
    }
    List<Replacement> result = new ArrayList<>(replacements.size());
    for (Object item : replacements) {
      if (!(item instanceof Map<?, ?> r)) {
        throw new Json.Malformed("a replacement that is not an object");
      }
      Object precedence = r.get("precedence");
      result.add(new Replacement(position(r, "line", 1), position(r, "column", 1), position(r, "endLine", 1),
          position(r, "endColumn", 1), string(r, "replacement"), "afterEnd".equals(r.get("insertionPoint")),
          precedence instanceof Long p && Math.abs(p) < Integer.MAX_VALUE ? (int) (long) p : 0));
    }
    return List.copyOf(result);
  }

  private static String level(Map<?, ?> c) throws Json.Malformed {
    String level = string(c, "level");
    if (!level.equals("error") && !level.equals("warning") && !level.equals("info") && !level.equals("style")) {
      throw new Json.Malformed("unknown level '" + level + "'");
    }
    return level;
  }

  private static String string(Map<?, ?> object, String field) throws Json.Malformed {
    if (!(object.get(field) instanceof String value)) {
      throw new Json.Malformed("field \"" + field + "\" missing or not a string");
    }
    return value;
  }

  /** A whole number of at least {@code min} that fits an int. */
  private static int position(Map<?, ?> object, String field, int min) throws Json.Malformed {
    if (!(object.get(field) instanceof Long value) || value < min || value > Integer.MAX_VALUE) {
      throw new Json.Malformed("field \"" + field + "\" missing or not a number of at least " + min);
    }
    return (int) (long) value;
  }
}
