package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/** ':latest' moves with every release, so builds are not reproducible. */
public final class ImageLatest implements Rule {
  private static final RuleInfo INFO =
      RuleInfo.of("image-latest", Severity.WARNING, "Base image uses the mutable 'latest' tag", "DL3007");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Optional<ImageRef> image = file.resolvedBaseImage(stage);
      if (image.isPresent() && "latest".equals(image.get().tag()) && !image.get().hasDigest()) {
        context.report(stage.from().image(), "Image " + stage.describeBaseImage()
            + " uses the mutable 'latest' tag; pin a version such as "
            + image.get().raw().substring(0, image.get().raw().length() - "latest".length()) + "<version>");
      }
    }
  }
}
