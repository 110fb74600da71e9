package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.ImageRef;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a few well-known base images hold, as far as the runtime rules need it: a shell, a C library,
 * curl and wget. Anything not in these tables is unknown, and the rules say nothing about it.
 *
 * <p>Sources (see the rule pages): the Dockerfiles of the Docker Official Images node, python,
 * golang, php and postgres (docker-library and nodejs/docker-node); alpine's BusyBox, which provides
 * {@code wget} and {@code sh}; Debian's and Ubuntu's minimal base images, which ship neither curl nor
 * wget; buildpack-deps, whose {@code curl} layer adds both; the distroless README (no shell outside
 * the {@code :debug} tags; {@code static} holds no C library).
 */
final class BaseImages {
  private BaseImages() {}

  /** A tri-state answer: the tables know it is there, know it is not, or do not know. */
  enum Answer {
    YES, NO, UNKNOWN
  }

  /** The C library of an image, for dynamically linked binaries. */
  enum Libc {
    /** No C library at all (scratch, distroless static). */
    NONE,
    /** musl (Alpine). */
    MUSL,
    GLIBC,
    UNKNOWN
  }

  /** Official images built on Debian or Ubuntu (glibc) unless their tag names another variant. */
  private static final Set<String> GLIBC_OFFICIAL = Set.of("debian", "ubuntu", "buildpack-deps", "golang", "node",
      "python", "php", "ruby", "perl", "rust", "gcc", "postgres", "eclipse-temurin", "openjdk", "maven", "gradle");

  /** Images known to have no shell at all: scratch, distroless (but its :debug tags), chiseled .NET, Chainguard static. */
  static boolean hasNoShell(ImageRef image) {
    if (image.isScratch()) {
      return true;
    }
    String registry = image.effectiveRegistry();
    String path = image.path().toLowerCase(Locale.ROOT);
    String tag = tag(image);
    if (registry.equals("gcr.io") && path.startsWith("distroless/")) {
      return !tag.contains("debug");
    }
    if (registry.equals("cgr.dev") && path.equals("chainguard/static")) {
      return true;
    }
    return registry.equals("mcr.microsoft.com") && path.startsWith("dotnet/") && tag.contains("chiseled");
  }

  static Libc libc(ImageRef image) {
    if (image.isScratch()) {
      return Libc.NONE;
    }
    String registry = image.effectiveRegistry();
    String path = image.path().toLowerCase(Locale.ROOT);
    String tag = tag(image);
    if (registry.equals("gcr.io") && path.startsWith("distroless/")) {
      return path.startsWith("distroless/static") ? Libc.NONE : Libc.GLIBC;
    }
    if (registry.equals("cgr.dev") && path.equals("chainguard/static")) {
      return Libc.NONE;
    }
    Optional<String> official = image.officialName();
    if (official.isEmpty()) {
      return Libc.UNKNOWN;
    }
    if (official.get().equals("alpine") || tag.contains("alpine")) {
      return Libc.MUSL;
    }
    if (tag.contains("windows") || tag.contains("nanoserver")) {
      return Libc.UNKNOWN;
    }
    return GLIBC_OFFICIAL.contains(official.get()) ? Libc.GLIBC : Libc.UNKNOWN;
  }

  /** Whether an image ships {@code curl} or {@code wget} on its PATH. */
  static Answer ships(ImageRef image, String tool) {
    boolean curl = tool.equals("curl");
    if (!curl && !tool.equals("wget")) {
      return Answer.UNKNOWN;
    }
    if (hasNoShell(image) || libc(image) == Libc.NONE) {
      return Answer.NO; // scratch and distroless hold neither
    }
    Optional<String> official = image.officialName();
    if (official.isEmpty()) {
      return Answer.UNKNOWN;
    }
    String name = official.get();
    String tag = tag(image);
    if (tag.contains("windows") || tag.contains("nanoserver")) {
      return Answer.UNKNOWN;
    }
    boolean alpine = name.equals("alpine") || tag.contains("alpine");
    switch (name) {
      case "alpine", "postgres" -> {
        // BusyBox's wget; postgres removes the wget it fetched gosu with on Debian
        return alpine && !curl ? Answer.YES : Answer.NO;
      }
      case "debian", "ubuntu" -> {
        return Answer.NO;
      }
      case "buildpack-deps" -> {
        return Answer.YES;
      }
      case "node", "python", "golang" -> {
        if (alpine) {
          return curl ? Answer.NO : Answer.YES;
        }
        // the full variants are built on buildpack-deps; the slim ones remove what they fetched with
        return tag.contains("slim") ? Answer.NO : Answer.YES;
      }
      case "php" -> {
        // curl is one of php's runtime dependencies; wget only through Alpine's BusyBox
        return curl || alpine ? Answer.YES : Answer.NO;
      }
      default -> {
        return Answer.UNKNOWN;
      }
    }
  }

  private static String tag(ImageRef image) {
    return image.tag() == null ? "" : image.tag().toLowerCase(Locale.ROOT);
  }
}
