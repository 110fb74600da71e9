package dev.dockerlint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which config applies to a directory: isolated, one named file, or the lookup with the user config behind it. */
class ConfigResolverTest {
  private final ConfigLoader loader = new ConfigLoader(Set.of("image-latest", "user-root", "healthcheck-missing"));

  @TempDir Path base;

  private Path write(String name, String text) throws IOException {
    Path file = base.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private ConfigLookup lookup() throws IOException {
    Files.createDirectories(base.resolve("repo/.git"));
    return new ConfigLookup(base.resolve("repo"), Map.of("HOME", base.resolve("home").toString()), Set.of());
  }

  @Test
  void discoveredConfigsComeFromTheRepositoryAndTheUserConfigFillsIn() throws IOException, ConfigException {
    write("repo/svc/.dockerlint.yaml", "ignore: [image-latest]\n");
    write("home/.config/dockerlint/config.yaml", "ignore: [user-root]\n");
    ConfigResolver configs = ConfigResolver.discovering(loader, lookup());
    Config svc = configs.forDirectory(Files.createDirectories(base.resolve("repo/svc/api")));
    assertThat(svc.ignore()).as("nearest only, not merged with the user config").containsExactly("image-latest");
    assertThat(svc.origin()).isEqualTo(ConfigOrigin.REPOSITORY);
    assertThat(svc.trusted()).isFalse();
    assertThat(svc.source()).isEqualTo(base.resolve("repo/svc/.dockerlint.yaml"));
    assertThat(configs.display(svc)).isEqualTo("svc/.dockerlint.yaml");
    assertThat(configs.forDirectory(base.resolve("repo/svc"))).as("read once").isSameAs(svc);

    Config user = configs.forDirectory(Files.createDirectories(base.resolve("repo/web")));
    assertThat(user.ignore()).containsExactly("user-root");
    assertThat(user.origin()).isEqualTo(ConfigOrigin.USER);
    assertThat(user.trusted()).isTrue();
    assertThat(configs.display(user)).isEqualTo("~/.config/dockerlint/config.yaml");
  }

  @Test
  void withNoConfigAnywhereTheDefaultsApply() throws IOException, ConfigException {
    Config none = ConfigResolver.discovering(loader, lookup()).forDirectory(Files.createDirectories(base.resolve("repo/a")));
    assertThat(none).isSameAs(Config.EMPTY);
    assertThat(none.origin()).isEqualTo(ConfigOrigin.DEFAULTS);
  }

  @Test
  void isolatedIgnoresEveryConfigFile() throws IOException, ConfigException {
    write("repo/.dockerlint.yaml", "ignore: [image-latest]\n");
    write("home/.config/dockerlint/config.yaml", "ignore: [user-root]\n");
    lookup();
    ConfigResolver configs = ConfigResolver.isolated();
    assertThat(configs.forDirectory(base.resolve("repo"))).isSameAs(Config.EMPTY);
    assertThat(configs.forDirectory(Files.createDirectories(base.resolve("repo/svc")))).isSameAs(Config.EMPTY);
  }

  @Test
  void anExplicitConfigAppliesToEveryDirectory() throws IOException, ConfigException {
    write("repo/svc/.dockerlint.yaml", "ignore: [image-latest]\n");
    Path named = write("repo/ci/strict.yaml", "severity:\n  user-root: error\n");
    ConfigResolver configs = ConfigResolver.explicit(loader, lookup(), named);
    Config svc = configs.forDirectory(base.resolve("repo/svc"));
    assertThat(svc.ignore()).isEmpty();
    assertThat(svc.severity()).containsKey("user-root");
    assertThat(svc.origin()).isEqualTo(ConfigOrigin.COMMAND_LINE);
    assertThat(svc.trusted()).isTrue();
    assertThat(configs.forDirectory(base.resolve("repo"))).isSameAs(svc);
    assertThat(configs.display(svc)).isEqualTo("ci/strict.yaml");
  }

  @Test
  void anInvalidConfigIsReportedWithItsShownPathForEveryDirectoryUsingIt() throws IOException, ConfigException {
    write("repo/svc/.dockerlint.yaml", "ignore: [image-latest]\nfailure-treshold: error\n");
    ConfigResolver configs = ConfigResolver.discovering(loader, lookup());
    Path api = Files.createDirectories(base.resolve("repo/svc/api"));
    String expected = "svc/.dockerlint.yaml:2:1: unknown key 'failure-treshold'; allowed keys: "
        + "custom-rules, disable-ignore-pragma, enable, failure-threshold, format, ignore, label-schema, severity, shellcheck, "
        + "strict-labels, trusted-registries";
    assertThatThrownBy(() -> configs.forDirectory(api)).isInstanceOf(ConfigException.class).hasMessage(expected);
    assertThatThrownBy(() -> configs.forDirectory(base.resolve("repo/svc"))).hasMessage(expected);
    assertThat(configs.forDirectory(base.resolve("repo"))).isSameAs(Config.EMPTY);
  }

  @Test
  void aConfigsWarningsAreToldOnce() throws IOException, ConfigException {
    // DL3005 is retired: hadolint's code, which no dockerlint rule will stand for
    write("repo/svc/.dockerlint.yaml", "ignored: [DL3007, SC2086, DL3005]\n");
    ConfigResolver configs = ConfigResolver.discovering(new ConfigLoader(Set.of("dl3007")), lookup());
    configs.forDirectory(base.resolve("repo/svc"));
    configs.forDirectory(Files.createDirectories(base.resolve("repo/svc/api")));
    assertThat(configs.takeWarnings()).containsExactly(
        "svc/.dockerlint.yaml:1:27: 'DL3005' is hadolint's code for a check dockerlint does not have, so ignoring it "
            + "has no effect");
    assertThat(configs.takeWarnings()).isEmpty();
  }
}
