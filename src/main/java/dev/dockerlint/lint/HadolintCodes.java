package dev.dockerlint.lint;

import java.util.Locale;

/**
 * hadolint's rule codes: {@code DL1000}-{@code DL1001} (parse error, inline pragmas),
 * {@code DL3000}-{@code DL3067} and {@code DL4000}-{@code DL4006}, retired ones included (a config
 * written for an older hadolint still lists them), and ShellCheck's {@code SCxxxx}, which hadolint
 * reports as its own. A name outside these is not hadolint's either: a typo, or another tool's.
 */
public final class HadolintCodes {
  private HadolintCodes() {}

  /** Whether hadolint knows the code ({@code DL3020}, {@code SC2086}; case-insensitive). */
  public static boolean isHadolintCode(String name) {
    if (name.length() != 6) {
      return false;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    for (int i = 2; i < 6; i++) {
      if (upper.charAt(i) < '0' || upper.charAt(i) > '9') {
        return false;
      }
    }
    int number = Integer.parseInt(upper.substring(2));
    if (upper.startsWith("SC")) {
      return true;
    }
    if (!upper.startsWith("DL")) {
      return false;
    }
    return number >= 1000 && number <= 1001 || number >= 3000 && number <= 3067 || number >= 4000 && number <= 4006;
  }

  /**
   * Whether the name is one of ShellCheck's codes ({@code SC2086}), which hadolint reports for RUN
   * scripts. Configs and the command line accept them as rule names: ShellCheck's findings carry them.
   */
  public static boolean isShellCheckCode(String name) {
    return name.length() == 6 && isHadolintCode(name) && (name.charAt(0) == 'S' || name.charAt(0) == 's');
  }

  /**
   * Why naming a code no rule stands for has no effect, for a warning: one of hadolint's codes for a
   * check dockerlint does not have, or a name neither tool knows.
   *
   * @param effect what has no effect ("ignoring it", "its severity")
   */
  public static String noEffect(String name, String effect) {
    if (isHadolintCode(name)) {
      return "'" + name + "' is hadolint's code for a check dockerlint does not have, so " + effect + " has no effect";
    }
    return "'" + name + "' is not a rule dockerlint or hadolint knows, so " + effect + " has no effect; "
        + "run 'dockerlint rules' for the list of ids";
  }

  /**
   * The code hadolint's formats show for a finding: the first of its aliases that is a hadolint code
   * ({@code DL3007}), else the rule id, so a hadolint user's tooling sees the codes it knows.
   */
  public static String of(Finding finding) {
    for (String alias : finding.aliases()) {
      if (isHadolintCode(alias)) {
        return alias.toUpperCase(Locale.ROOT);
      }
    }
    return finding.rule();
  }
}
