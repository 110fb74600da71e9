package dev.dockerlint.rules;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.shell.Expansion;
import java.util.Optional;

/** How the FROM of a stage resolves, for the tag rules. */
final class ImageTags {
  private ImageTags() {}

  /**
   * The base image of a stage built on an image, expanded with the global ARG defaults; empty for
   * stages built on stages, {@code scratch}, and references a variable without default leaves open.
   */
  static Optional<ImageRef> resolvedImage(Dockerfile file, Stage stage) {
    if (stage.isBuiltOnStage() || stage.baseImage() == null || stage.baseImage().isScratch()) {
      return Optional.empty();
    }
    Expansion expansion = file.scopeAt(stage.from()).expand(stage.from().image().text());
    for (String name : expansion.references()) {
      if (!file.scopeAt(stage.from()).hasValue(name)) {
        return Optional.empty(); // set only by --build-arg: unknown here
      }
    }
    return Optional.of(stage.baseImage());
  }

  /** "'node' (from $BASE)" when a variable was involved, else "'node'". */
  static String describe(Stage stage, ImageRef image) {
    String written = stage.from().image().text();
    return written.equals(image.raw()) ? "'" + image.raw() + "'" : "'" + image.raw() + "' (from " + written + ")";
  }
}
