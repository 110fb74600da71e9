package dev.dockerlint.ast;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BuildKit's {@code # check=} directive: {@code skip=A,B} or {@code skip=all} turns checks off,
 * {@code experimental=A,B} or {@code experimental=all} turns experimental ones on, and
 * {@code error=true} makes the build fail when any check fires. Up to three {@code ;}-separated
 * parts; anything else fails the build ({@link #error()}).
 *
 * @param skip the check names listed in {@code skip=} (as written; BuildKit compares them exactly)
 * @param experimental the names listed in {@code experimental=}
 * @param error the parse error BuildKit fails the build with, or null
 */
public record CheckOptions(Set<String> skip, boolean skipAll, Set<String> experimental, boolean experimentalAll,
    boolean errorOnWarning, String error) {
  public static final CheckOptions NONE = new CheckOptions(Set.of(), false, Set.of(), false, false, null);

  /**
   * The names of BuildKit's checks ({@code docker build --check}). A rule aliasing one of them is
   * what the directive's {@code skip}, {@code experimental} and {@code error} speak about.
   */
  public static final Set<String> BUILDKIT_CHECKS = Set.of(
      "ConsistentInstructionCasing", "CopyIgnoredFile", "DuplicateStageName", "ExposeInvalidFormat",
      "ExposeProtoCasing", "FromAsCasing", "FromPlatformFlagConstDisallowed", "InvalidBaseImagePlatform",
      "InvalidDefaultArgInFrom", "InvalidDefinitionDescription", "JSONArgsRecommended", "LegacyKeyValueFormat",
      "MaintainerDeprecated", "MultipleInstructionsDisallowed", "NoEmptyContinuation", "RedundantTargetPlatform",
      "ReservedStageName", "SecretsUsedInArgOrEnv", "StageNameCasing", "UndefinedArgInFrom", "UndefinedVar",
      "WorkdirRelativePath");

  public CheckOptions {
    skip = Set.copyOf(skip);
    experimental = Set.copyOf(experimental);
  }

  /** True when one of {@code aliases} names a BuildKit check. */
  public static boolean isBuildkitCheck(List<String> aliases) {
    for (String alias : aliases) {
      if (BUILDKIT_CHECKS.contains(alias)) {
        return true;
      }
    }
    return false;
  }

  /** Reads a directive value (already cut at its first space, as BuildKit does). */
  public static CheckOptions parse(String value) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      return NONE;
    }
    Set<String> skip = new LinkedHashSet<>();
    Set<String> experimental = new LinkedHashSet<>();
    boolean skipAll = false;
    boolean experimentalAll = false;
    boolean error = false;
    // strings.SplitN(value, ";", 3): a third part keeps any further ';'
    String[] parts = splitN(text, 3);
    for (String part : parts) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        return failed("invalid check option " + quote(part));
      }
      String key = part.substring(0, eq).strip();
      String v = part.substring(eq + 1).strip();
      switch (key) {
        case "skip" -> {
          if (v.equals("all")) {
            skipAll = true;
          } else {
            addNames(skip, v);
          }
        }
        case "experimental" -> {
          if (v.equals("all")) {
            experimentalAll = true;
          } else {
            addNames(experimental, v);
          }
        }
        case "error" -> {
          Boolean b = goBool(v);
          if (b == null) {
            return failed("failed to parse check option " + quote(part) + ": strconv.ParseBool: parsing " + quote(v)
                + ": invalid syntax");
          }
          error = b;
        }
        default -> {
          return failed("invalid check option " + quote(key));
        }
      }
    }
    return new CheckOptions(skip, skipAll, experimental, experimentalAll, error, null);
  }

  /** Go's {@code strconv.ParseBool}, or null when the text is none of its spellings. */
  public static Boolean goBool(String v) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static CheckOptions failed(String message) {
    return new CheckOptions(Set.of(), false, Set.of(), false, false, "failed to parse check options: " + message);
  }

  private static void addNames(Set<String> into, String list) {
    for (String name : list.split(",", -1)) {
      into.add(name.strip());
    }
  }

  private static String[] splitN(String text, int n) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    int from = 0;
    while (parts.size() < n - 1) {
      int semi = text.indexOf(';', from);
      if (semi < 0) {
        break;
      }
      parts.add(text.substring(from, semi));
      from = semi + 1;
    }
    parts.add(text.substring(from));
    return parts.toArray(new String[0]);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** True when the directive switches on the experimental check of one of a rule's aliases. */
  public boolean enablesExperimental(List<String> aliases) {
    for (String alias : aliases) {
      if (BUILDKIT_CHECKS.contains(alias) && (experimentalAll || experimental.contains(alias))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code skip=} names the finding's check, or is {@code all} and it is a BuildKit check.
   * As in BuildKit, {@code skip} does not reach an experimental check the directive switches on.
   */
  public boolean skips(String rule, List<String> aliases) {
    if (enablesExperimental(aliases)) {
      return false;
    }
    if (skipAll && isBuildkitCheck(aliases)) {
      return true;
    }
    for (String name : skip) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals(rule)) {
        return true;
      }
      for (String alias : aliases) {
        if (alias.equalsIgnoreCase(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
