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
import java.util.Set;
import java.util.Optional;

/**
 * The final stage's root image is a full language image (compilers, headers, hundreds of packages)
 * rather than a slim, alpine, distroless or JRE variant. Builder stages are not checked. The
 * variant suggested is the one the image's own tag list names ({@link VariantTags}); an image
 * variant without a smaller one (php's apache images) is not reported.
 */
public final class BaseImageBloated implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("base-image-bloated", Severity.INFO,
      "The final stage is based on a full language image instead of a slim variant");

  /** Full images whose smaller form is a multi-stage build, not a variant of the same image. */
  private static final Set<String> BUILD_IMAGES =
      Set.of("golang", "rust", "gcc", "buildpack-deps", "maven", "gradle");

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
    String name = image.officialName().orElse(null);
    if (name == null) {
      return;
    }
    String tag = image.tag() == null ? "" : image.tag().toLowerCase(Locale.ROOT);
    String variant = VariantTags.variantWord(name, tag);
    if (variant == null && !BUILD_IMAGES.contains(name)) {
      return;
    }
    for (String small : SMALL) {
      if (tag.contains(small)) {
        return;
      }
    }
    if (name.equals("buildpack-deps") && buildsLanguageImage(chain)) {
      return; // the official full language images (python:3.12, node:22) are built this way on purpose
    }
    String advice;
    if (variant == null) {
      advice = "build in it and COPY the result into a small runtime image (debian:bookworm-slim, alpine, distroless)";
    } else {
      String smaller = VariantTags.smaller(name, tag);
      if (smaller == null && name.equals("php")) {
        return; // php's apache images have no slim or alpine variant
      }
      advice = smaller == null
          ? "copy the result of a build stage into a smaller runtime image"
          : "use the " + variant + " variant (" + name + ":" + smaller + ") or copy the result of a build stage into one";
    }
    context.report(root.from().image(), "The final image is based on " + root.describeBaseImage()
        + ", a full development image with compilers and build tools; " + advice);
  }

  /** ENV that only a Dockerfile installing a language runtime itself sets. */
  private static final Set<String> RUNTIME_VERSIONS = Set.of("PYTHON_VERSION", "NODE_VERSION",
      "RUBY_VERSION", "GOLANG_VERSION", "PHP_VERSION", "JAVA_VERSION", "RUST_VERSION", "PERL_VERSION");

  private static boolean buildsLanguageImage(List<Stage> chain) {
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
}
