package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.ast.ImageRef;

/**
 * A service's image with the {@code latest} tag or another floating tag: the same judgement and
 * message as {@code image-latest} for a FROM ({@link ImageRef#tagKind()}).
 */
public final class ComposeImageLatest implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-image-latest", Severity.WARNING,
      "A service's image uses the mutable 'latest' tag or another floating tag");

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
      ImageRef.TagKind kind = ref.tagKind();
      if (kind != ImageRef.TagKind.PINNED && kind != ImageRef.TagKind.UNTAGGED) {
        context.report(image, "Image '" + image.text() + "' " + ref.tagProblem());
      }
    }
  }
}
