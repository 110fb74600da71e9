package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.ast.ImageRef;

/** A service's image without a tag or digest: it means 'latest' (as {@code image-untagged} says of a FROM). */
public final class ComposeImageUntagged implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-image-untagged", Severity.WARNING,
      "A service's image has no tag or digest");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      YamlNode.Scalar image = service.pulledImage();
      if (image == null) {
        continue;
      }
      ImageRef ref = ImageRef.parse(image.text());
      if (ref.tagKind() == ImageRef.TagKind.UNTAGGED) {
        context.report(image, "Image '" + image.text() + "' " + ref.tagProblem());
      }
    }
  }
}
