package dev.dockerlint.lint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the configuration and command line decide about rules.
 *
 * @param ignored rule ids or aliases never reported ({@code DL4003} drops only the findings that
 *     alias stands for)
 * @param enabled rule ids switched on although off by default
 * @param severities per-rule severity overrides, by rule id or, lower-cased, by alias ({@code dl3009}
 *     changes only the findings that alias stands for; an alias wins over the rule id)
 * @param trustedRegistries registries FROM may use; empty means no restriction
 * @param labelSchema required labels and the format of their values ({@code text}, {@code rfc3339},
 *     {@code url}, {@code semver}, {@code hash}, {@code spdx}, {@code email})
 * @param contextDir the build context given with {@code --context}, or null for each Dockerfile's
 *     own directory
 * @param strictLabels whether a label the schema does not name is reported (hadolint's
 *     {@code strict-labels})
 * @param disableIgnorePragma whether the Dockerfile's own suppressions are disregarded: the
 *     {@code # dockerlint ignore=} and {@code # hadolint ignore=} pragmas (line, stage and global)
 *     and BuildKit's {@code # check=skip=} (hadolint's {@code disable-ignore-pragma})
 * @param pinnedImages the tag to pin each image to, by its name as written in FROM
 *     ({@code --pin-image node=20.15-alpine}): image-latest and image-untagged then offer a fix
 */
public record LintSettings(
    Set<String> ignored, Set<String> enabled, Map<String, Severity> severities, List<String> trustedRegistries,
    Map<String, String> labelSchema, Path contextDir, boolean strictLabels, boolean disableIgnorePragma,
    Map<String, String> pinnedImages) {
  public static final LintSettings DEFAULTS = new LintSettings(Set.of(), Set.of(), Map.of(), List.of());

  public LintSettings {
    ignored = Set.copyOf(ignored);
    enabled = Set.copyOf(enabled);
    severities = Map.copyOf(severities);
    trustedRegistries = List.copyOf(trustedRegistries);
    labelSchema = Map.copyOf(labelSchema);
    pinnedImages = Map.copyOf(pinnedImages);
  }

  /** Settings without pinned images. */
  public LintSettings(Set<String> ignored, Set<String> enabled, Map<String, Severity> severities,
      List<String> trustedRegistries, Map<String, String> labelSchema, Path contextDir, boolean strictLabels,
      boolean disableIgnorePragma) {
    this(ignored, enabled, severities, trustedRegistries, labelSchema, contextDir, strictLabels, disableIgnorePragma,
        Map.of());
  }

  public LintSettings(Set<String> ignored, Set<String> enabled, Map<String, Severity> severities,
      List<String> trustedRegistries, Map<String, String> labelSchema, Path contextDir, boolean strictLabels) {
    this(ignored, enabled, severities, trustedRegistries, labelSchema, contextDir, strictLabels, false);
  }

  public LintSettings(Set<String> ignored, Set<String> enabled, Map<String, Severity> severities,
      List<String> trustedRegistries, Map<String, String> labelSchema, Path contextDir) {
    this(ignored, enabled, severities, trustedRegistries, labelSchema, contextDir, false);
  }

  public LintSettings(Set<String> ignored, Set<String> enabled, Map<String, Severity> severities,
      List<String> trustedRegistries) {
    this(ignored, enabled, severities, trustedRegistries, Map.of(), null);
  }

  public Optional<Path> contextDirectory() {
    return Optional.ofNullable(contextDir);
  }
}
