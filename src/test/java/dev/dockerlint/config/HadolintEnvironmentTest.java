package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** hadolint's {@code HADOLINT_*} variables, each read as hadolint reads it. */
class HadolintEnvironmentTest {
  @Test
  void noVariableIsNothing() {
    HadolintEnvironment env = HadolintEnvironment.of(Map.of("HOME", "/home/me", "NO_COLOR", "1", "HADOLINT", "x"));
    assertThat(env).isSameAs(HadolintEnvironment.NONE);
    assertThat(env.present()).isFalse();
    assertThat(env.noFail()).isNull();
    assertThat(env.formats()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "y", "Y", "on", "true", "TRUE", "yes", " yes "})
  void truthyValuesAreTrue(String value) {
    HadolintEnvironment env = HadolintEnvironment.of(Map.of("HADOLINT_NOFAIL", value, "HADOLINT_VERBOSE", value,
        "HADOLINT_STRICT_LABELS", value, "HADOLINT_DISABLE_IGNORE_PRAGMA", value));
    assertThat(List.of(env.noFail(), env.verbose(), env.strictLabels(), env.disableIgnorePragma())).containsOnly(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "n", "false", "off", "", "2", "enabled"})
  void anyOtherValueIsAnExplicitFalse(String value) {
    HadolintEnvironment env = HadolintEnvironment.of(Map.of("HADOLINT_NOFAIL", value, "HADOLINT_VERBOSE", value,
        "HADOLINT_STRICT_LABELS", value, "HADOLINT_DISABLE_IGNORE_PRAGMA", value));
    assertThat(List.of(env.noFail(), env.verbose(), env.strictLabels(), env.disableIgnorePragma())).containsOnly(false);
    assertThat(env.present()).isTrue();
  }

  @Test
  void formatsAreACommaListInHadolintsNames() {
    HadolintEnvironment env = HadolintEnvironment.of(Map.of("HADOLINT_FORMAT", "json, sarif,,tty,yaml,json"));
    assertThat(env.formats()).containsExactly("hadolint-json", "sarif", "tty");
    assertThat(env.warnings()).containsExactly("HADOLINT_FORMAT names 'yaml', which is not one of hadolint's formats "
        + "(tty, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif, junit); skipped");
  }

  @Test
  void theThresholdKeepsHadolintsMeaning() {
    assertThat(HadolintEnvironment.of(Map.of("HADOLINT_FAILURE_THRESHOLD", "none")).failureThreshold()).isEqualTo("style");
    assertThat(HadolintEnvironment.of(Map.of("HADOLINT_FAILURE_THRESHOLD", "ignore")).failureThreshold()).isEqualTo("style");
    assertThat(HadolintEnvironment.of(Map.of("HADOLINT_FAILURE_THRESHOLD", "Warning")).failureThreshold()).isEqualTo("warning");
    HadolintEnvironment invalid = HadolintEnvironment.of(Map.of("HADOLINT_FAILURE_THRESHOLD", "fatal"));
    assertThat(invalid.failureThreshold()).isNull();
    assertThat(invalid.warnings()).containsExactly("HADOLINT_FAILURE_THRESHOLD is 'fatal', which is not one of error, "
        + "warning, info, style, ignore, none; skipped");
  }

  @Test
  void overridesIgnoreAndRegistriesAreCommaLists() {
    HadolintEnvironment env = HadolintEnvironment.of(Map.of("HADOLINT_OVERRIDE_ERROR", "DL3002,DL3007",
        "HADOLINT_OVERRIDE_WARNING", "DL3015", "HADOLINT_OVERRIDE_INFO", " DL3008 ", "HADOLINT_OVERRIDE_STYLE", "DL3002",
        "HADOLINT_IGNORE", "DL3006,SC2086", "HADOLINT_TRUSTED_REGISTRIES", "docker.io,*.gcr.io"));
    assertThat(env.overrides()).isEqualTo(Map.of(Severity.ERROR, List.of("DL3002", "DL3007"),
        Severity.WARNING, List.of("DL3015"), Severity.INFO, List.of("DL3008"), Severity.STYLE, List.of("DL3002")));
    assertThat(env.ignore()).containsExactly("DL3006", "SC2086");
    assertThat(env.trustedRegistries()).containsExactly("docker.io", "*.gcr.io");
  }

  @Test
  void requiredLabelsAreNameFormatItems() {
    HadolintEnvironment env = HadolintEnvironment.of(Map.of("HADOLINT_REQUIRE_LABELS",
        "maintainer:text,version:SEMVER,org.example.url:url,bad,size:number,:text"));
    assertThat(env.labelSchema()).isEqualTo(Map.of("maintainer", "text", "version", "semver", "org.example.url", "url"));
    assertThat(env.warnings()).hasSize(3).allMatch(w -> w.startsWith("HADOLINT_REQUIRE_LABELS names '")
        && w.endsWith("', which is not NAME:FORMAT with a format of text, rfc3339, url, semver, hash, spdx, email; skipped"));
  }
}
