package dev.dockerlint.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the config files that apply, without reading them (no YAML class is touched here).
 *
 * <p>A project config is the nearest {@linkplain #PROJECT_FILE_NAMES config file} in a Dockerfile's
 * directory or a parent, up to the repository root (the nearest directory holding {@code .git},
 * file or directory). Outside a repository only directories at or below the working directory
 * count. The root directory and directories other users can write (the shared temporary
 * directories, anything world-writable) are never searched, for configs or for {@code .git}: on a
 * shared machine anyone could plant one there.
 *
 * <p>The user config is the first of the {@linkplain #userConfig user locations} that exists, taken
 * only when the file and the directories between it and the home (or config) directory cannot be
 * written by other users.
 */
public final class ConfigLookup {
  /**
   * The names of a project config, by precedence within one directory: the first that exists is
   * that directory's config. hadolint's {@code .hadolint.yaml} and {@code .hadolint.yml} come
   * after ours, so that ours wins in the same directory; a nearer directory still wins over a
   * farther one whatever the names.
   */
  public static final List<String> PROJECT_FILE_NAMES =
      List.of(".dockerlint.yaml", ".dockerlint.yml", ".hadolint.yaml", ".hadolint.yml");

  /** Directories every local user can write on Unix-like systems; {@code /} is never searched either. */
  public static final Set<Path> SHARED_DIRECTORIES = Set.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));

  /**
   * The user-level locations, in order: a file below the directory an environment variable names.
   * Ours come first, then hadolint's in hadolint's order ({@code $XDG_CONFIG_HOME/hadolint.yaml},
   * {@code ~/.config/hadolint.yaml}, {@code ~/.hadolint/hadolint.yaml},
   * {@code ~/.hadolint/config.yaml}, {@code ~/.hadolint.yaml}, each also as {@code .yml}).
   */
  private static final String[][] USER_LOCATIONS = {
      {"XDG_CONFIG_HOME", "dockerlint/config.yaml"},
      {"HOME", ".config/dockerlint/config.yaml"},
      {"XDG_CONFIG_HOME", "hadolint.yaml"},
      {"XDG_CONFIG_HOME", "hadolint.yml"},
      {"HOME", ".config/hadolint.yaml"},
      {"HOME", ".config/hadolint.yml"},
      {"HOME", ".hadolint/hadolint.yaml"},
      {"HOME", ".hadolint/hadolint.yml"},
      {"HOME", ".hadolint/config.yaml"},
      {"HOME", ".hadolint/config.yml"},
      {"HOME", ".hadolint.yaml"},
      {"HOME", ".hadolint.yml"},
  };

  private final Path workingDir;
  private final Path home;
  private final Map<String, String> env;
  private final Set<Path> shared;
  private final List<String> warnings = new ArrayList<>();
  /** Per directory: the nearest config up to the repository root (NONE if there is none). */
  private final Map<Path, Path> nearest = new HashMap<>();
  /** Per directory: the root of the repository holding it (NONE outside one). */
  private final Map<Path, Path> repositoryRoots = new HashMap<>();
  /** Per directory: whether other users can write it ({@link #isShared}). */
  private final Map<Path, Boolean> sharedness = new HashMap<>();
  private Optional<Path> userConfig;

  private static final Path NONE = Path.of("");

  /**
   * @param env the environment ({@code HOME}, {@code XDG_CONFIG_HOME})
   * @param sharedDirectories directories never searched, besides {@code /} and any world-writable one
   */
  public ConfigLookup(Path workingDir, Map<String, String> env, Set<Path> sharedDirectories) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.env = env;
    this.home = absoluteDirectory(env.get("HOME"));
    Set<Path> named = new LinkedHashSet<>();
    for (Path dir : sharedDirectories) {
      named.add(dir.toAbsolutePath().normalize());
    }
    this.shared = named;
  }

  /** The lookup a real run uses: the shared directories above and the JVM's temporary directory. */
  public static ConfigLookup of(Path workingDir, Map<String, String> env) {
    Set<Path> named = new LinkedHashSet<>(SHARED_DIRECTORIES);
    String tmp = System.getProperty("java.io.tmpdir");
    if (tmp != null && !tmp.isEmpty()) {
      named.add(Path.of(tmp));
    }
    return new ConfigLookup(workingDir, env, named);
  }

  /**
   * The project config for a Dockerfile in {@code directory}, if one applies.
   *
   * @throws ConfigException when the config is a symbolic link to a file outside the repository
   *     (outside one, the working directory): a pull request could otherwise have a private file
   *     read as a config, and pieces of it quoted in error messages
   */
  public Optional<Path> projectConfig(Path directory) throws ConfigException {
    Path start = directory.toAbsolutePath().normalize();
    Path file = nearest(start);
    if (file == NONE) {
      return Optional.empty();
    }
    // nearest() never looks past a repository root; outside a repository, nothing above the working directory
    Path root = repositoryRoot(start);
    if (root == NONE && !file.getParent().startsWith(workingDir)) {
      return Optional.empty();
    }
    if (Files.isSymbolicLink(file)) {
      checkLinkStaysInside(file, root == NONE ? workingDir : root, root == NONE ? "working directory" : "repository");
    }
    return Optional.of(file);
  }

  /**
   * What a repository's config may reach: the root of the repository holding {@code directory},
   * else (outside a repository) the working directory.
   */
  public Path boundary(Path directory) {
    Path root = repositoryRoot(directory.toAbsolutePath().normalize());
    return root == NONE ? workingDir : root;
  }

  private void checkLinkStaysInside(Path file, Path boundary, String what) throws ConfigException {
    boolean inside;
    try {
      inside = file.toRealPath().startsWith(boundary.toRealPath());
    } catch (IOException e) {
      inside = false;
    }
    if (!inside) {
      String shown = display(file);
      throw new ConfigException(shown + ": the config is a symbolic link to a file outside the " + what
          + "; replace the link with a copy of the file", shown);
    }
  }

  private Path nearest(Path dir) {
    Path known = nearest.get(dir);
    if (known != null) {
      return known;
    }
    Path found = NONE;
    if (!isShared(dir)) {
      found = configIn(dir);
      if (found == NONE && !isRepositoryRoot(dir) && dir.getParent() != null) {
        found = nearest(dir.getParent());
      }
    }
    nearest.put(dir, found);
    return found;
  }

  private Path repositoryRoot(Path dir) {
    Path known = repositoryRoots.get(dir);
    if (known != null) {
      return known;
    }
    Path root = NONE;
    if (!isShared(dir)) {
      root = isRepositoryRoot(dir) ? dir : dir.getParent() == null ? NONE : repositoryRoot(dir.getParent());
    }
    repositoryRoots.put(dir, root);
    return root;
  }

  private static Path configIn(Path dir) {
    for (String name : PROJECT_FILE_NAMES) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return NONE;
  }

  private static boolean isRepositoryRoot(Path dir) {
    return Files.exists(dir.resolve(".git"));
  }

  private boolean isShared(Path dir) {
    Boolean known = sharedness.get(dir);
    if (known == null) {
      known = isShared(dir, shared);
      sharedness.put(dir, known);
    }
    return known;
  }

  /**
   * Whether other users may write to the directory, so that nothing found there can be trusted:
   * the file-system root, a named shared directory, or a world-writable directory.
   */
  static boolean isShared(Path directory, Set<Path> named) {
    if (directory.getParent() == null || named.contains(directory)) {
      return true;
    }
    return othersCanWrite(directory);
  }

  /** World-writable, or unreadable attributes (then nothing there can be checked either); false where POSIX permissions do not exist. */
  private static boolean othersCanWrite(Path path) {
    try {
      return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * The user config: {@code $XDG_CONFIG_HOME/dockerlint/config.yaml}, else
   * {@code ~/.config/dockerlint/config.yaml}, else hadolint's user configs
   * ({@linkplain #USER_LOCATIONS in hadolint's order}), the first that exists. A relative or empty
   * {@code XDG_CONFIG_HOME} or {@code HOME} is ignored (the XDG specification says so). A file other
   * users can write, or below a directory they can write, is skipped with a {@linkplain #takeWarnings warning}.
   */
  public Optional<Path> userConfig() {
    if (userConfig == null) {
      userConfig = findUserConfig();
    }
    return userConfig;
  }

  private Optional<Path> findUserConfig() {
    Set<Path> seen = new LinkedHashSet<>();
    for (String[] location : USER_LOCATIONS) {
      Path base = absoluteDirectory(env.get(location[0]));
      if (base == null) {
        continue;
      }
      Path file = base.resolve(location[1]);
      if (!seen.add(file) || !Files.isRegularFile(file)) {
        continue;
      }
      String problem = untrustedUserFile(location[0], base, file);
      if (problem == null) {
        return Optional.of(file);
      }
      warnings.add(problem);
    }
    return Optional.empty();
  }

  /**
   * Why other users could have written the file, or null when only its owner (or root) could.
   *
   * @param variable the environment variable naming {@code base}
   */
  private String untrustedUserFile(String variable, Path base, Path file) {
    String shown = displayUser(file);
    if (othersCanWrite(file)) {
      return shown + ": other users can write this user config, so it was skipped; run 'chmod o-w' on it";
    }
    for (Path dir = file.getParent(); dir != null && dir.startsWith(base); dir = dir.getParent()) {
      if (othersCanWrite(dir)) {
        return displayUser(dir) + ": other users can write this directory, so the user config " + shown
            + " was skipped; run 'chmod o-w' on it";
      }
    }
    try {
      UserPrincipal owner = Files.getOwner(file);
      if (!owner.equals(Files.getOwner(base)) && !owner.getName().equals("root")) {
        return shown + ": this user config belongs to '" + owner.getName() + "', not to the owner of $" + variable
            + ", so it was skipped";
      }
    } catch (UnsupportedOperationException e) {
      // no owners on this file system: the permission checks above are all there is
    } catch (IOException e) {
      return shown + ": cannot check who owns this user config (" + e.getMessage() + "), so it was skipped";
    }
    return null;
  }

  private static Path absoluteDirectory(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    Path path = Path.of(value);
    return path.isAbsolute() ? path.normalize() : null;
  }

  /** Warnings about skipped user configs since the last call. */
  public List<String> takeWarnings() {
    List<String> taken = List.copyOf(warnings);
    warnings.clear();
    return taken;
  }

  /** A path of the user's own: {@code ~/...} below the home directory, else absolute. */
  private String displayUser(Path path) {
    String shown = home != null && path.startsWith(home) && !path.equals(home) ? "~/" + home.relativize(path) : path.toString();
    return shown.replace('\\', '/');
  }

  /**
   * A config's path as reports show it (the user config as {@code ~/...} wherever the working
   * directory is): relative to the working directory when it is there or in a
   * parent of it ({@code svc/.dockerlint.yaml}, {@code ../.dockerlint.yaml}), else {@code ~/...}
   * below the home directory, else absolute; always with forward slashes.
   */
  public String display(Path file) {
    Path path = file.toAbsolutePath().normalize();
    if (userConfig != null && userConfig.isPresent() && userConfig.get().equals(path)) {
      return displayUser(path);
    }
    Path dir = path.getParent();
    String shown;
    if (dir != null && dir.getParent() != null && (dir.startsWith(workingDir) || workingDir.startsWith(dir))) {
      shown = workingDir.relativize(path).toString();
    } else if (home != null && path.startsWith(home) && !path.equals(home)) {
      shown = "~/" + home.relativize(path);
    } else {
      shown = path.toString();
    }
    return shown.replace('\\', '/');
  }
}
