package dev.dockerlint.ast;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference split as Docker's reference grammar does: {@code [registry/]path[:tag][@digest]}.
 * The first path component is a registry only when it contains {@code .} or {@code :} or is
 * {@code localhost} ({@code host:5000/app} has registry {@code host:5000} and no tag).
 *
 * @param registry null for Docker Hub short names
 * @param tag null when absent
 * @param digest null when absent ({@code sha256:...})
 */
public record ImageRef(String raw, String registry, String path, String tag, String digest) {
  private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  private static final Pattern REGISTRY =
      Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");

  /** Splits a reference; never fails (check {@link #isValid()} for the grammar). */
  public static ImageRef parse(String raw) {
    String rest = raw;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String registry = null;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int lastSlash = rest.lastIndexOf('/');
    int colon = rest.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageRef(raw, registry, rest, tag, digest);
  }

  /** True when the reference matches Docker's grammar (lower-case path, valid tag and digest). */
  public boolean isValid() {
    if (path.isEmpty()) {
      return false;
    }
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        return false;
      }
    }
    return (registry == null || REGISTRY.matcher(registry).matches())
        && (tag == null || TAG.matcher(tag).matches())
        && (digest == null || DIGEST.matcher(digest).matches());
  }

  public Optional<String> tagValue() {
    return Optional.ofNullable(tag);
  }

  public boolean hasDigest() {
    return digest != null;
  }

  public boolean isScratch() {
    return registry == null && tag == null && digest == null && path.equalsIgnoreCase("scratch");
  }

  /** The registry, with Docker Hub short names resolved to {@code docker.io}. */
  public String effectiveRegistry() {
    return registry == null ? "docker.io" : registry.toLowerCase(Locale.ROOT);
  }

  /** The repository name without registry, tag or digest: {@code library/node} gives {@code node}. */
  public String shortName() {
    String p = path.startsWith("library/") ? path.substring("library/".length()) : path;
    return p;
  }

  /** The last path component: {@code bitnami/python} gives {@code python}. */
  public String baseName() {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }

  /**
   * The Docker Official Image this names ({@code python}, {@code node}); empty for any other
   * repository: a Docker Hub library image written short ({@code python:3.12}) or in full
   * ({@code docker.io/library/python}, {@code index.docker.io/library/python}), or a mirror of one
   * ({@code mirror.gcr.io/library/python}, {@code public.ecr.aws/docker/library/python}).
   */
  public Optional<String> officialName() {
    String base = baseName();
    if (base.isEmpty()) {
      return Optional.empty();
    }
    String hub = registry == null ? "docker.io" : effectiveRegistry();
    if (hub.equals("docker.io") || hub.equals("index.docker.io") || hub.equals("registry-1.docker.io")) {
      return path.equals(base) || path.equals("library/" + base) ? Optional.of(base) : Optional.empty();
    }
    // the registries that mirror Docker Hub's library under the same names
    boolean mirror = hub.equals("mirror.gcr.io") && path.equals("library/" + base)
        || hub.equals("public.ecr.aws") && path.equals("docker/library/" + base);
    return mirror ? Optional.of(base) : Optional.empty();
  }

  /** A Windows base image: {@code mcr.microsoft.com/windows/servercore}, a {@code nanoserver} or {@code windowsservercore} tag. */
  public boolean looksWindows() {
    String p = raw.toLowerCase(Locale.ROOT);
    return p.contains("windows") || p.contains("servercore") || p.contains("nanoserver");
  }
}
