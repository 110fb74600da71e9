package dev.dockerlint.cli;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.HadolintEnvironment;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.report.Reporters;
import java.util.List;

/**
 * Which findings fail the run, and which setting said so. Each source keeps its own meaning:
 * dockerlint's command line and {@code .dockerlint.yaml} dockerlint's ({@code none} never fails),
 * hadolint's config and {@code HADOLINT_FAILURE_THRESHOLD} hadolint's (read by
 * {@link dev.dockerlint.config.HadolintValues#threshold} as dockerlint's {@code style} for hadolint's
 * {@code none}). In order:
 *
 * <ol>
 *   <li>a {@code codeclimate} or {@code codacy} report: never, as in hadolint;
 *   <li>the command line: {@code --no-fail}, else {@code --failure-threshold}/{@code -t};
 *   <li>the environment: {@code HADOLINT_NOFAIL} true, else {@code HADOLINT_FAILURE_THRESHOLD};
 *   <li>the working directory's config: {@code no-fail: true} (unless {@code HADOLINT_NOFAIL} is
 *       false), else its {@code failure-threshold};
 *   <li>the default: hadolint's {@code info} for a hadolint setup (a hadolint config applies, or
 *       no config does and a {@code HADOLINT_*} variable is set), else dockerlint's {@code warning}.
 * </ol>
 *
 * <p>Within one source no-fail wins over the threshold, as in hadolint; across sources the earlier
 * wins, so a repository's {@code no-fail: true} cannot overrule the threshold its CI gives.
 *
 * @param failAt the least severe finding that fails the run, or null when findings never do
 * @param reason where that came from, for {@code --verbose}
 * @param fromConfig whether the config file decided it (so the reports name that config)
 */
record FailureGate(Severity failAt, String reason, boolean fromConfig) {
  /**
   * @param threshold the command line's {@code --failure-threshold}, lower-cased and valid, or null
   * @param noFail whether {@code --no-fail} was given
   * @param shownConfig the config as messages name it, or null for the defaults
   */
  static FailureGate of(String threshold, boolean noFail, HadolintEnvironment env, Config config, String shownConfig,
      List<String> formats) {
    for (String format : formats) {
      if (Reporters.neverFails(format)) {
        return new FailureGate(null, "a " + format + " report never fails the run", false);
      }
    }
    if (noFail) {
      return new FailureGate(null, "--no-fail", false);
    }
    if (threshold != null) {
      return level(threshold, "--failure-threshold", false);
    }
    if (Boolean.TRUE.equals(env.noFail())) {
      return new FailureGate(null, "HADOLINT_NOFAIL", false);
    }
    if (env.failureThreshold() != null) {
      return level(env.failureThreshold(), "HADOLINT_FAILURE_THRESHOLD, in hadolint's meaning", false);
    }
    if (env.noFail() == null && Boolean.TRUE.equals(config.switches().noFail())) {
      return new FailureGate(null, "no-fail in " + shownConfig, true);
    }
    if (config.failureThreshold() != null) {
      return level(config.failureThreshold(), "failure-threshold in " + shownConfig
          + (config.hadolint() ? ", in hadolint's meaning" : ""), true);
    }
    if (config.hadolint()) {
      return level("info", "hadolint's default, as " + shownConfig + " is a hadolint config", false);
    }
    if (config.source() == null && env.present()) {
      return level("info", "hadolint's default, as HADOLINT_* variables are set", false);
    }
    return level("warning", "dockerlint's default", false);
  }

  private static FailureGate level(String threshold, String reason, boolean fromConfig) {
    Severity failAt = threshold.equals("none") ? null : Severity.parse(threshold).orElseThrow();
    return new FailureGate(failAt, reason, fromConfig);
  }

  /** The line {@code --verbose} prints. */
  String describe() {
    return failAt == null ? "findings never fail the run (" + reason + ")"
        : "failure threshold: " + failAt.label() + " (" + reason + ")";
  }
}
