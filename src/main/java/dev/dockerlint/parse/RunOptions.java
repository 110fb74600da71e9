package dev.dockerlint.parse;

import dev.dockerlint.ast.CheckOptions;
import dev.dockerlint.ast.NameSuggestion;
import java.util.List;
import java.util.Locale;

/**
 * The values of {@code RUN --mount} and {@code RUN --device}, checked as BuildKit reads them: a
 * one-line CSV of {@code key=value} fields. BuildKit looks at a mount twice: while parsing
 * instructions only the CSV and a variable in {@code from=}; when building, after variable
 * expansion, every key and value ({@link #mountError}).
 */
final class RunOptions {
  private RunOptions() {}

  /** A problem with a value: BuildKit's message, and the field it is about ({@code ""}: the whole value). */
  record Problem(String message, String part) {}

  static final List<String> MOUNT_TYPES = List.of("bind", "cache", "secret", "ssh", "tmpfs");
  static final List<String> SHARING = List.of("locked", "private", "shared");
  /** In BuildKit's order, which decides its suggestion. */
  static final List<String> MOUNT_KEYS = List.of(
      "type", "from", "source", "target", "readonly", "id", "sharing", "required", "size", "mode", "uid", "gid",
      "src", "dst", "destination", "ro", "rw", "readwrite", "env");

  /** BuildKit's {@code ParseDevice}: the error for a {@code --device} value, or null. */
  static String deviceError(String value) {
    GoValues.Csv csv = GoValues.csv(value);
    if (csv.error() != null) {
      return "failed to parse csv devices: " + csv.error();
    }
    String name = "";
    for (String field : csv.fields()) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      String v = eq < 0 ? "" : field.substring(eq + 1);
      if (eq < 0) {
        if (key.equals("required")) {
          continue;
        }
        if (name.isEmpty()) {
          name = field;
          continue;
        }
        return "invalid field '" + field + "' must be a key=value pair";
      }
      switch (key) {
        case "name" -> {
          if (!name.isEmpty()) {
            return "device name already set to " + name;
          }
          name = v;
        }
        case "required" -> {
          if (CheckOptions.goBool(v) == null) {
            return "invalid value for required: " + v;
          }
        }
        default -> {
          if (name.isEmpty()) {
            name = field; // a CDI name such as vendor.com/gpu=all
            continue;
          }
          String match = NameSuggestion.buildkit(key, List.of("name", "required"), true);
          return "unexpected key '" + key + "' in '" + field + "'" + (match == null ? "" : " (did you mean " + match + "?)");
        }
      }
    }
    return null;
  }

  /**
   * What BuildKit's instructions layer checks in a {@code --mount} value: that it reads as CSV,
   * and that {@code from=} names a stage without a variable.
   */
  static Problem mountSyntaxError(String value) {
    GoValues.Csv csv = GoValues.csv(value);
    if (csv.error() != null) {
      return new Problem("failed to parse csv mounts: " + csv.error(), "");
    }
    for (String field : csv.fields()) {
      int eq = field.indexOf('=');
      if (eq >= 0 && field.substring(0, eq).toLowerCase(Locale.ROOT).equals("from")) {
        String v = field.substring(eq + 1);
        int dollar = v.indexOf('$');
        if (dollar >= 0 && dollar != v.length() - 1) {
          return new Problem("'from' doesn't support variable expansion, define alias stage instead", field);
        }
      }
    }
    return null;
  }

  /** Expands a mount option value: its value after expansion, or null when that is not known before the build. */
  interface Expander {
    String expand(String value);
  }

  /**
   * What BuildKit checks in a {@code --mount} value when it builds the RUN, after expanding the
   * option values: keys, types, booleans, sizes, modes and ids, and which options a mount type
   * allows. Null when the value is valid or depends on a value not known before the build.
   */
  static Problem mountError(String value, Expander expander) {
    GoValues.Csv csv = GoValues.csv(value);
    if (csv.error() != null) {
      return null; // reported by the instructions layer
    }
    String type = "bind";
    boolean hasFrom = false;
    boolean hasSource = false;
    boolean hasTarget = false;
    boolean hasId = false;
    String sharingField = null;
    String modeField = null;
    String uidField = null;
    String gidField = null;
    for (String field : csv.fields()) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq < 0) {
        switch (key) {
          case "readonly", "ro", "readwrite", "rw" -> {
            continue;
          }
          case "required" -> {
            if (type.equals("secret") || type.equals("ssh")) {
              continue;
            }
            return new Problem("unexpected key '" + key + "' for mount type '" + type + "'", field);
          }
          default -> {
            return new Problem("invalid field '" + field + "' must be a key=value pair", field);
          }
        }
      }
      String v = expander.expand(field.substring(eq + 1));
      if (v == null) {
        if (key.equals("type")) {
          return null; // the type decides what else is allowed
        }
        // a value known only at build time: its presence still counts
        hasFrom |= key.equals("from");
        hasSource |= key.equals("source") || key.equals("src");
        hasTarget |= key.equals("target") || key.equals("dst") || key.equals("destination");
        hasId |= key.equals("id");
        continue;
      }
      switch (key) {
        case "type" -> {
          String t = v.toLowerCase(Locale.ROOT);
          if (!MOUNT_TYPES.contains(t)) {
            return new Problem(suggested("unsupported mount type " + GoStrings.quote(v), v, MOUNT_TYPES), field);
          }
          type = t;
        }
        case "from" -> hasFrom |= !v.isEmpty();
        case "source", "src" -> hasSource |= !v.isEmpty();
        case "target", "dst", "destination" -> hasTarget |= !v.isEmpty();
        case "readonly", "ro", "readwrite", "rw" -> {
          if (CheckOptions.goBool(v) == null) {
            return new Problem("invalid value for " + key + ": " + v, field);
          }
        }
        case "required" -> {
          if (!type.equals("secret") && !type.equals("ssh")) {
            return new Problem("unexpected key '" + key + "' for mount type '" + type + "'", field);
          }
          if (CheckOptions.goBool(v) == null) {
            return new Problem("invalid value for " + key + ": " + v, field);
          }
        }
        case "size" -> {
          if (!type.equals("tmpfs")) {
            return new Problem("unexpected key '" + key + "' for mount type '" + type + "'", field);
          }
          if (!GoValues.isRamSize(v)) {
            return new Problem("invalid value for " + key + ": " + v, field);
          }
        }
        case "id" -> hasId |= !v.isEmpty();
        case "sharing" -> {
          if (!SHARING.contains(v.toLowerCase(Locale.ROOT))) {
            return new Problem(suggested("unsupported sharing value " + GoStrings.quote(v), v, SHARING), field);
          }
          sharingField = field;
        }
        case "mode" -> {
          if (!GoValues.isUint(v, 8, 32)) {
            return new Problem("invalid value " + v + " for mode", field);
          }
          modeField = field;
        }
        case "uid", "gid" -> {
          if (!GoValues.isUint(v, 10, 32)) {
            return new Problem("invalid value " + v + " for " + key, field);
          }
          if (key.equals("uid")) {
            uidField = field;
          } else {
            gidField = field;
          }
        }
        case "env" -> {
          // any name
        }
        default -> {
          return new Problem(suggested("unexpected key '" + key + "' in '" + field + "'", key, MOUNT_KEYS), field);
        }
      }
    }
    boolean fileInfo = type.equals("secret") || type.equals("ssh") || type.equals("cache");
    if (!fileInfo) {
      if (modeField != null) {
        return new Problem("mode not allowed for " + GoStrings.quote(type) + " type mounts", modeField);
      }
      if (uidField != null) {
        return new Problem("uid not allowed for " + GoStrings.quote(type) + " type mounts", uidField);
      }
      if (gidField != null) {
        return new Problem("gid not allowed for " + GoStrings.quote(type) + " type mounts", gidField);
      }
    }
    if (type.equals("secret")) {
      if (hasFrom) {
        return new Problem("secret mount should not have a from", "");
      }
      if (sharingField != null) {
        return new Problem("secret mount should not define sharing", sharingField);
      }
      if (!hasSource && !hasTarget && !hasId) {
        return new Problem("invalid secret mount. one of source, target required", "");
      }
      if (hasSource && hasId) {
        return new Problem("both source and id can't be set", "");
      }
    }
    if (sharingField != null && !type.equals("cache")) {
      return new Problem("invalid cache sharing set for " + type + " mount", sharingField);
    }
    return null;
  }

  private static String suggested(String message, String value, List<String> options) {
    String match = NameSuggestion.buildkit(value, options, true);
    return match == null ? message : message + " (did you mean " + match + "?)";
  }
}
