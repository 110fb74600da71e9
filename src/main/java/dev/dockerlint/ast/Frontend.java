package dev.dockerlint.ast;

import java.util.Locale;

/**
 * The Dockerfile frontend a file is built with, as far as it decides what is valid: Docker's own
 * {@code docker/dockerfile} images name a version ({@code :1.4}, {@code :1.4.3}) or a channel
 * ({@code :1}, {@code :latest}, {@code :labs}, {@code :1-labs}, {@code :1.7-labs}). A file without a
 * {@code # syntax=} directive, or naming some other frontend, is taken to be built by the current
 * mainline frontend, the one Docker uses by default.
 *
 * @param written the directive's value, or null without one
 * @param minor the {@code 1.x} version it pins, or {@link #LATEST} for a channel that follows releases
 * @param labs true for the {@code labs} (formerly {@code experimental}) channel, which has features
 *     mainline does not
 */
public record Frontend(String written, int minor, boolean labs) {
  /** {@link #minor} of a channel that always has the newest release. */
  public static final int LATEST = Integer.MAX_VALUE;

  /** The current mainline frontend, used when the file does not pin one. */
  public static final Frontend DEFAULT = new Frontend(null, LATEST, false);

  private static final String[] REPOSITORIES = {"docker/dockerfile", "docker/dockerfile-upstream"};

  /**
   * The frontend a {@code # syntax=} value names; {@link #DEFAULT} for one that is not Docker's
   * (its validity rules are unknown) or cannot be read.
   */
  public static Frontend of(String syntax) {
    if (syntax == null) {
      return DEFAULT;
    }
    String ref = syntax.strip();
    int digest = ref.indexOf('@');
    if (digest >= 0) {
      ref = ref.substring(0, digest);
    }
    String lower = ref.toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
      if (lower.startsWith(prefix)) {
        lower = lower.substring(prefix.length());
        break;
      }
    }
    int colon = lower.lastIndexOf(':');
    String repository = colon < 0 ? lower : lower.substring(0, colon);
    String tag = colon < 0 ? "latest" : lower.substring(colon + 1);
    boolean known = false;
    for (String r : REPOSITORIES) {
      known |= repository.equals(r);
    }
    if (!known) {
      return DEFAULT;
    }
    boolean labs = false;
    for (String channel : new String[] {"-labs", "-experimental"}) {
      if (tag.endsWith(channel)) {
        labs = true;
        tag = tag.substring(0, tag.length() - channel.length());
      }
    }
    if (tag.equals("labs") || tag.equals("experimental")) {
      return new Frontend(syntax, LATEST, true);
    }
    if (tag.equals("latest") || tag.equals("master") || tag.equals("1")) {
      return new Frontend(syntax, LATEST, labs);
    }
    String[] parts = tag.split("\\.", -1);
    if (parts.length < 2 || !parts[0].equals("1") || !isNumber(parts[1])
        || parts.length > 2 && !isNumber(parts[2].replaceFirst("-rc\\d*$", ""))) {
      return new Frontend(syntax, LATEST, labs); // a tag of Docker's image this does not know: assume it is recent
    }
    return new Frontend(syntax, Integer.parseInt(parts[1]), labs);
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** True when the frontend is release {@code 1.minor} or newer. */
  public boolean atLeast(int minorVersion) {
    return minor >= minorVersion;
  }

  /** How the file names its frontend, for messages: {@code docker/dockerfile:1.3}. */
  public String describe() {
    return written == null ? "the default frontend" : written;
  }
}
