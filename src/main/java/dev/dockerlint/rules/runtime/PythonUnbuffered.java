package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * Python buffers stdout when it is not a terminal, so a container's logs arrive late or are lost
 * when it crashes; it also writes .pyc files nobody reuses.
 */
public final class PythonUnbuffered implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("python-unbuffered", Severity.INFO,
      "A Python final stage sets neither PYTHONUNBUFFERED nor PYTHONDONTWRITEBYTECODE").offByDefault();

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
    Optional<ImageRef> root = file.rootImage(last.get());
    if (root.isEmpty() || !isPython(root.get())) {
      return;
    }
    for (Stage stage : file.lineage(last.get())) {
      for (Env env : stage.instructions(Env.class)) {
        for (KeyValue pair : env.pairs()) {
          String name = pair.key().text();
          if (name.equals("PYTHONUNBUFFERED") || name.equals("PYTHONDONTWRITEBYTECODE")) {
            return;
          }
        }
      }
    }
    Stage rootStage = file.lineage(last.get()).get(file.lineage(last.get()).size() - 1);
    context.report(rootStage.from().image(), "The final stage runs on Python image '" + root.get().raw()
        + "' without PYTHONUNBUFFERED; add 'ENV PYTHONUNBUFFERED=1' so log lines are not held in a buffer");
  }

  static boolean isPython(ImageRef image) {
    String name = image.baseName().toLowerCase(Locale.ROOT);
    String tag = image.tagValue().orElse("").toLowerCase(Locale.ROOT);
    return name.equals("python") || name.equals("pypy") || name.startsWith("python-") || name.startsWith("python3")
        || tag.contains("python");
  }
}
