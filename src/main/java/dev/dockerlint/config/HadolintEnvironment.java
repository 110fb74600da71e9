package dev.dockerlint.config;

import dev.dockerlint.lint.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * hadolint's {@code HADOLINT_*} environment variables, read with hadolint's meaning. They are
 * whoever runs dockerlint's settings: they rank below the command line and above every config file,
 * and their lists add to the config's and the command line's. Values hadolint would drop (an unknown
 * format, threshold or label item) are dropped too, each with a {@linkplain #warnings warning}.
 *
 * <ul>
 *   <li>{@code HADOLINT_NOFAIL}, {@code HADOLINT_VERBOSE}, {@code HADOLINT_STRICT_LABELS},
 *       {@code HADOLINT_DISABLE_IGNORE_PRAGMA}: true for {@code 1}, {@code y}, {@code on},
 *       {@code true}, {@code yes} (any case), false for any other value; unset when absent.
 *   <li>{@code HADOLINT_FORMAT}: comma-separated formats, hadolint's names ({@code json} is
 *       hadolint's JSON, dockerlint's {@code hadolint-json}).
 *   <li>{@code HADOLINT_FAILURE_THRESHOLD}: one of hadolint's thresholds; {@code none} and
 *       {@code ignore} fail on any finding (dockerlint's {@code style}).
 *   <li>{@code HADOLINT_OVERRIDE_ERROR}, {@code _WARNING}, {@code _INFO}, {@code _STYLE},
 *       {@code HADOLINT_IGNORE}: comma-separated rule codes (a code in several override lists gets
 *       the most severe).
 *   <li>{@code HADOLINT_TRUSTED_REGISTRIES}: comma-separated registries.
 *   <li>{@code HADOLINT_REQUIRE_LABELS}: comma-separated {@code name:format} items.
 * </ul>
 *
 * Plain loops only: this is read on every run.
 */
public final class HadolintEnvironment {
  /** The variables read, in the order hadolint documents them. */
  public static final String[] VARIABLES = {"HADOLINT_NOFAIL", "HADOLINT_VERBOSE", "HADOLINT_FORMAT",
      "HADOLINT_FAILURE_THRESHOLD", "HADOLINT_OVERRIDE_ERROR", "HADOLINT_OVERRIDE_WARNING", "HADOLINT_OVERRIDE_INFO",
      "HADOLINT_OVERRIDE_STYLE", "HADOLINT_IGNORE", "HADOLINT_STRICT_LABELS", "HADOLINT_DISABLE_IGNORE_PRAGMA",
      "HADOLINT_TRUSTED_REGISTRIES", "HADOLINT_REQUIRE_LABELS"};

  /** No variable set. */
  public static final HadolintEnvironment NONE = new HadolintEnvironment();

  private boolean present;
  private Boolean noFail;
  private Boolean verbose;
  private Boolean strictLabels;
  private Boolean disableIgnorePragma;
  private String failureThreshold;
  private final List<String> formats = new ArrayList<>();
  private final List<String> ignore = new ArrayList<>();
  private final Map<Severity, List<String>> overrides = new EnumMap<>(Severity.class);
  private final List<String> trustedRegistries = new ArrayList<>();
  private final Map<String, String> labelSchema = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private HadolintEnvironment() {}

  /** Reads the variables from an environment ({@code Main}'s map, never the process's own). */
  public static HadolintEnvironment of(Map<String, String> env) {
    boolean any = false;
    for (String name : VARIABLES) {
      any |= env.containsKey(name);
    }
    if (!any) {
      return NONE;
    }
    HadolintEnvironment read = new HadolintEnvironment();
    read.present = true;
    read.noFail = flag(env, "HADOLINT_NOFAIL");
    read.verbose = flag(env, "HADOLINT_VERBOSE");
    read.strictLabels = flag(env, "HADOLINT_STRICT_LABELS");
    read.disableIgnorePragma = flag(env, "HADOLINT_DISABLE_IGNORE_PRAGMA");
    for (String item : list(env, "HADOLINT_FORMAT")) {
      String format = HadolintValues.format(item);
      if (format == null) {
        read.warnings.add("HADOLINT_FORMAT names '" + item + "', which is not one of hadolint's formats ("
            + String.join(", ", HadolintValues.FORMATS) + "); skipped");
      } else if (!read.formats.contains(format)) {
        read.formats.add(format);
      }
    }
    String threshold = env.get("HADOLINT_FAILURE_THRESHOLD");
    if (threshold != null) {
      read.failureThreshold = HadolintValues.threshold(threshold);
      if (read.failureThreshold == null) {
        read.warnings.add("HADOLINT_FAILURE_THRESHOLD is '" + threshold + "', which is not one of "
            + String.join(", ", HadolintValues.THRESHOLDS) + "; skipped");
      }
    }
    // style first, error last: a code in several lists gets the most severe, as in hadolint
    String[] levels = {"HADOLINT_OVERRIDE_STYLE", "HADOLINT_OVERRIDE_INFO", "HADOLINT_OVERRIDE_WARNING",
        "HADOLINT_OVERRIDE_ERROR"};
    for (int i = 0; i < levels.length; i++) {
      List<String> codes = list(env, levels[i]);
      if (!codes.isEmpty()) {
        read.overrides.put(Severity.values()[Severity.values().length - 1 - i], codes);
      }
    }
    read.ignore.addAll(list(env, "HADOLINT_IGNORE"));
    read.trustedRegistries.addAll(list(env, "HADOLINT_TRUSTED_REGISTRIES"));
    for (String item : list(env, "HADOLINT_REQUIRE_LABELS")) {
      String format = HadolintValues.labelFormat(item);
      if (format == null) {
        read.warnings.add("HADOLINT_REQUIRE_LABELS names '" + item + "', which is not NAME:FORMAT with a format of "
            + String.join(", ", HadolintValues.LABEL_FORMATS) + "; skipped");
      } else {
        read.labelSchema.putIfAbsent(HadolintValues.labelName(item), format);
      }
    }
    return read;
  }

  private static Boolean flag(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null ? null : HadolintValues.truthy(value);
  }

  /** The non-empty items of a comma-separated variable, stripped. */
  private static List<String> list(Map<String, String> env, String name) {
    String value = env.get(name);
    List<String> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    int start = 0;
    while (start <= value.length()) {
      int comma = value.indexOf(',', start);
      int end = comma < 0 ? value.length() : comma;
      String item = value.substring(start, end).strip();
      if (!item.isEmpty()) {
        items.add(item);
      }
      start = end + 1;
    }
    return items;
  }

  /** Whether any {@code HADOLINT_*} variable is set: a hadolint setup, whose default failure threshold is {@code info}. */
  public boolean present() {
    return present;
  }

  /** {@code HADOLINT_NOFAIL}, or null when unset. */
  public Boolean noFail() {
    return noFail;
  }

  /** {@code HADOLINT_VERBOSE}, or null when unset. */
  public Boolean verbose() {
    return verbose;
  }

  /** {@code HADOLINT_STRICT_LABELS}, or null when unset. */
  public Boolean strictLabels() {
    return strictLabels;
  }

  /** {@code HADOLINT_DISABLE_IGNORE_PRAGMA}, or null when unset. */
  public Boolean disableIgnorePragma() {
    return disableIgnorePragma;
  }

  /** {@code HADOLINT_FAILURE_THRESHOLD} in dockerlint's meaning, or null when unset or invalid. */
  public String failureThreshold() {
    return failureThreshold;
  }

  /** {@code HADOLINT_FORMAT}'s formats by dockerlint's names, each once, in order. */
  public List<String> formats() {
    return List.copyOf(formats);
  }

  /** {@code HADOLINT_IGNORE}'s codes. */
  public List<String> ignore() {
    return List.copyOf(ignore);
  }

  /** The {@code HADOLINT_OVERRIDE_*} codes by severity, least severe first. */
  public Map<Severity, List<String>> overrides() {
    return overrides;
  }

  /** {@code HADOLINT_TRUSTED_REGISTRIES}. */
  public List<String> trustedRegistries() {
    return List.copyOf(trustedRegistries);
  }

  /** {@code HADOLINT_REQUIRE_LABELS} as a label schema. */
  public Map<String, String> labelSchema() {
    return Map.copyOf(labelSchema);
  }

  /** Values that were skipped, each one sentence. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
