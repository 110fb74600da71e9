package dev.dockerlint.config;

import dev.dockerlint.lint.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@code .dockerlint.yaml}.
 *
 * @param source the file it came from, or null for the built-in defaults
 * @param failureThreshold the lowest severity that fails the run; null means unset, "none" never fails
 * @param format the default output format, or null
 * @param labelSchema required labels and their value formats
 * @param strictLabels whether labels the schema does not name are reported (hadolint's
 *     {@code strict-labels})
 * @param warnings things worth telling the user that do not stop the run (a hadolint setting
 *     dockerlint has no equivalent for)
 */
public record Config(
    Path source, List<String> ignore, List<String> enable, Map<String, Severity> severity,
    String failureThreshold, List<String> trustedRegistries, String format, Map<String, String> labelSchema,
    boolean strictLabels, List<String> warnings) {
  public static final Config EMPTY =
      new Config(null, List.of(), List.of(), Map.of(), null, List.of(), null, Map.of(), false, List.of());

  public Config {
    ignore = List.copyOf(ignore);
    enable = List.copyOf(enable);
    severity = Map.copyOf(severity);
    trustedRegistries = List.copyOf(trustedRegistries);
    labelSchema = Map.copyOf(labelSchema);
    warnings = List.copyOf(warnings);
  }

  public Optional<String> failureThresholdValue() {
    return Optional.ofNullable(failureThreshold);
  }

  public Optional<String> formatValue() {
    return Optional.ofNullable(format);
  }
}
