package dev.dockerlint.shellcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader for ShellCheck's output: objects become maps, arrays lists, numbers
 * {@link Long} or {@link Double}, and anything that is not JSON a {@link Malformed} naming the
 * offset. Hand-written rather than Jackson, so a run with ShellCheck loads a few classes instead
 * of hundreds; bounded nesting, so garbled output cannot overflow the stack.
 */
final class Json {
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;

  /** The text is not JSON. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  private Json(String text) {
    this.text = text;
  }

  static Object parse(String text) throws Malformed {
    Json json = new Json(text);
    json.blanks();
    Object value = json.value(0);
    json.blanks();
    if (json.pos != text.length()) {
      throw json.error("text after the JSON value");
    }
    return value;
  }

  private Object value(int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || c >= '0' && c <= '9') {
          return number();
        }
        throw error("unexpected '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) throws Malformed {
    Map<String, Object> result = new LinkedHashMap<>();
    pos++;
    blanks();
    if (peek() == '}') {
      pos++;
      return result;
    }
    while (true) {
      blanks();
      if (peek() != '"') {
        throw error("expected a field name");
      }
      String key = string();
      blanks();
      expect(':');
      blanks();
      result.put(key, value(depth + 1));
      blanks();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return result;
      }
    }
  }

  private List<Object> array(int depth) throws Malformed {
    List<Object> result = new ArrayList<>();
    pos++;
    blanks();
    if (peek() == ']') {
      pos++;
      return result;
    }
    while (true) {
      blanks();
      result.add(value(depth + 1));
      blanks();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return result;
      }
    }
  }

  private String string() throws Malformed {
    pos++; // the opening quote
    StringBuilder out = null;
    int runStart = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        String tail = text.substring(runStart, pos);
        pos++;
        return out == null ? tail : out.append(tail).toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, runStart, pos);
      if (pos + 1 >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short \\u escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
              throw error("bad \\u escape");
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
          pos += 4;
        }
        default -> throw error("bad escape '\\" + e + "'");
      }
      runStart = pos;
    }
    throw error("unterminated string");
  }

  private Object number() throws Malformed {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 0x80) {
      pos++;
    }
    if (pos == digits) {
      throw error("bad number");
    }
    boolean integral = true;
    if (peek() == '.' || peek() == 'e' || peek() == 'E') {
      integral = false;
      while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }
    String number = text.substring(start, pos);
    try {
      return integral && number.length() < 19 ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw error("bad number '" + number + "'");
    }
  }

  private Object literal(String word, Object value) throws Malformed {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected '" + text.charAt(pos) + "'");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) throws Malformed {
    if (peek() != c) {
      throw error(pos >= text.length() ? "unexpected end" : "expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void blanks() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private Malformed error(String what) {
    return new Malformed(what + " at offset " + pos);
  }
}
