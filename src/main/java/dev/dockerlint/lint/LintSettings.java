package dev.dockerlint.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the configuration and command line decide about rules.
 *
 * @param ignored rule ids or aliases never reported ({@code DL4003} drops only the findings that
 *     alias stands for)
 * @param enabled rule ids switched on although off by default
 * @param severities per-rule severity overrides, by rule id
 * @param trustedRegistries registries FROM may use; empty means no restriction
 */
public record LintSettings(
    Set<String> ignored, Set<String> enabled, Map<String, Severity> severities, List<String> trustedRegistries) {
  public static final LintSettings DEFAULTS = new LintSettings(Set.of(), Set.of(), Map.of(), List.of());

  public LintSettings {
    ignored = Set.copyOf(ignored);
    enabled = Set.copyOf(enabled);
    severities = Map.copyOf(severities);
    trustedRegistries = List.copyOf(trustedRegistries);
  }
}
