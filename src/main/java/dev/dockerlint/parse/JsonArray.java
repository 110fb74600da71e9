package dev.dockerlint.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the exec (JSON) form the way BuildKit does with Go's {@code encoding/json}: the text must be
 * one complete JSON value, an array; an array of strings is exec form, a valid array holding
 * anything else is an error, and any invalid JSON means "not JSON" (shell form). Iterative, so deep
 * nesting cannot overflow the stack.
 */
final class JsonArray {
  /** One decoded string element; {@code start}/{@code end} cover its literal including the quotes. */
  record Element(String value, int start, int end) {}

  enum Kind { STRINGS, NOT_STRINGS, INVALID }

  record Result(Kind kind, List<Element> elements) {}

  private static final Result INVALID = new Result(Kind.INVALID, List.of());
  private static final int MAX_DEPTH = 10000; // Go's decoder limit

  private final String s;
  private final int end;
  private final StringBuilder decoded = new StringBuilder();
  private boolean outOfRange; // a number float64 cannot hold: Unmarshal fails, so not JSON

  private JsonArray(String s, int end) {
    this.s = s;
    this.end = end;
  }

  /** Parses {@code s[from, to)}; leading Go white space is skipped as BuildKit does. */
  static Result parse(String s, int from, int to) {
    int i = GoStrings.skipSpace(s, from, to);
    if (i >= to || s.charAt(i) != '[') {
      return INVALID;
    }
    return new JsonArray(s, to).array(i);
  }

  private Result array(int open) {
    List<Element> elements = new ArrayList<>();
    boolean allStrings = true;
    int i = ws(open + 1);
    if (i < end && s.charAt(i) == ']') {
      return ws(i + 1) == end ? new Result(Kind.STRINGS, elements) : INVALID;
    }
    while (true) {
      if (i >= end) {
        return INVALID;
      }
      if (s.charAt(i) == '"') {
        int after = string(i);
        if (after < 0) {
          return INVALID;
        }
        elements.add(new Element(decoded.toString(), i, after));
        i = after;
      } else {
        allStrings = false;
        i = value(i);
        if (i < 0) {
          return INVALID;
        }
      }
      i = ws(i);
      if (i >= end) {
        return INVALID;
      }
      char c = s.charAt(i);
      if (c == ']') {
        break;
      }
      if (c != ',') {
        return INVALID;
      }
      i = ws(i + 1);
    }
    if (ws(i + 1) != end || outOfRange) {
      return INVALID;
    }
    return allStrings ? new Result(Kind.STRINGS, elements) : new Result(Kind.NOT_STRINGS, List.of());
  }

  private int ws(int i) {
    while (i < end) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /** Skips any JSON value starting at {@code i}; returns the index after it or -1. */
  private int value(int start) {
    StringBuilder stack = new StringBuilder(); // '[' or '{' per open container
    int i = start;
    while (true) {
      // expect a value
      i = ws(i);
      if (i >= end) {
        return -1;
      }
      char c = s.charAt(i);
      if (c == '[' || c == '{') {
        if (stack.length() + 1 >= MAX_DEPTH) { // the outer array is one level too
          return -1;
        }
        i = ws(i + 1);
        char close = c == '[' ? ']' : '}';
        if (i < end && s.charAt(i) == close) {
          i++;
        } else {
          stack.append(c);
          if (c == '{') {
            i = key(i);
            if (i < 0) {
              return -1;
            }
          }
          continue;
        }
      } else if (c == '"') {
        i = string(i);
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        i = number(i);
      } else {
        i = literal(i);
      }
      if (i < 0) {
        return -1;
      }
      // after a value: close containers or move to the next element
      while (true) {
        if (stack.length() == 0) {
          return i;
        }
        i = ws(i);
        if (i >= end) {
          return -1;
        }
        char top = stack.charAt(stack.length() - 1);
        char next = s.charAt(i);
        if (next == ',') {
          i++;
          if (top == '{') {
            i = key(ws(i));
            if (i < 0) {
              return -1;
            }
          }
          break;
        }
        if ((top == '[' && next == ']') || (top == '{' && next == '}')) {
          stack.setLength(stack.length() - 1);
          i++;
          continue;
        }
        return -1;
      }
    }
  }

  /** An object key and its colon. */
  private int key(int i) {
    if (i >= end || s.charAt(i) != '"') {
      return -1;
    }
    i = string(i);
    if (i < 0) {
      return -1;
    }
    i = ws(i);
    return i < end && s.charAt(i) == ':' ? i + 1 : -1;
  }

  private int literal(int i) {
    for (String word : new String[] {"true", "false", "null"}) {
      if (s.startsWith(word, i) && i + word.length() <= end) {
        return i + word.length();
      }
    }
    return -1;
  }

  private int number(int start) {
    int i = start;
    if (i < end && s.charAt(i) == '-') {
      i++;
    }
    if (i >= end) {
      return -1;
    }
    if (s.charAt(i) == '0') {
      i++;
    } else {
      int d = digits(i);
      if (d == i) {
        return -1;
      }
      i = d;
    }
    if (i < end && s.charAt(i) == '.') {
      int d = digits(i + 1);
      if (d == i + 1) {
        return -1;
      }
      i = d;
    }
    if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int d = digits(i);
      if (d == i) {
        return -1;
      }
      i = d;
    }
    // json.Unmarshal into []any decodes numbers with ParseFloat, whose range error fails the decode
    outOfRange |= Double.isInfinite(Double.parseDouble(s.substring(start, i)));
    return i;
  }

  private int digits(int i) {
    while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** Reads a string literal into {@link #decoded}; returns the index after the closing quote or -1. */
  private int string(int open) {
    decoded.setLength(0);
    int i = open + 1;
    while (i < end) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c < 0x20) {
        return -1;
      }
      if (c != '\\') {
        decoded.append(c);
        i++;
        continue;
      }
      if (i + 1 >= end) {
        return -1;
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case '"', '\\', '/' -> decoded.append(e);
        case 'b' -> decoded.append('\b');
        case 'f' -> decoded.append('\f');
        case 'n' -> decoded.append('\n');
        case 'r' -> decoded.append('\r');
        case 't' -> decoded.append('\t');
        case 'u' -> {
          int unit = hex4(i);
          if (unit < 0) {
            return -1;
          }
          i += 4;
          if (Character.isHighSurrogate((char) unit) && i + 6 <= end && s.charAt(i) == '\\'
              && s.charAt(i + 1) == 'u') {
            int low = hex4(i + 2);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
              decoded.append((char) unit).append((char) low);
              i += 6;
              break;
            }
          }
          // Go decodes a lone surrogate as U+FFFD
          decoded.append(Character.isSurrogate((char) unit) ? '\uFFFD' : (char) unit);
        }
        default -> {
          return -1;
        }
      }
    }
    return -1;
  }

  private int hex4(int i) {
    if (i + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 'f') {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
