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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ':latest' moves with every release, so builds are not reproducible; so do the other floating
 * tags ({@code lts}, {@code stable}, {@code edge}, {@code latest-slim}...) and an official image's
 * variant tag that names no version ({@code golang:alpine}).
 */
public final class ImageLatest implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("image-latest", Severity.WARNING,
      "Base image uses the mutable 'latest' tag or another floating tag", "DL3007").fixable(Applicability.SAFE);

  /**
   * Tag words that name a release channel rather than a release: the tag moves to the next version
   * (a new major one, for most) when the channel does.
   */
  private static final Set<String> FLOATING = Set.of("latest", "lts", "stable", "current", "edge", "rolling",
      "mainline", "testing", "unstable", "sid", "oldstable", "devel", "nightly", "rawhide");

  /**
   * Variant words of the official images' tags ({@code node:20-alpine}, {@code python:3.12-slim-bookworm},
   * {@code php:8.3-fpm}): a tag made only of these names no version, so it is the latest one.
   */
  private static final Set<String> VARIANTS = Set.of("alpine", "slim", "bookworm", "bullseye", "buster", "stretch",
      "trixie", "jammy", "noble", "focal", "jdk", "jre", "fpm", "apache", "cli", "zts", "perl", "otel", "scm", "curl",
      "windowsservercore", "nanoserver");

  /** Official images whose tags are distribution codenames: {@code debian:bookworm} is a release. */
  private static final Set<String> CODENAME_IMAGES = Set.of("debian", "ubuntu", "buildpack-deps");

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
      if (resolved.isEmpty() || resolved.get().hasDigest() || resolved.get().tag() == null) {
        continue; // a digest pins the image whatever the tag; no tag is image-untagged's
      }
      ImageRef image = resolved.get();
      String tag = image.tag();
      String name = image.raw().substring(0, image.raw().length() - tag.length() - 1);
      if (tag.equals("latest")) {
        context.report(stage.from().image().range(), "Image " + stage.describeBaseImage()
            + " uses the mutable 'latest' tag; pin a version such as " + name + ":<version>",
            pin(stage.from().image(), image, name, context.settings().pinnedImages()));
        continue;
      }
      String word = floatingWord(tag);
      if (word != null) {
        // hadolint's DL3007 is about 'latest' alone: its pragmas do not cover these
        context.reportAs(stage.from().image().range(), "Image " + stage.describeBaseImage() + " uses a floating tag: '"
            + word + "' moves to each new release; pin a version such as " + name + ":" + replaceWord(tag, word));
      } else if (namesNoVersion(image)) {
        context.reportAs(stage.from().image().range(), "Image " + stage.describeBaseImage() + " names no version "
            + "in its tag, so it follows every new " + image.officialName().get() + " release; pin a version such as "
            + name + ":<version>-" + tag);
      }
    }
  }

  /**
   * The floating word of a tag ({@code lts} in {@code lts-alpine3.20}), or null. A tag with a part
   * that starts with a digit ({@code stable-20240110}, {@code 20-current}) holds a version or date
   * and is pinned to it.
   */
  static String floatingWord(String tag) {
    String found = null;
    for (String part : tag.toLowerCase(Locale.ROOT).split("-", -1)) {
      if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
        return null;
      }
      if (found == null && FLOATING.contains(part)) {
        found = part;
      }
    }
    return found;
  }

  /** An official image's tag made of variant words only: {@code golang:alpine}, {@code python:slim-bookworm}. */
  private static boolean namesNoVersion(ImageRef image) {
    Optional<String> official = image.officialName();
    if (official.isEmpty() || CODENAME_IMAGES.contains(official.get())) {
      return false;
    }
    for (String part : image.tag().toLowerCase(Locale.ROOT).split("-", -1)) {
      if (!VARIANTS.contains(part)) {
        return false;
      }
    }
    return true;
  }

  /** The tag with its floating part replaced: {@code lts-alpine} gives {@code <version>-alpine}. */
  private static String replaceWord(String tag, String word) {
    StringBuilder out = new StringBuilder();
    for (String part : tag.split("-", -1)) {
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(part.toLowerCase(Locale.ROOT).equals(word) ? "<version>" : part);
    }
    return out.toString();
  }
}
