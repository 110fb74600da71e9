package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code FROM --platform=$TARGETPLATFORM}: the target platform is already the default. As in BuildKit,
 * only an expression whose one variable is TARGETPLATFORM and that evaluates to its value.
 */
public final class PlatformRedundant implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("platform-redundant", Severity.INFO,
      "FROM --platform=$TARGETPLATFORM is redundant", "RedundantTargetPlatform", "DL3065");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Scope scope = file.scopeAt(stage.from());
      for (Flag platform : stage.from().flags("platform")) {
        if (platform.value() == null) {
          continue;
        }
        Expansion expansion = scope.expand(platform.value());
        Set<String> names = new HashSet<>(expansion.references());
        if (expansion.error() != null || !names.equals(Set.of("TARGETPLATFORM"))) {
          continue;
        }
        java.util.Optional<Variable> targetPlatform = scope.get("TARGETPLATFORM");
        String target = targetPlatform.isPresent() ? targetPlatform.get().value() : null;
        if (Objects.equals(expansion.value(), target)) {
          context.report(platform.range(), "--platform=" + platform.value() + " is redundant: FROM already uses "
              + "the target platform; remove the flag");
        }
      }
    }
  }
}
