package dev.dockerlint.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and reads {@code .dockerlint.yaml}. Finding the file touches no YAML class; SnakeYAML is
 * loaded only when a file is parsed ({@link YamlConfigReader}), which keeps it off the start-up path
 * of a run without a config.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = ".dockerlint.yaml";
  private static final List<String> FILE_NAMES = List.of(".dockerlint.yaml", ".dockerlint.yml");
  static final long MAX_BYTES = 1 << 20;

  private final Set<String> knownRules;

  /** @param knownRules rule ids and aliases, lower-cased, accepted in ignore/enable/severity */
  public ConfigLoader(Set<String> knownRules) {
    this.knownRules = knownRules;
  }

  /** The config file for a directory: there or in a parent, up to the repository root. */
  public static Optional<Path> discover(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    while (dir != null) {
      for (String name : FILE_NAMES) {
        Path candidate = dir.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.empty();
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  public Config load(Path file) throws ConfigException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(file + ": config file is larger than 1 MiB");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read config file (" + e.getMessage() + ")");
    }
    return parse(file, text);
  }

  public Config parse(Path file, String text) throws ConfigException {
    return new YamlConfigReader(knownRules).parse(file, text);
  }
}
