package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.lint.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(Set.of("image-latest", "dl3007", "user-root", "healthcheck-missing"));
  private final Path file = Path.of(".dockerlint.yaml");

  @Test
  void readsEveryKey() throws ConfigException {
    Config config = loader.parse(file, """
        failure-threshold: Error
        ignore: [DL3007, healthcheck-missing]
        enable:
          - user-root
        severity:
          image-latest: info
        trusted-registries: [docker.io, ghcr.io]
        format: sarif
        """);
    assertThat(config.failureThreshold()).isEqualTo("error");
    assertThat(config.ignore()).containsExactly("DL3007", "healthcheck-missing");
    assertThat(config.enable()).containsExactly("user-root");
    assertThat(config.severity()).isEqualTo(Map.of("image-latest", Severity.INFO));
    assertThat(config.trustedRegistries()).containsExactly("docker.io", "ghcr.io");
    assertThat(config.format()).isEqualTo("sarif");
  }

  @Test
  void emptyFileIsAnEmptyConfig() throws ConfigException {
    assertThat(loader.parse(file, "# nothing yet\n").ignore()).isEmpty();
  }

  @Test
  void unknownKeyNamesLineColumnAndAllowedKeys() {
    assertThatThrownBy(() -> loader.parse(file, "ignore: []\nignored: [DL3007]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(".dockerlint.yaml:2:1: unknown key 'ignored'; allowed keys: custom-rules, disable-ignore-pragma, enable, "
            + "failure-threshold, format, ignore, label-schema, severity, shellcheck, strict-labels, trusted-registries");
  }

  @Test
  void unknownRuleIsAnError() {
    assertThatThrownBy(() -> loader.parse(file, "ignore:\n  - image-latest\n  - no-such-rule\n"))
        .hasMessageStartingWith(".dockerlint.yaml:3:5: unknown rule 'no-such-rule'");
    assertThatThrownBy(() -> loader.parse(file, "severity:\n  nope: error\n"))
        .hasMessageStartingWith(".dockerlint.yaml:2:3: unknown rule 'nope'");
  }

  @Test
  void invalidValuesListWhatIsAllowed() {
    assertThatThrownBy(() -> loader.parse(file, "failure-threshold: fatal\n"))
        .hasMessage(".dockerlint.yaml:1:20: invalid value 'fatal'; expected one of error, warning, info, style, none");
    assertThatThrownBy(() -> loader.parse(file, "severity:\n  image-latest: critical\n"))
        .hasMessageContaining("expected one of error, warning, info, style");
    assertThatThrownBy(() -> loader.parse(file, "ignore: image-latest\n"))
        .hasMessage(".dockerlint.yaml:1:9: expected a list such as [a, b]");
    assertThatThrownBy(() -> loader.parse(file, "- a\n- b\n")).hasMessageContaining("must be a mapping");
  }

  @Test
  void rejectsTagsThatWouldConstructObjects() {
    assertThatThrownBy(() -> loader.parse(file, "ignore: !!javax.script.ScriptEngineManager [image-latest]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining(".dockerlint.yaml:1:");
    assertThatThrownBy(() -> loader.parse(file, "format: !custom text\n"))
        .hasMessageContaining("YAML tags are not allowed");
  }

  @Test
  // a hang guard against superlinear blow-ups on huge input; speed itself is measured in bench/
  @Timeout(60)
  void billionLaughsFailsFast() {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = c;
    }
    assertThatThrownBy(() -> loader.parse(file, yaml.toString())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("aliases");
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThatThrownBy(() -> loader.parse(file, "format: text\nformat: json\n"))
        .hasMessage(".dockerlint.yaml:2:1: duplicate key 'format'");
  }

  @Test
  void readsAHadolintConfigThroughAliases() throws ConfigException {
    Config config = loader.parse(Path.of(".hadolint.yaml"), """
        failure-threshold: error
        ignored:
          - DL3007
          - SC2086
        override:
          info: [DL3007]
        trustedRegistries:
          - docker.io
          - my-company.com:5000
        label-schema:
          maintainer: text
          org.opencontainers.image.created: rfc3339
        format: tty
        """);
    assertThat(config.hadolint()).isTrue();
    assertThat(config.ignore()).as("ShellCheck's codes are rule names").containsExactly("DL3007", "SC2086");
    assertThat(config.severity()).containsEntry("DL3007", Severity.INFO);
    assertThat(config.trustedRegistries()).containsExactly("docker.io", "my-company.com:5000");
    assertThat(config.failureThreshold()).isEqualTo("error");
    assertThat(config.labelSchema()).containsEntry("org.opencontainers.image.created", "rfc3339");
    assertThat(config.format()).isEqualTo("tty");
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void hadolintKeysAreRecognisedWhateverTheFileName() throws ConfigException {
    Config config = loader.parse(Path.of("lint.yaml"), "ignored: [DL3007]\nno-fail: true\n");
    assertThat(config.hadolint()).isTrue();
    assertThat(config.ignore()).containsExactly("DL3007");
    assertThat(config.switches().noFail()).isTrue();
    assertThat(config.failureThreshold()).isNull();
    assertThat(loader.parse(Path.of("lint.yaml"), "ignore: [DL3007]\nstrict-labels: true\n").hadolint())
        .as("dockerlint's keys, strict-labels among them").isFalse();
  }

  @Test
  void theReadmeConfigurationExampleLoads() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("\n## Configuration\n");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    Config config = loader.parse(file, readme.substring(start, readme.indexOf("```", start)));
    assertThat(config.labelSchema()).containsEntry("org.opencontainers.image.source", "url");
    assertThat(config.switches().strictLabels()).isFalse();
    assertThat(config.trustedRegistries()).containsExactly("docker.io", "gcr.io");
  }

  @Test
  void strictLabelsIsReadInBothFormats() throws ConfigException {
    assertThat(loader.parse(file, "strict-labels: true\n").switches().strictLabels()).isTrue();
    assertThat(loader.parse(file, "label-schema:\n  a: text\n").switches().strictLabels()).as("not given").isNull();
    Config hadolint = loader.parse(Path.of(".hadolint.yaml"), "strict-labels: true\nlabel-schema:\n  a: text\n");
    assertThat(hadolint.switches().strictLabels()).isTrue();
    assertThat(hadolint.warnings()).isEmpty();
    assertThatThrownBy(() -> loader.parse(file, "strict-labels: maybe\n"))
        .hasMessage(".dockerlint.yaml:1:16: expected true or false");
  }

  @Test
  void labelSchemaFormatsAreValidated() {
    assertThatThrownBy(() -> loader.parse(file, "label-schema:\n  version: number\n"))
        .hasMessage(".dockerlint.yaml:2:12: invalid value 'number'; expected one of text, rfc3339, url, semver, hash, spdx, email");
  }
}
