package dev.dockerlint.config;

/** A configuration problem; the message names the file, line and column and what is allowed. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }
}
