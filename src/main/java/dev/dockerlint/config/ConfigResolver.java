package dev.dockerlint.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which config applies to a Dockerfile's directory: none ({@code --isolated}), the one named on the
 * command line ({@code -c}), or the nearest project config, else the user config. Each file is read
 * once; an invalid one fails every directory that uses it with the same exception. Not thread-safe:
 * the command resolves every input before linting starts.
 */
public final class ConfigResolver {
  private final ConfigLoader loader;
  private final ConfigLookup lookup;
  private final Config explicit;
  /** Per config file: its Config or the ConfigException it gave. */
  private final Map<Path, Object> loaded = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private ConfigResolver(ConfigLoader loader, ConfigLookup lookup, Config explicit) {
    this.loader = loader;
    this.lookup = lookup;
    this.explicit = explicit;
  }

  /** Every directory gets the built-in defaults: no config file is even looked for. */
  public static ConfigResolver isolated() {
    return new ConfigResolver(null, null, Config.EMPTY);
  }

  /** Every directory gets {@code file}, read now. */
  public static ConfigResolver explicit(ConfigLoader loader, ConfigLookup lookup, Path file) throws ConfigException {
    Config config = loader.load(file, lookup.display(file), ConfigOrigin.COMMAND_LINE);
    ConfigResolver resolver = new ConfigResolver(loader, lookup, config);
    resolver.warnings.addAll(config.warnings());
    return resolver;
  }

  /** Each directory gets its nearest project config, else the user config, else the defaults. */
  public static ConfigResolver discovering(ConfigLoader loader, ConfigLookup lookup) {
    return new ConfigResolver(loader, lookup, null);
  }

  /** The config for a Dockerfile in {@code directory}. */
  public Config forDirectory(Path directory) throws ConfigException {
    if (explicit != null) {
      return explicit;
    }
    Optional<Path> project = lookup.projectConfig(directory);
    if (project.isPresent()) {
      return load(project.get(), ConfigOrigin.REPOSITORY);
    }
    Optional<Path> user = lookup.userConfig();
    warnings.addAll(lookup.takeWarnings());
    return user.isPresent() ? load(user.get(), ConfigOrigin.USER) : Config.EMPTY;
  }

  /**
   * The config of whoever runs dockerlint, whatever the repository holds: the one given with
   * {@code -c}, else the user config; empty with {@code --isolated} or when there is none. Settings
   * that concern the machine rather than the files (the {@code shellcheck:} executable) come from
   * here, since a repository's config may not name a program.
   */
  public Optional<Config> trusted() throws ConfigException {
    if (explicit != null) {
      return explicit == Config.EMPTY ? Optional.empty() : Optional.of(explicit);
    }
    Optional<Path> user = lookup.userConfig();
    warnings.addAll(lookup.takeWarnings());
    return user.isPresent() ? Optional.of(load(user.get(), ConfigOrigin.USER)) : Optional.empty();
  }

  private Config load(Path file, ConfigOrigin origin) throws ConfigException {
    Object known = loaded.get(file);
    if (known == null) {
      try {
        Config config = loader.load(file, lookup.display(file), origin);
        warnings.addAll(config.warnings());
        known = config;
      } catch (ConfigException e) {
        known = e;
      }
      loaded.put(file, known);
    }
    if (known instanceof ConfigException e) {
      throw e;
    }
    return (Config) known;
  }

  /**
   * A rule pack a config names: the file or directory, and how messages name it.
   */
  public record PackPath(Path path, String shown) {}

  /**
   * The rule packs of a config's {@code custom-rules:}, resolved against the config file's
   * directory. A repository's config (written by whoever opens a pull request) may name only
   * packs inside the repository (outside one, the working directory), after symbolic links:
   * no {@code ..} out of it, no link pointing out of it. A config whoever runs dockerlint chose
   * ({@code -c}, the user config) may name any.
   */
  public List<PackPath> customRulePaths(Config config) throws ConfigException {
    if (config.customRules().isEmpty() || config.source() == null) {
      return List.of();
    }
    Path base = config.source().toAbsolutePath().normalize().getParent();
    Path boundary = config.trusted() || lookup == null ? null : lookup.boundary(base);
    List<PackPath> paths = new ArrayList<>();
    for (Config.Entry entry : config.customRules()) {
      Path path;
      try {
        path = base.resolve(entry.value()).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw new ConfigException(entry.where() + ": invalid path '" + cut(entry.value()) + "' in custom-rules",
            display(config));
      }
      if (boundary != null && !inside(path, boundary)) {
        throw new ConfigException(entry.where() + ": custom-rules path '" + cut(entry.value())
            + "' leads outside the repository; a repository's config may only name rule packs inside it",
            display(config));
      }
      if (!java.nio.file.Files.exists(path)) {
        throw new ConfigException(entry.where() + ": custom-rules path '" + cut(entry.value()) + "' does not exist",
            display(config));
      }
      paths.add(new PackPath(path, lookup == null ? path.toString() : lookup.display(path)));
    }
    return paths;
  }

  /** Whether the path is inside the boundary, as written and after following symbolic links. */
  private static boolean inside(Path path, Path boundary) {
    if (!path.startsWith(boundary)) {
      return false;
    }
    try {
      return !java.nio.file.Files.exists(path) || path.toRealPath().startsWith(boundary.toRealPath());
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String cut(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "...";
  }

  /** How reports name a config's file, or null for the built-in defaults. */
  public String display(Config config) {
    return config.source() == null || lookup == null ? null : lookup.display(config.source());
  }

  /** Warnings since the last call: settings a config holds that dockerlint skips, user configs skipped. */
  public List<String> takeWarnings() {
    List<String> taken = List.copyOf(warnings);
    warnings.clear();
    return taken;
  }
}
