package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.lint.Severity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every key hadolint documents for {@code .hadolint.yaml}, read with hadolint's meaning; and the
 * hadolint codes dockerlint has no rule for, a warning wherever a rule may be named.
 */
class HadolintConfigTest {
  /** DL3005 is retired in hadolint: a code of hadolint's that no dockerlint rule will stand for. */
  static final String RETIRED = "DL3005";

  private final ConfigLoader loader = new ConfigLoader(Set.of("image-latest", "dl3007", "user-root", "dl3002"));
  private final Path file = Path.of(".hadolint.yaml");

  private Config parse(String yaml) throws ConfigException {
    return loader.parse(file, yaml);
  }

  @ParameterizedTest
  @CsvSource({"error,error", "warning,warning", "info,info", "style,style", "ignore,style", "none,style", "NONE,style"})
  void failureThresholdKeepsHadolintsMeaning(String hadolint, String dockerlint) throws ConfigException {
    // hadolint's none and ignore fail on any finding: dockerlint's style
    assertThat(parse("failure-threshold: " + hadolint + "\n").failureThreshold()).isEqualTo(dockerlint);
  }

  @Test
  void anInvalidThresholdListsHadolintsValues() {
    assertThatThrownBy(() -> parse("failure-threshold: fatal\n"))
        .hasMessage(".hadolint.yaml:1:20: invalid value 'fatal'; expected one of error, warning, info, style, ignore, none");
  }

  @ParameterizedTest
  @CsvSource({"tty,tty", "json,hadolint-json", "checkstyle,checkstyle", "codeclimate,codeclimate",
      "gitlab_codeclimate,gitlab_codeclimate", "gnu,gnu", "codacy,codacy", "sonarqube,sonarqube", "sarif,sarif",
      "junit,junit"})
  void formatKeepsHadolintsMeaning(String hadolint, String dockerlint) throws ConfigException {
    assertThat(parse("format: " + hadolint + "\n").format()).isEqualTo(dockerlint);
    assertThat(parse("output-format: " + hadolint + "\n").format()).as("the key older versions read").isEqualTo(dockerlint);
  }

  @Test
  void formatsGiveOneReportAndSayWhichWereSkipped() throws ConfigException {
    Config config = parse("format: json\nformats: [json, sarif]\n");
    assertThat(config.format()).isEqualTo("hadolint-json");
    assertThat(config.warnings()).containsExactly(".hadolint.yaml: a config gives one report format, so 'sarif' was "
        + "skipped; write more reports with --format");
    assertThat(parse("formats: [checkstyle]\n").format()).isEqualTo("checkstyle");
    assertThatThrownBy(() -> parse("format: text\n"))
        .hasMessageStartingWith(".hadolint.yaml:1:9: invalid value 'text'; expected one of tty, json, checkstyle");
  }

  @Test
  void overrideGivesTheMostSevereLevelACodeIsListedUnder() throws ConfigException {
    Config config = parse("""
        override:
          error: [DL3002]
          style: [DL3002, DL3007]
          info: [image-latest]
          warning: [DL3007]
        """);
    Map<String, Severity> expected = new LinkedHashMap<>();
    expected.put("image-latest", Severity.INFO);
    expected.put("DL3007", Severity.WARNING);
    expected.put("DL3002", Severity.ERROR);
    assertThat(config.severity()).isEqualTo(expected);
    assertThatThrownBy(() -> parse("override:\n  fatal: [DL3002]\n"))
        .hasMessage(".hadolint.yaml:2:3: invalid value 'fatal'; expected one of error, warning, info, style");
    assertThatThrownBy(() -> parse("override: [DL3002]\n")).hasMessageContaining("'override' must map error, warning");
  }

  @Test
  void trustedRegistriesAreAListOrOneRegistry() throws ConfigException {
    assertThat(parse("trustedRegistries: [docker.io, \"*.gcr.io\"]\n").trustedRegistries()).containsExactly("docker.io", "*.gcr.io");
    assertThat(parse("trustedRegistries: my-company.com:5000\n").trustedRegistries()).containsExactly("my-company.com:5000");
  }

  @Test
  void anEmptyLabelFormatIsText() throws ConfigException {
    Config config = parse("label-schema:\n  author: \"\"\n  contact:\n  version: semver\n  license: SPDX\n");
    assertThat(config.labelSchema()).isEqualTo(Map.of("author", "text", "contact", "text", "version", "semver", "license", "spdx"));
    assertThatThrownBy(() -> parse("label-schema:\n  version: number\n")).hasMessageContaining("invalid value 'number'");
  }

  @Test
  void theSwitchesAreReadAndUnsetUnlessGiven() throws ConfigException {
    Config on = parse("no-fail: true\nno-color: yes\nverbose: true\nstrict-labels: true\ndisable-ignore-pragma: true\n");
    assertThat(on.switches()).isEqualTo(new Config.Switches(true, true, true, true, true));
    Config off = parse("no-fail: false\nno-color: false\nverbose: false\nstrict-labels: false\ndisable-ignore-pragma: false\n");
    assertThat(off.switches()).isEqualTo(new Config.Switches(false, false, false, false, false));
    assertThat(parse("ignored: []\n").switches()).isEqualTo(Config.Switches.NONE);
    assertThatThrownBy(() -> parse("no-fail: sometimes\n")).hasMessage(".hadolint.yaml:1:10: expected true or false");
  }

  @Test
  void unknownKeysAreSkippedWithAWarningAsHadolintIgnoresThem() throws ConfigException {
    Config config = parse("ignored: [DL3007]\nignore: [DL3002]\n");
    assertThat(config.ignore()).containsExactly("DL3007");
    assertThat(config.warnings()).containsExactly(".hadolint.yaml:2:1: unknown key 'ignore' in a hadolint config, "
        + "skipped; hadolint's keys: failure-threshold, format, formats, output-format, ignored, label-schema, no-color, "
        + "no-fail, override, strict-labels, disable-ignore-pragma, trustedRegistries, verbose");
  }

  @Test
  void codesWithoutARuleAreKeptWithAWarning() throws ConfigException {
    Config config = parse("ignored: [SC2086, " + RETIRED + ", DL9999, nope]\noverride:\n  error: [" + RETIRED + "]\n");
    assertThat(config.ignore()).containsExactly("SC2086", RETIRED, "DL9999", "nope");
    assertThat(config.severity()).containsEntry(RETIRED, Severity.ERROR);
    assertThat(config.warnings()).containsExactly(
        ".hadolint.yaml:1:19: 'DL3005' is hadolint's code for a check dockerlint does not have, so ignoring it has no effect",
        ".hadolint.yaml:1:27: 'DL9999' is not a rule dockerlint or hadolint knows, so ignoring it has no effect; "
            + "run 'dockerlint rules' for the list of ids",
        ".hadolint.yaml:1:35: 'nope' is not a rule dockerlint or hadolint knows, so ignoring it has no effect; "
            + "run 'dockerlint rules' for the list of ids",
        ".hadolint.yaml:3:11: 'DL3005' is hadolint's code for a check dockerlint does not have, so its severity has "
            + "no effect");
  }

  /** A repository's .hadolint.yaml is as untrusted as its .dockerlint.yaml: plain YAML only. */
  @Test
  void hadolintsConfigIsReadAsSafelyAsOurs() {
    assertThatThrownBy(() -> parse("ignored: !!javax.script.ScriptEngineManager [DL3007]\n"))
        .hasMessageContaining("tag is not allowed");
    assertThatThrownBy(() -> parse("format: !custom json\n")).hasMessageContaining("YAML tags are not allowed");
    assertThatThrownBy(() -> parse("ignored: [DL3007]\nignored: [DL3002]\n")).hasMessage(".hadolint.yaml:2:1: duplicate key 'ignored'");
    assertThatThrownBy(() -> parse("a: &a [*a]\n")).isInstanceOf(ConfigException.class);
  }

  @Test
  void hadolintsFilesAreHadolintConfigsByTheirNameOrDirectory() throws ConfigException {
    for (String name : List.of(".hadolint.yaml", ".hadolint.yml", "hadolint.yaml", "~/.hadolint/config.yaml")) {
      Config config = loader.parse(Path.of(name), "format: json\n");
      assertThat(config.hadolint()).as(name).isTrue();
      assertThat(config.format()).as(name).isEqualTo("hadolint-json");
    }
    assertThat(loader.parse(Path.of(".hadolint.yaml"), "").hadolint()).as("an empty one").isTrue();
    assertThat(loader.parse(Path.of(".dockerlint.yaml"), "format: json\n").format()).isEqualTo("json");
  }

  @Test
  void dockerlintsConfigWarnsForHadolintCodesItHasNoRuleFor() throws ConfigException {
    Path ours = Path.of(".dockerlint.yaml");
    Config config = loader.parse(ours, "ignore: [" + RETIRED + ", SC2086]\nseverity:\n  " + RETIRED + ": error\n");
    assertThat(config.ignore()).containsExactly(RETIRED, "SC2086");
    assertThat(config.warnings()).containsExactly(
        ".dockerlint.yaml:1:10: 'DL3005' is hadolint's code for a check dockerlint does not have, so ignoring it has "
            + "no effect",
        ".dockerlint.yaml:3:3: 'DL3005' is hadolint's code for a check dockerlint does not have, so its severity has "
            + "no effect");
    assertThatThrownBy(() -> loader.parse(ours, "enable: [" + RETIRED + "]\n")).as("enabling what does not exist")
        .hasMessage(".dockerlint.yaml:1:10: unknown rule 'DL3005'; run 'dockerlint rules' for the list of ids");
    assertThatThrownBy(() -> loader.parse(ours, "ignore: [DL9999]\n")).hasMessageContaining("unknown rule 'DL9999'");
  }

  @Test
  void dockerlintsConfigHasTheTwoSwitchesThatConcernRules() throws ConfigException {
    Config config = loader.parse(Path.of(".dockerlint.yaml"), "strict-labels: true\ndisable-ignore-pragma: true\n");
    assertThat(config.hadolint()).isFalse();
    assertThat(config.switches()).isEqualTo(new Config.Switches(null, null, null, true, true));
  }
}
