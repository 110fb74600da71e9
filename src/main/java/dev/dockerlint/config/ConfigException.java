package dev.dockerlint.config;

/** A configuration problem; the message names the file, line and column and what is allowed. */
public final class ConfigException extends Exception {
  private final String file;

  public ConfigException(String message) {
    this(message, null);
  }

  /** @param file the config file as shown to the user, or null */
  public ConfigException(String message, String file) {
    super(message);
    this.file = file;
  }

  /** The config file as shown to the user, when the problem is in one. */
  public java.util.Optional<String> file() {
    return java.util.Optional.ofNullable(file);
  }
}
