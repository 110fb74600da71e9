package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.lint.RuleFamily;
import dev.dockerlint.lint.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code shellcheck:} key, and ShellCheck's SC codes in configs. */
class ShellCheckSettingTest {
  private static final RuleFamily SC = new RuleFamily("ShellCheck", "SC", 4, "https://www.shellcheck.net/wiki/");
  private final ConfigLoader loader = new ConfigLoader(Set.of("image-latest", "dl3007"), List.of(SC));
  private final Path file = Path.of(".dockerlint.yaml");

  @Test
  void anyConfigMayTurnShellCheckOffOrOn() throws ConfigException {
    assertThat(loader.parse(file, "shellcheck: false\n").shellcheckOff()).isTrue();
    assertThat(loader.parse(file, "shellcheck: no\n").shellcheckOff()).isTrue();
    Config on = loader.parse(file, "shellcheck: true\n");
    assertThat(on.shellcheckOff()).isFalse();
    assertThat(on.shellcheckExecutable()).isEmpty();
    assertThat(loader.parse(file, "ignore: [DL3007]\n").shellcheckOff()).isFalse();
  }

  @Test
  void aRepositoryConfigCannotNameAProgram() {
    assertThatThrownBy(() -> loader.parse(file, "ignore: []\nshellcheck: /tmp/evil\n", ConfigOrigin.REPOSITORY))
        .isInstanceOf(ConfigException.class)
        .hasMessage(".dockerlint.yaml:2:13: 'shellcheck' names a program to run, which only a config you chose can do "
            + "(given with -c or your user config); in a repository's config it may only be false or true");
    // parse() without an origin reads as the least trusted
    assertThatThrownBy(() -> loader.parse(file, "shellcheck: /usr/bin/shellcheck\n")).isInstanceOf(ConfigException.class);
  }

  @Test
  void aTrustedConfigNamesTheExecutableByItsAbsolutePath() throws ConfigException {
    for (ConfigOrigin origin : List.of(ConfigOrigin.COMMAND_LINE, ConfigOrigin.USER)) {
      Config config = loader.parse(file, "shellcheck: /opt/shellcheck/bin/shellcheck\n", origin);
      assertThat(config.shellcheckExecutable()).contains(Path.of("/opt/shellcheck/bin/shellcheck"));
      assertThat(config.placed(Path.of("/home/u/.config/dockerlint/config.yaml"), origin).shellcheckExecutable())
          .as("kept when the config is placed").contains(Path.of("/opt/shellcheck/bin/shellcheck"));
    }
    assertThatThrownBy(() -> loader.parse(file, "shellcheck: bin/shellcheck\n", ConfigOrigin.USER))
        .hasMessage(".dockerlint.yaml:1:13: invalid value 'bin/shellcheck'; expected false, true or the absolute path "
            + "of the shellcheck executable");
  }

  @Test
  void scCodesAreRulesInIgnoreAndSeverity() throws ConfigException {
    Config config = loader.parse(file, "ignore: [SC2086, sc2164]\nseverity: {SC2046: error}\n");
    assertThat(config.ignore()).containsExactly("SC2086", "sc2164");
    assertThat(config.severity()).containsEntry("SC2046", Severity.ERROR);
    assertThatThrownBy(() -> loader.parse(file, "ignore: [SC20860]\n")).hasMessageContaining("unknown rule 'SC20860'");
  }

  @Test
  void aHadolintConfigsScCodesAreReadNotSkipped() throws ConfigException {
    Config config = loader.parse(Path.of(".hadolint.yaml"), "ignored: [DL3007, SC2086]\noverride:\n  error: [SC2164]\n");
    assertThat(config.ignore()).containsExactly("DL3007", "SC2086");
    assertThat(config.severity()).containsEntry("SC2164", Severity.ERROR);
    assertThat(config.warnings()).isEmpty();
  }
}
