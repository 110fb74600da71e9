package dev.dockerlint.config;

import java.nio.file.Path;
import java.util.List;

/** Which config applies to a directory (stub). */
public final class ConfigResolver {
  private ConfigResolver() {}

  public static ConfigResolver isolated() {
    return new ConfigResolver();
  }

  public static ConfigResolver explicit(ConfigLoader loader, ConfigLookup lookup, Path file) throws ConfigException {
    return new ConfigResolver();
  }

  public static ConfigResolver discovering(ConfigLoader loader, ConfigLookup lookup) {
    return new ConfigResolver();
  }

  public Config forDirectory(Path directory) throws ConfigException {
    return Config.EMPTY;
  }

  public String display(Config config) {
    return "";
  }

  public List<String> takeWarnings() {
    return List.of();
  }
}
