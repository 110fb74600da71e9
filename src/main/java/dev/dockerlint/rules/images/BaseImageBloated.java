package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The final stage's root image is a full language image (compilers, headers, hundreds of packages)
 * rather than a slim, alpine, distroless or JRE variant. Builder stages are not checked.
 */
public final class BaseImageBloated implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("base-image-bloated", Severity.INFO,
      "The final stage is based on a full language image instead of a slim variant");

  /** Official images and the smaller variant to suggest ("" when the advice is a multi-stage build). */
  private static final Map<String, String> FULL_IMAGES = Map.ofEntries(
      Map.entry("python", "slim"), Map.entry("node", "slim"), Map.entry("ruby", "slim"),
      Map.entry("golang", ""), Map.entry("openjdk", "jre"), Map.entry("eclipse-temurin", "jre"),
      Map.entry("php", "alpine"), Map.entry("perl", "slim"), Map.entry("rust", ""), Map.entry("gcc", ""),
      Map.entry("buildpack-deps", ""), Map.entry("maven", ""), Map.entry("gradle", ""));

  /** Tag words that mean a reduced variant. */
  private static final List<String> SMALL = List.of("slim", "alpine", "distroless", "jre", "minimal", "curl", "scm",
      "nanoserver", "windowsservercore");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Optional<Stage> last = file.finalStage();
    if (last.isEmpty()) {
      return;
    }
    List<Stage> chain = file.lineage(last.get());
    Stage root = chain.get(chain.size() - 1);
    Optional<ImageRef> resolved = file.resolvedBaseImage(root);
    if (resolved.isEmpty()) {
      return;
    }
    ImageRef image = resolved.get();
    String name = officialName(image);
    if (name == null || !FULL_IMAGES.containsKey(name)) {
      return;
    }
    String tag = image.tag() == null ? "" : image.tag().toLowerCase(Locale.ROOT);
    for (String small : SMALL) {
      if (tag.contains(small)) {
        return;
      }
    }
    if (name.equals("buildpack-deps") && buildsLanguageImage(file, chain)) {
      return; // the official full language images (python:3.12, node:22) are built this way on purpose
    }
    String variant = FULL_IMAGES.get(name);
    String advice = variant.isEmpty()
        ? "build in it and COPY the result into a small runtime image (debian:bookworm-slim, alpine, distroless)"
        : "use a " + variant + " variant (" + name + ":" + suggestedTag(tag, variant)
            + ") or copy the result of a build stage into one";
    context.report(root.from().image(), "The final image is based on " + root.describeBaseImage()
        + ", a full development image with compilers and build tools; " + advice);
  }

  /** ENV that only a Dockerfile installing a language runtime itself sets. */
  private static final java.util.Set<String> RUNTIME_VERSIONS = java.util.Set.of("PYTHON_VERSION", "NODE_VERSION",
      "RUBY_VERSION", "GOLANG_VERSION", "PHP_VERSION", "JAVA_VERSION", "RUST_VERSION", "PERL_VERSION");

  private static boolean buildsLanguageImage(Dockerfile file, List<Stage> chain) {
    for (Stage stage : chain) {
      for (dev.dockerlint.ast.Env env : stage.instructions(dev.dockerlint.ast.Env.class)) {
        for (dev.dockerlint.ast.KeyValue kv : env.pairs()) {
          if (RUNTIME_VERSIONS.contains(kv.key().text())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String suggestedTag(String tag, String variant) {
    if (tag.isEmpty()) {
      return "<version>-" + variant;
    }
    return variant.equals("jre") && tag.contains("jdk") ? tag.replace("jdk", "jre") : tag + "-" + variant;
  }

  /** The official image name for Docker Hub library images (and their mirrors), else null. */
  private static String officialName(ImageRef image) {
    String path = image.path();
    String base = image.baseName();
    if (image.registry() == null || image.effectiveRegistry().equals("docker.io")) {
      return path.equals(base) || path.equals("library/" + base) ? base : null;
    }
    return path.endsWith("library/" + base) ? base : null;
  }
}
