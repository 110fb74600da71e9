package dev.dockerlint.config;

import java.util.List;
import java.util.Locale;

/**
 * hadolint's values in dockerlint's terms, for the settings read from hadolint's own sources (its
 * config files and {@code HADOLINT_*} variables), which keep hadolint's meaning there.
 */
public final class HadolintValues {
  /** hadolint's output formats, in its documentation's order. */
  public static final List<String> FORMATS = List.of("tty", "json", "checkstyle", "codeclimate", "gitlab_codeclimate",
      "gnu", "codacy", "sonarqube", "sarif", "junit");
  /** hadolint's failure thresholds; {@code ignore} and {@code none} are the same. */
  public static final List<String> THRESHOLDS = List.of("error", "warning", "info", "style", "ignore", "none");
  /** The label value formats of a label schema. */
  public static final List<String> LABEL_FORMATS = List.of("text", "rfc3339", "url", "semver", "hash", "spdx", "email");

  private HadolintValues() {}

  /**
   * dockerlint's name for a format hadolint names, or null for a name hadolint does not have:
   * {@code json} is hadolint's JSON array ({@code hadolint-json}), every other name is dockerlint's
   * format of that name.
   */
  public static String format(String hadolintName) {
    String name = hadolintName.strip().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(name)) {
      return null;
    }
    return name.equals("json") ? "hadolint-json" : name;
  }

  /**
   * dockerlint's failure threshold for one of hadolint's, or null for a value hadolint does not
   * have: hadolint's {@code none} and {@code ignore} fail on any finding, which is dockerlint's
   * {@code style}; the others mean the same in both.
   */
  public static String threshold(String hadolintValue) {
    String value = hadolintValue.strip().toLowerCase(Locale.ROOT);
    if (!THRESHOLDS.contains(value)) {
      return null;
    }
    return value.equals("none") || value.equals("ignore") ? "style" : value;
  }

  /** hadolint's reading of a boolean variable: {@code 1}, {@code y}, {@code on}, {@code true}, {@code yes} (any case) are true, anything else false. */
  public static boolean truthy(String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    return lower.equals("1") || lower.equals("y") || lower.equals("on") || lower.equals("true") || lower.equals("yes");
  }

  /**
   * The label format of one {@code NAME:FORMAT} item ({@code --require-label},
   * {@code HADOLINT_REQUIRE_LABELS}), lower-cased, or null when the item is not of that form or the
   * format is unknown. The name is everything before the first colon.
   */
  public static String labelFormat(String item) {
    int colon = item.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String format = item.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
    return LABEL_FORMATS.contains(format) ? format : null;
  }

  /** The label name of a {@code NAME:FORMAT} item whose {@link #labelFormat} is not null. */
  public static String labelName(String item) {
    return item.substring(0, item.indexOf(':')).strip();
  }
}
