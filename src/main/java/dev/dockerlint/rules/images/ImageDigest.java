package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/** FROM an image by tag only: the tag can be moved to other bytes at any time. Off by default. */
public final class ImageDigest implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("image-digest", Severity.INFO,
      "Base image is not pinned by digest").offByDefault();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Optional<ImageRef> image = file.resolvedBaseImage(stage);
      if (image.isPresent() && !image.get().hasDigest()) {
        context.report(stage.from().image(), "Image " + stage.describeBaseImage()
            + " is not pinned by digest; append @sha256:<digest> so every build uses the same image");
      }
    }
  }
}
