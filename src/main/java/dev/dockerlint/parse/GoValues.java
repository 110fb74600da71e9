package dev.dockerlint.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go value parsers BuildKit checks flag values with, reproduced for their verdicts and error
 * texts: {@code time.ParseDuration}, {@code strconv.ParseInt}/{@code ParseUint}/{@code ParseBool},
 * the one-line CSV reader of mount and device options, go-units' {@code RAMInBytes} and
 * go-digest's checks. Each returns BuildKit's error message, or null when the value is valid.
 */
final class GoValues {
  private GoValues() {}

  /** A value read by {@link #duration}: nanoseconds, or the error. */
  record Duration(long nanos, String error) {}

  private static final long NANOS_LIMIT = Long.MAX_VALUE; // 1<<63 - 1

  /** Go's {@code time.ParseDuration}. */
  static Duration duration(String orig) {
    String s = orig;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return new Duration(0, null);
    }
    String invalid = "time: invalid duration " + timeQuote(orig);
    if (s.isEmpty()) {
      return new Duration(0, invalid);
    }
    // unsigned arithmetic as in Go: the sum may reach 1<<63 (only for a negative duration)
    java.math.BigInteger total = java.math.BigInteger.ZERO;
    java.math.BigInteger max = java.math.BigInteger.ONE.shiftLeft(63);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || c >= '0' && c <= '9')) {
        return new Duration(0, invalid);
      }
      int intStart = i;
      java.math.BigInteger v = java.math.BigInteger.ZERO;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = v.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(s.charAt(i) - '0'));
        if (v.compareTo(max) > 0) {
          return new Duration(0, invalid);
        }
        i++;
      }
      boolean pre = i > intStart;
      boolean post = false;
      java.math.BigInteger fraction = java.math.BigInteger.ZERO;
      java.math.BigInteger scale = java.math.BigInteger.ONE;
      boolean fractionOverflow = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          if (!fractionOverflow) {
            java.math.BigInteger next = fraction.multiply(java.math.BigInteger.TEN)
                .add(java.math.BigInteger.valueOf(s.charAt(i) - '0'));
            if (next.compareTo(max) > 0) {
              fractionOverflow = true; // Go stops taking digits, as they cannot change the result
            } else {
              fraction = next;
              scale = scale.multiply(java.math.BigInteger.TEN);
            }
          }
          i++;
        }
        post = i > fracStart;
      }
      if (!pre && !post) {
        return new Duration(0, invalid);
      }
      int unitStart = i;
      while (i < s.length() && !(s.charAt(i) == '.' || s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        i++;
      }
      if (i == unitStart) {
        return new Duration(0, "time: missing unit in duration " + timeQuote(orig));
      }
      String unit = s.substring(unitStart, i);
      long unitNanos = unitNanos(unit);
      if (unitNanos == 0) {
        return new Duration(0, "time: unknown unit " + timeQuote(unit) + " in duration " + timeQuote(orig));
      }
      java.math.BigInteger u = java.math.BigInteger.valueOf(unitNanos);
      if (v.compareTo(max.divide(u)) > 0) {
        return new Duration(0, invalid);
      }
      v = v.multiply(u);
      if (fraction.signum() > 0) {
        // float64(f) * (float64(unit) / scale), truncated
        double add = fraction.doubleValue() * (unitNanos / scale.doubleValue());
        v = v.add(java.math.BigDecimal.valueOf(add).toBigInteger());
        if (v.compareTo(max) > 0) {
          return new Duration(0, invalid);
        }
      }
      total = total.add(v);
      if (total.compareTo(max) > 0) {
        return new Duration(0, invalid);
      }
    }
    if (negative) {
      return new Duration(total.negate().longValue(), null);
    }
    if (total.compareTo(java.math.BigInteger.valueOf(NANOS_LIMIT)) > 0) {
      return new Duration(0, invalid);
    }
    return new Duration(total.longValue(), null);
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 0L;
    };
  }

  /** The {@code time} package's own quoting: printable ASCII as is, other bytes as {@code \xNN}. */
  static String timeQuote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 0x80 || c < ' ') {
        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
      } else {
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }

  /** A value read by {@link #parseInt}: the number, or the error. */
  record Int(long value, String error) {}

  /** Go's {@code strconv.ParseInt(s, 10, bits)}. */
  static Int parseInt(String s, int bits) {
    String prefix = "strconv.ParseInt: parsing " + GoStrings.quote(s) + ": ";
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    java.math.BigInteger v = digits(s, i, 10);
    if (v == null) {
      return new Int(0, prefix + "invalid syntax");
    }
    if (negative) {
      v = v.negate();
    }
    java.math.BigInteger min = java.math.BigInteger.ONE.shiftLeft(bits - 1).negate();
    java.math.BigInteger max = java.math.BigInteger.ONE.shiftLeft(bits - 1).subtract(java.math.BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      return new Int(0, prefix + "value out of range");
    }
    return new Int(v.longValue(), null);
  }

  /** True when {@code strconv.ParseUint(s, base, bits)} accepts the text. */
  static boolean isUint(String s, int base, int bits) {
    java.math.BigInteger v = digits(s, 0, base);
    return v != null && v.bitLength() <= bits;
  }

  /** The digits of {@code s} from {@code from} in a base, or null when there are none or one is not a digit. */
  private static java.math.BigInteger digits(String s, int from, int base) {
    if (from >= s.length()) {
      return null;
    }
    for (int i = from; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), base) < 0 || s.charAt(i) > 'z') {
        return null;
      }
    }
    return new java.math.BigInteger(s.substring(from), base);
  }

  /** The fields of a one-line CSV value (tonistiigi/go-csvvalue, BuildKit's reader), or the error. */
  record Csv(List<String> fields, String error) {}

  /** Reads a CSV line with {@code ,} separators and {@code "} quotes, as go-csvvalue does. */
  static Csv csv(String input) {
    String line = input;
    if (line.endsWith("\r\n")) {
      line = line.substring(0, line.length() - 2);
    } else if (line.endsWith("\n")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      return new Csv(List.of(), "EOF");
    }
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    List<String> fields = new ArrayList<>();
    int pos = 0;
    while (true) {
      if (pos >= bytes.length || bytes[pos] != '"') {
        int comma = indexOf(bytes, (byte) ',', pos);
        int end = comma < 0 ? bytes.length : comma;
        int quote = indexOf(bytes, (byte) '"', pos);
        if (quote >= 0 && quote < end) {
          return new Csv(List.of(), csvError(quote, "bare \" in non-quoted-field"));
        }
        fields.add(new String(bytes, pos, end - pos, StandardCharsets.UTF_8));
        if (comma < 0) {
          return new Csv(fields, null);
        }
        pos = comma + 1;
        continue;
      }
      pos++; // the opening quote
      StringBuilder field = new StringBuilder();
      while (true) {
        int quote = indexOf(bytes, (byte) '"', pos);
        if (quote < 0) {
          return new Csv(List.of(), csvError(pos, "extraneous or missing \" in quoted-field"));
        }
        field.append(new String(bytes, pos, quote - pos, StandardCharsets.UTF_8));
        pos = quote + 1;
        if (pos < bytes.length && bytes[pos] == '"') {
          field.append('"'); // "" is a quote
          pos++;
        } else if (pos < bytes.length && bytes[pos] == ',') {
          fields.add(field.toString());
          pos++;
          break;
        } else if (pos >= bytes.length) {
          fields.add(field.toString());
          return new Csv(fields, null);
        } else {
          return new Csv(List.of(), csvError(pos - 1, "extraneous or missing \" in quoted-field"));
        }
      }
    }
  }

  private static String csvError(int bytePos, String what) {
    return "parse error on line 1, column " + (bytePos + 1) + ": " + what;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** go-units' {@code RAMInBytes} accepts the size: a number, an optional unit (k, m, g, t, p), then i and b. */
  static boolean isRamSize(String size) {
    int i = 0;
    int n = size.length();
    int digitsStart = i;
    while (i < n && Character.isDigit(size.charAt(i)) && size.charAt(i) < 0x80) {
      i++;
    }
    if (i == digitsStart) {
      return false;
    }
    while (i < n && size.charAt(i) == '.') {
      int fracStart = ++i;
      while (i < n && size.charAt(i) >= '0' && size.charAt(i) <= '9') {
        i++;
      }
      if (i == fracStart) {
        return false;
      }
    }
    if (i < n && size.charAt(i) == ' ') {
      i++;
    }
    if (i < n && "kKmMgGtTpP".indexOf(size.charAt(i)) >= 0) {
      i++;
    }
    if (i < n && (size.charAt(i) == 'i' || size.charAt(i) == 'I')) {
      i++;
    }
    if (i < n && (size.charAt(i) == 'b' || size.charAt(i) == 'B')) {
      i++;
    }
    return i == n;
  }

  /**
   * go-digest's {@code Digest.Validate} for an {@code ADD --checksum} of an HTTP source: the
   * error, or null for a well-formed sha256, sha384 or sha512 digest.
   */
  static String digestError(String digest) {
    int colon = digest.indexOf(':');
    if (colon <= 0 || colon + 1 == digest.length()) {
      return "invalid checksum digest format";
    }
    String algorithm = digest.substring(0, colon);
    String encoded = digest.substring(colon + 1);
    int length = switch (algorithm) {
      case "sha256" -> 64;
      case "sha384" -> 96;
      case "sha512" -> 128;
      default -> 0;
    };
    if (length == 0) {
      return wellFormedDigest(digest) ? "unsupported digest algorithm" : "invalid checksum digest format";
    }
    if (encoded.length() != length) {
      return "invalid checksum digest length";
    }
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return "invalid checksum digest format";
      }
    }
    return null;
  }

  /** go-digest's {@code ^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$}. */
  private static boolean wellFormedDigest(String digest) {
    int colon = digest.indexOf(':');
    String algorithm = digest.substring(0, colon);
    String encoded = digest.substring(colon + 1);
    boolean separator = true; // the algorithm cannot start with a separator
    for (int i = 0; i < algorithm.length(); i++) {
      char c = algorithm.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        separator = false;
      } else if (".+_-".indexOf(c) >= 0 && !separator) {
        separator = true;
      } else {
        return false;
      }
    }
    if (separator) {
      return false;
    }
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '=' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
