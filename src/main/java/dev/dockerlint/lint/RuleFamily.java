package dev.dockerlint.lint;

import java.util.List;
import java.util.Locale;

/**
 * Codes an analyzer reports, known by their shape rather than listed one by one: ShellCheck's
 * {@code SC1000}-{@code SC9999}. The catalog resolves them, so pragmas, configs, {@code --ignore},
 * severity overrides and baselines take them as they take rule ids; a report describes one with
 * {@link #info} when a finding needs it. No rule class stands behind a code.
 */
public final class RuleFamily {
  private final String tool;
  private final String prefix;
  private final int digits;
  private final String helpUriPrefix;
  private final Applicability fix;

  /**
   * @param tool the analyzer as users know it ({@code ShellCheck})
   * @param prefix the letters every code starts with ({@code SC})
   * @param digits how many digits follow them
   * @param helpUriPrefix a code's documentation is this followed by the code
   */
  public RuleFamily(String tool, String prefix, int digits, String helpUriPrefix) {
    this(tool, prefix, digits, helpUriPrefix, null);
  }

  /** @param fix the kind of fix the analyzer's findings may carry, or null */
  public RuleFamily(String tool, String prefix, int digits, String helpUriPrefix, Applicability fix) {
    this.fix = fix;
    this.tool = tool;
    this.prefix = prefix.toUpperCase(Locale.ROOT);
    this.digits = digits;
    this.helpUriPrefix = helpUriPrefix;
  }

  public String tool() {
    return tool;
  }

  /** Whether {@code name} is one of the family's codes, in any case ({@code sc2086}, {@code SC2086}). */
  public boolean contains(String name) {
    if (name.length() != prefix.length() + digits || !name.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    for (int i = prefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The code as the analyzer writes it: {@code sc2086} gives {@code SC2086}. */
  public String canonical(String code) {
    return code.toUpperCase(Locale.ROOT);
  }

  /** The page that explains a code. */
  public String helpUri(String code) {
    return helpUriPrefix + canonical(code);
  }

  /** A code described as a rule, for reports that list the rules of their findings (SARIF). */
  public RuleInfo info(String code, Severity severity) {
    String id = canonical(code);
    return new RuleInfo(id, severity, true, List.of(), tool + " check " + id + " (see " + helpUri(id) + ")",
        List.of(), null, helpUri(id), fix);
  }
}
