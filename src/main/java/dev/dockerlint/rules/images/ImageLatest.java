package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/**
 * ':latest' moves with every release, so builds are not reproducible; so do the other floating
 * tags ({@code lts}, {@code stable}, {@code edge}, {@code latest-slim}...) and an official image's
 * variant tag that names no version ({@code golang:alpine}). What counts as floating is
 * {@link ImageRef#tagKind()}'s call, shared with the compose rules.
 */
public final class ImageLatest implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("image-latest", Severity.WARNING,
      "Base image uses the mutable 'latest' tag or another floating tag", "DL3007");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Optional<ImageRef> resolved = file.resolvedBaseImage(stage);
      if (resolved.isEmpty()) {
        continue;
      }
      ImageRef.TagKind kind = resolved.get().tagKind();
      if (kind == ImageRef.TagKind.PINNED || kind == ImageRef.TagKind.UNTAGGED) {
        continue; // a digest pins the image whatever the tag; no tag is image-untagged's
      }
      String message = "Image " + stage.describeBaseImage() + " " + resolved.get().tagProblem();
      if (kind == ImageRef.TagKind.LATEST) {
        context.report(stage.from().image(), message);
      } else {
        // hadolint's DL3007 is about 'latest' alone: its pragmas do not cover these
        context.reportAs(stage.from().image().range(), message);
      }
    }
  }
}
