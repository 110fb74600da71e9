package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.User;
import dev.dockerlint.ast.UserSpec;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/**
 * The final USER is a name: Kubernetes' {@code runAsNonRoot} can only verify a numeric UID, so pods
 * with that policy refuse to start. Root is left to user-root; no USER at all is not this rule's case;
 * Windows images (no numeric UIDs) are skipped.
 */
public final class UserUidNumeric implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("user-uid-numeric", Severity.INFO,
      "The final USER is a name, not a numeric UID", "DL3066").offByDefault();

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
    if (file.rootImage(last.get()).isPresent() && isWindows(file.rootImage(last.get()).get())) {
      return; // Windows users have no numeric UID, and runAsNonRoot does not apply
    }
    Optional<User> user = file.effectiveUser(last.get());
    if (user.isEmpty() || user.get().user() == null) {
      return;
    }
    Expansion value = file.scopeAt(user.get()).expand(user.get().user().text());
    if (value.error() != null || value.value().isBlank()) {
      return; // set at build time
    }
    UserSpec spec = UserSpec.parse(value.value().strip());
    if (spec.isNumeric() || spec.isRoot() || spec.user().isEmpty()) {
      return;
    }
    context.report(user.get().user(), "USER " + value.value().strip() + " names the user; Kubernetes runAsNonRoot "
        + "can only verify a numeric UID, so use the UID (for example USER 10001" + spec.groupValue().map(g -> ":" + g)
        .orElse("") + ")");
  }

  private static boolean isWindows(ImageRef image) {
    String raw = image.raw().toLowerCase(java.util.Locale.ROOT);
    return raw.contains("windows") || raw.contains("nanoserver") || raw.contains("servercore");
  }
}
