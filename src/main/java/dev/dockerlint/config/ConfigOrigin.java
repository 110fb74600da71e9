package dev.dockerlint.config;

/**
 * Where a {@link Config} came from, which decides how far it is trusted. A config found beside the
 * Dockerfiles belongs to whoever controls the repository, on a pull request its author; a
 * setting that could run a program (a {@code shellcheck:} executable path) is honoured only
 * from a trusted origin.
 */
public enum ConfigOrigin {
  /** No config file: the built-in defaults. */
  DEFAULTS,
  /** Named with {@code -c}/{@code --config} by whoever runs dockerlint. */
  COMMAND_LINE,
  /** In the user's own config directory ({@code ~/.config/dockerlint/config.yaml}). */
  USER,
  /** Found by the lookup from a Dockerfile's directory up to the repository root. */
  REPOSITORY;

  /** Whether the config comes from whoever runs dockerlint rather than from the files it lints. */
  public boolean trusted() {
    return this != REPOSITORY;
  }
}
