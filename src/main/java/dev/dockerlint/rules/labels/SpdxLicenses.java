package dev.dockerlint.rules.labels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The SPDX license and exception identifiers ({@code spdx-licenses.txt}, {@code spdx-exceptions.txt}
 * next to this class: the SPDX License List, https://spdx.org/licenses/), read on first use, and
 * license expressions built from them. Identifiers match without case, as SPDX specifies.
 */
final class SpdxLicenses {
  private SpdxLicenses() {}

  /** Loaded once, when a label schema first asks for an spdx value. */
  private static final class Lists {
    static final Set<String> LICENSES = read("spdx-licenses.txt");
    static final Set<String> EXCEPTIONS = read("spdx-exceptions.txt");
  }

  /**
   * An SPDX license expression: license ids ({@code MIT}, {@code GPL-2.0+}, {@code LicenseRef-x})
   * joined by AND and OR, an exception after WITH, and parentheses.
   */
  static boolean isExpression(String v) {
    int depth = 0;
    boolean expectId = true;
    boolean afterWith = false;
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '(') {
        if (!expectId || afterWith) {
          return false;
        }
        depth++;
        i++;
      } else if (c == ')') {
        if (expectId || depth == 0) {
          return false;
        }
        depth--;
        i++;
      } else {
        int start = i;
        while (i < v.length() && isIdChar(v.charAt(i))) {
          i++;
        }
        if (i == start) {
          return false;
        }
        String word = v.substring(start, i);
        boolean operator = word.equals("AND") || word.equals("OR") || word.equals("WITH");
        if (operator == expectId) {
          return false;
        }
        if (!operator && !(afterWith ? isException(word) : isLicense(word))) {
          return false;
        }
        afterWith = word.equals("WITH");
        expectId = operator;
      }
    }
    return !expectId && depth == 0;
  }

  private static boolean isIdChar(char c) {
    return c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == ':';
  }

  /** A listed license id (with {@code +} for "or later"), or a {@code LicenseRef-} of one's own. */
  static boolean isLicense(String id) {
    if (isReference(id)) {
      return true;
    }
    String plain = id.endsWith("+") ? id.substring(0, id.length() - 1) : id;
    return Lists.LICENSES.contains(plain.toLowerCase(Locale.ROOT));
  }

  static boolean isException(String id) {
    return Lists.EXCEPTIONS.contains(id.toLowerCase(Locale.ROOT));
  }

  /** {@code LicenseRef-name} or {@code DocumentRef-doc:LicenseRef-name}. */
  private static boolean isReference(String id) {
    String ref = id;
    if (ref.startsWith("DocumentRef-")) {
      int colon = ref.indexOf(':');
      if (colon <= "DocumentRef-".length()) {
        return false;
      }
      ref = ref.substring(colon + 1);
    }
    return ref.startsWith("LicenseRef-") && ref.length() > "LicenseRef-".length() && ref.indexOf(':') < 0
        && ref.indexOf('+') < 0;
  }

  private static Set<String> read(String resource) {
    Set<String> ids = new HashSet<>();
    try (InputStream in = SpdxLicenses.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          ids.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }
}
