package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
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
      "Base image uses the mutable 'latest' tag or another floating tag", "DL3007").fixable(Applicability.SAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /**
   * With {@code --pin-image NAME=TAG} for the image as written: the tag the user chose instead of
   * 'latest'. None for an image written with variables.
   */
  static Fix pin(Token written, ImageRef image, String name, java.util.Map<String, String> pins) {
    String tag = pins.get(name);
    if (tag == null || !written.text().equals(image.raw()) || written.range().startLine() != written.range().endLine()) {
      return null;
    }
    return Fix.safe("Pin " + name + ":" + tag, Edit.replace(written.range(), name + ":" + tag));
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
        ImageRef image = resolved.get();
        String name = image.raw().substring(0, image.raw().length() - image.tag().length() - 1);
        context.report(stage.from().image().range(), message,
            pin(stage.from().image(), image, name, context.settings().pinnedImages()));
      } else {
        // hadolint's DL3007 is about 'latest' alone: its pragmas do not cover these
        context.reportAs(stage.from().image().range(), message);
      }
    }
  }
}
