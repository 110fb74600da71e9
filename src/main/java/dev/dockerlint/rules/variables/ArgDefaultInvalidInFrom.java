package dev.dockerlint.rules.variables;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;

/**
 * A FROM image that uses variables must still be a valid reference when only the ARG defaults are
 * used (a build without {@code --build-arg}), as BuildKit checks.
 */
public final class ArgDefaultInvalidInFrom implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("arg-default-invalid-in-from", Severity.WARNING,
      "ARG defaults make a FROM image empty or invalid", "InvalidDefaultArgInFrom");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      if (stage.isBuiltOnStage()) {
        continue;
      }
      String written = stage.from().image().text();
      Expansion expansion = file.scopeAt(stage.from()).expand(written);
      if (expansion.references().isEmpty() || expansion.error() != null) {
        continue;
      }
      String value = expansion.value();
      if (!value.isEmpty() && ImageRef.parse(value).isValid()) {
        continue;
      }
      String result = value.isEmpty() ? "an empty image name" : "'" + value + "', not a valid image reference";
      context.report(stage.from().image(), "With the ARG defaults, FROM " + written + " gives " + result
          + "; give the ARG a default that makes a valid image");
    }
  }
}
