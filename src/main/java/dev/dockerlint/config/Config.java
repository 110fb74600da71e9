package dev.dockerlint.config;

import dev.dockerlint.lint.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@code .dockerlint.yaml}, or of a hadolint config read into dockerlint's terms.
 *
 * @param source the file it came from, or null for the built-in defaults
 * @param failureThreshold the lowest severity that fails the run, in dockerlint's meaning ("none"
 *     never fails; a hadolint config's {@code none} fails on any finding, so it is read as "style");
 *     null means unset
 * @param format the default output format, or null
 * @param labelSchema required labels and their value formats
 * @param strictLabels whether labels the schema does not name are reported (hadolint's
 *     {@code strict-labels})
 * @param warnings things worth telling the user that do not stop the run (a hadolint setting
 *     dockerlint has no equivalent for)
 * @param origin where the file was found, which decides how far it is trusted
 * @param switches the on/off settings, each unset unless the file gives it
 * @param hadolint whether the file is a hadolint config ({@code .hadolint.yaml}): then the run's
 *     default failure threshold is hadolint's, {@code info}
 * @param shellcheck the {@code shellcheck:} setting: null when unset, {@code "false"} (ShellCheck off
 *     for the Dockerfiles this config applies to), {@code "true"}, or the absolute path of the
 *     executable (accepted only from a {@linkplain ConfigOrigin#trusted() trusted} config)
 * @param customRules the {@code custom-rules:} entries: rule pack files or directories, relative to
 *     the config file ({@link ConfigResolver#customRulePaths} resolves them)
 * @param deferredRules rule names in ignore/enable/severity that no built-in rule has, kept for the
 *     config's own rule packs to define (checked once they are loaded)
 */
public record Config(
    Path source, List<String> ignore, List<String> enable, Map<String, Severity> severity,
    String failureThreshold, List<String> trustedRegistries, String format, Map<String, String> labelSchema,
    List<String> warnings, ConfigOrigin origin, Switches switches, boolean hadolint, String shellcheck,
    List<Entry> customRules, List<Entry> deferredRules) {
  public static final Config EMPTY = new Config(null, List.of(), List.of(), Map.of(), null, List.of(), null, Map.of(),
      List.of(), ConfigOrigin.DEFAULTS, Switches.NONE, false, null, List.of(), List.of());

  /**
   * A value of the config with where it is written.
   *
   * @param where {@code file:line:col}
   */
  public record Entry(String value, String where) {}

  /** A config without rule packs. */
  public Config(
      Path source, List<String> ignore, List<String> enable, Map<String, Severity> severity,
      String failureThreshold, List<String> trustedRegistries, String format, Map<String, String> labelSchema,
      List<String> warnings, ConfigOrigin origin, Switches switches, boolean hadolint, String shellcheck) {
    this(source, ignore, enable, severity, failureThreshold, trustedRegistries, format, labelSchema, warnings, origin,
        switches, hadolint, shellcheck, List.of(), List.of());
  }

  /**
   * The on/off settings a config may give; null where it does not, so that a setting from the
   * environment or the command line can be told from the default.
   *
   * @param noFail findings never fail the run (hadolint's {@code no-fail})
   * @param noColor no colour in the output (hadolint's {@code no-color})
   * @param verbose say on stderr which configs and failure threshold the run used
   * @param strictLabels report labels the label schema does not name
   * @param disableIgnorePragma disregard the suppressions written in the Dockerfiles
   */
  public record Switches(Boolean noFail, Boolean noColor, Boolean verbose, Boolean strictLabels,
      Boolean disableIgnorePragma) {
    public static final Switches NONE = new Switches(null, null, null, null, null);
  }

  public Config {
    ignore = List.copyOf(ignore);
    enable = List.copyOf(enable);
    severity = Map.copyOf(severity);
    trustedRegistries = List.copyOf(trustedRegistries);
    labelSchema = Map.copyOf(labelSchema);
    warnings = List.copyOf(warnings);
    customRules = List.copyOf(customRules);
    deferredRules = List.copyOf(deferredRules);
  }

  /** A config as read from a file, not yet placed: the least trusted origin until the caller says otherwise. */
  public Config(
      Path source, List<String> ignore, List<String> enable, Map<String, Severity> severity,
      String failureThreshold, List<String> trustedRegistries, String format, Map<String, String> labelSchema,
      List<String> warnings) {
    this(source, ignore, enable, severity, failureThreshold, trustedRegistries, format, labelSchema, warnings,
        ConfigOrigin.REPOSITORY, Switches.NONE, false, null);
  }

  /** A config without switches or a {@code shellcheck:} setting, not hadolint's. */
  public Config(
      Path source, List<String> ignore, List<String> enable, Map<String, Severity> severity,
      String failureThreshold, List<String> trustedRegistries, String format, Map<String, String> labelSchema,
      List<String> warnings, ConfigOrigin origin) {
    this(source, ignore, enable, severity, failureThreshold, trustedRegistries, format, labelSchema, warnings,
        origin, Switches.NONE, false, null);
  }

  /** This config as read from {@code file}, found at {@code origin}. */
  public Config placed(Path file, ConfigOrigin origin) {
    return new Config(file, ignore, enable, severity, failureThreshold, trustedRegistries, format, labelSchema,
        warnings, origin, switches, hadolint, shellcheck, customRules, deferredRules);
  }

  /** Whether {@code shellcheck: false} turns ShellCheck off for the Dockerfiles this config applies to. */
  public boolean shellcheckOff() {
    return "false".equals(shellcheck);
  }

  /** The executable {@code shellcheck:} names, if it names one (only a trusted config can). */
  public Optional<Path> shellcheckExecutable() {
    return shellcheck == null || shellcheck.equals("true") || shellcheck.equals("false") ? Optional.empty()
        : Optional.of(Path.of(shellcheck));
  }

  /** Whether it comes from whoever runs dockerlint (command line, user config) rather than from the repository. */
  public boolean trusted() {
    return origin.trusted();
  }

  public Optional<String> failureThresholdValue() {
    return Optional.ofNullable(failureThreshold);
  }

  public Optional<String> formatValue() {
    return Optional.ofNullable(format);
  }
}
