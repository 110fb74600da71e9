package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/** FROM without a tag or digest silently means the mutable 'latest'. */
public final class ImageUntagged implements Rule {
  private static final RuleInfo INFO =
      RuleInfo.of("image-untagged", Severity.WARNING, "Base image has no tag or digest", "DL3006")
          .fixable(Applicability.SAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Optional<ImageRef> image = file.resolvedBaseImage(stage);
      if (image.isPresent() && image.get().tagKind() == ImageRef.TagKind.UNTAGGED) {
        context.report(stage.from().image().range(), "Image " + stage.describeBaseImage() + " " + image.get().tagProblem(),
            ImageLatest.pin(stage.from().image(), image.get(), image.get().raw(), context.settings().pinnedImages()));
      }
    }
  }
}
