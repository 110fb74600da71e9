package dev.dockerlint.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds config files (stub). */
public final class ConfigLookup {
  public static final List<String> PROJECT_FILE_NAMES = List.of(".dockerlint.yaml", ".dockerlint.yml");

  public static final Set<Path> SHARED_DIRECTORIES = Set.of();

  public ConfigLookup(Path workingDir, Map<String, String> env, Set<Path> sharedDirectories) {}

  public static ConfigLookup of(Path workingDir, Map<String, String> env) {
    return new ConfigLookup(workingDir, env, Set.of());
  }

  public Optional<Path> projectConfig(Path directory) {
    return Optional.empty();
  }

  public Optional<Path> userConfig() {
    return Optional.empty();
  }

  public List<String> takeWarnings() {
    return List.of();
  }

  public String display(Path file) {
    return file.toString();
  }

  static boolean isShared(Path directory, Set<Path> named) {
    return false;
  }
}
