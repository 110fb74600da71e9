package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.User;
import dev.dockerlint.ast.UserSpec;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;
import java.util.Locale;
import java.util.Optional;

/** The final stage must not run as root; builder stages may. */
public final class UserRoot implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("user-root", Severity.WARNING,
      "The final stage runs as root", "DL3002").withTags("security").security(6.0);

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
    Stage stage = last.get();
    if (stage.from().image().text().isEmpty()) {
      return; // FROM without an image is a syntax error already
    }
    Optional<User> user = file.effectiveUser(stage);
    if (user.isPresent()) {
      if (user.get().user() == null) {
        return; // USER without an argument is a syntax error already
      }
      Expansion value = file.scopeAt(user.get()).expand(user.get().user().text());
      if (value.error() != null || value.value().isBlank()) {
        return; // unknown until build time (USER $UID without a default)
      }
      UserSpec spec = UserSpec.parse(value.value().strip());
      if (spec.isRoot() && spec.user().equalsIgnoreCase("ContainerAdministrator")) {
        context.report(user.get().user(), "The final stage switches to ContainerAdministrator (USER "
            + value.value().strip() + "), the Windows container's administrator; switch to USER ContainerUser "
            + "after the steps that need it");
      } else if (spec.isRoot()) {
        context.report(user.get().user(), "The final stage switches to root (USER " + value.value().strip()
            + "); switch to an unprivileged user such as USER 10001 after the steps that need root");
      }
      return;
    }
    Optional<ImageRef> root = file.rootImage(stage);
    if (root.isPresent() && runsAsNonRoot(root.get())) {
      return;
    }
    if (root.isPresent() && isWindows(root.get())) {
      context.report(stage.from().image(), "The final stage runs as ContainerAdministrator, the default user of "
          + "Windows Server Core images: no USER is set in it or the stages it is built on; add USER ContainerUser");
      return;
    }
    context.report(stage.from().image(), "The final stage runs as root: no USER is set in it or the stages it is "
        + "built on; add USER with an unprivileged user (for example USER 10001)");
  }

  /**
   * Images that run as an unprivileged user unless told otherwise: distroless-style images whose tag
   * says so, and Windows Nano Server, whose default user is ContainerUser.
   */
  private static boolean runsAsNonRoot(ImageRef image) {
    String tag = image.tag() == null ? "" : image.tag().toLowerCase(Locale.ROOT);
    String path = image.path().toLowerCase(Locale.ROOT);
    return tag.contains("nonroot") || tag.contains("non-root") || tag.contains("nanoserver")
        || path.endsWith("/nanoserver");
  }

  private static boolean isWindows(ImageRef image) {
    String reference = image.raw().toLowerCase(Locale.ROOT);
    return reference.contains("windowsservercore") || reference.contains("servercore")
        || reference.contains("mcr.microsoft.com/windows");
  }
}
