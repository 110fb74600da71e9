package dev.dockerlint.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads {@code .dockerlint.yaml} ({@link ConfigLookup} finds it). SnakeYAML is loaded only when a
 * file is parsed ({@link YamlConfigReader}), which keeps it off the start-up path of a run without
 * a config.
 */
public final class ConfigLoader {
  static final long MAX_BYTES = 1 << 20;

  private final Set<String> knownRules;

  /** @param knownRules rule ids and aliases, lower-cased, accepted in ignore/enable/severity */
  public ConfigLoader(Set<String> knownRules) {
    this.knownRules = knownRules;
  }

  /** Reads a config file, naming it by its own path in messages. */
  public Config load(Path file) throws ConfigException {
    return load(file, file.toString(), ConfigOrigin.REPOSITORY);
  }

  /**
   * Reads a config file found at {@code origin}.
   *
   * @param shown the file as messages name it ({@code svc/.dockerlint.yaml}, {@code ~/.config/...})
   */
  public Config load(Path file, String shown, ConfigOrigin origin) throws ConfigException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(shown + ": config file is larger than 1 MiB", shown);
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(shown + ": cannot read config file (" + e.getMessage() + ")", shown);
    }
    try {
      return parse(Path.of(shown), text).placed(file, origin);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage(), shown);
    }
  }

  public Config parse(Path file, String text) throws ConfigException {
    return new YamlConfigReader(knownRules).parse(file, text);
  }
}
