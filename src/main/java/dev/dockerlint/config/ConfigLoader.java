package dev.dockerlint.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import dev.dockerlint.lint.RuleFamily;

/**
 * Reads {@code .dockerlint.yaml} ({@link ConfigLookup} finds it). SnakeYAML is loaded only when a
 * file is parsed ({@link YamlConfigReader}), which keeps it off the start-up path of a run without
 * a config.
 */
public final class ConfigLoader {
  static final long MAX_BYTES = 1 << 20;

  private final Set<String> knownRules;
  private final List<RuleFamily> families;

  /** @param knownRules rule ids and aliases, lower-cased, accepted in ignore/enable/severity */
  public ConfigLoader(Set<String> knownRules) {
    this(knownRules, List.of());
  }

  /** @param families code families (ShellCheck's SC codes) accepted besides the rules */
  public ConfigLoader(Set<String> knownRules, List<RuleFamily> families) {
    this.knownRules = knownRules;
    this.families = List.copyOf(families);
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
      return parse(Path.of(shown), text, origin).placed(file, origin);
    } catch (ConfigException e) {
      throw new ConfigException(e.getMessage(), shown);
    }
  }

  /** Parses a config as one found in a repository, the least trusted origin. */
  public Config parse(Path file, String text) throws ConfigException {
    return parse(file, text, ConfigOrigin.REPOSITORY);
  }

  /** Parses a config found at {@code origin}, which decides whether it may name a program to run. */
  public Config parse(Path file, String text, ConfigOrigin origin) throws ConfigException {
    return new YamlConfigReader(knownRules, families).parse(file, text, origin);
  }
}
