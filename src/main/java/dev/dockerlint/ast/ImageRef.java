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

  /** How far a reference pins the image it names. */
  public enum TagKind {
    /** A digest, or a tag that names a version. */
    PINNED,
    /** No tag and no digest: Docker takes {@code latest}. */
    UNTAGGED,
    /** The {@code latest} tag. */
    LATEST,
    /** A release channel's tag ({@code lts}, {@code stable-alpine}) that moves to each new release. */
    FLOATING,
    /** An official image's tag of variant words only ({@code golang:alpine}): the latest version. */
    NO_VERSION
  }

  /**
   * Tag words that name a release channel rather than a release: the tag moves to the next version
   * (a new major one, for most) when the channel does.
   */
  private static final java.util.Set<String> FLOATING = java.util.Set.of("latest", "lts", "stable", "current", "edge",
      "rolling", "mainline", "testing", "unstable", "sid", "oldstable", "devel", "nightly", "rawhide");

  /**
   * Variant words of the official images' tags ({@code node:20-alpine}, {@code python:3.12-slim-bookworm},
   * {@code php:8.3-fpm}): a tag made only of these names no version, so it is the latest one.
   */
  private static final java.util.Set<String> VARIANTS = java.util.Set.of("alpine", "slim", "bookworm", "bullseye",
      "buster", "stretch", "trixie", "jammy", "noble", "focal", "jdk", "jre", "fpm", "apache", "cli", "zts", "perl",
      "otel", "scm", "curl", "windowsservercore", "nanoserver");

  /** Official images whose tags are distribution codenames: {@code debian:bookworm} is a release. */
  private static final java.util.Set<String> CODENAME_IMAGES = java.util.Set.of("debian", "ubuntu", "buildpack-deps");

  /** How far this reference pins its image; a digest pins it whatever the tag, and so does {@code scratch}. */
  public TagKind tagKind() {
    if (hasDigest() || isScratch()) {
      return TagKind.PINNED;
    }
    if (tag == null) {
      return TagKind.UNTAGGED;
    }
    if (tag.equals("latest")) {
      return TagKind.LATEST;
    }
    if (floatingWord(tag) != null) {
      return TagKind.FLOATING;
    }
    return namesNoVersion() ? TagKind.NO_VERSION : TagKind.PINNED;
  }

  /**
   * What is wrong with the tag, as the rest of a sentence that starts with the image quoted
   * ({@code Image 'node:lts' uses a floating tag: ...}), with a version to pin instead; null when
   * {@link #tagKind()} is {@link TagKind#PINNED}. The Dockerfile rules and the compose rules say it alike.
   */
  public String tagProblem() {
    TagKind kind = tagKind();
    if (kind == TagKind.PINNED) {
      return null;
    }
    if (kind == TagKind.UNTAGGED) {
      return "has no tag, so it means 'latest' and changes under you; pin a version such as " + raw + ":<version>";
    }
    String name = raw.substring(0, raw.length() - tag.length() - 1);
    if (kind == TagKind.LATEST) {
      return "uses the mutable 'latest' tag; pin a version such as " + name + ":<version>";
    }
    if (kind == TagKind.FLOATING) {
      String word = floatingWord(tag);
      return "uses a floating tag: '" + word + "' moves to each new release; pin a version such as " + name + ":"
          + replaceWord(tag, word);
    }
    return "names no version in its tag, so it follows every new " + officialName().get()
        + " release; pin a version such as " + name + ":<version>-" + tag;
  }

  /**
   * The floating word of a tag ({@code lts} in {@code lts-alpine3.20}), or null. A tag with a part
   * that starts with a digit ({@code stable-20240110}, {@code 20-current}) holds a version or date
   * and is pinned to it.
   */
  static String floatingWord(String tag) {
    String found = null;
    for (String part : tag.toLowerCase(Locale.ROOT).split("-", -1)) {
      if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
        return null;
      }
      if (found == null && FLOATING.contains(part)) {
        found = part;
      }
    }
    return found;
  }

  /** An official image's tag made of variant words only: {@code golang:alpine}, {@code python:slim-bookworm}. */
  private boolean namesNoVersion() {
    Optional<String> official = officialName();
    if (official.isEmpty() || CODENAME_IMAGES.contains(official.get())) {
      return false;
    }
    for (String part : tag.toLowerCase(Locale.ROOT).split("-", -1)) {
      if (!VARIANTS.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /** The tag with its floating part replaced: {@code lts-alpine} gives {@code <version>-alpine}. */
  private static String replaceWord(String tag, String word) {
    StringBuilder out = new StringBuilder();
    for (String part : tag.split("-", -1)) {
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(part.toLowerCase(Locale.ROOT).equals(word) ? "<version>" : part);
    }
    return out.toString();
  }
}
