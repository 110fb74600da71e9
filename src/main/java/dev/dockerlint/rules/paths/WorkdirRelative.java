package dev.dockerlint.rules.paths;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Workdir;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The first WORKDIR of a stage chain is resolved against the base image's working directory, which
 * the Dockerfile does not control. Later WORKDIRs (in the stage or in stages built on it) are
 * resolved against the first, as BuildKit does, so only that one is checked.
 */
public final class WorkdirRelative implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("workdir-relative", Severity.WARNING,
      "WORKDIR is a relative path", "DL3000", "WorkdirRelativePath");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      List<Workdir> workdirs = stage.instructions(Workdir.class);
      if (workdirs.isEmpty() || inheritsWorkdir(file, stage)) {
        continue;
      }
      Workdir first = workdirs.get(0);
      if (first.path() == null) {
        continue;
      }
      Optional<String> path = file.scopeAt(first).expandPath(first.path().text());
      if (path.isPresent() && !path.get().isEmpty() && !Workdir.isAbsolute(path.get())) {
        context.report(first.path(), "WORKDIR '" + path.get() + "' is relative, so it depends on the base image's "
            + "working directory; use an absolute path such as " + suggestion(path.get()));
      }
    }
  }

  private static String suggestion(String relative) {
    String p = relative;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p.isEmpty() || p.equals(".") ? "/app" : "/" + p;
  }

  /** True when a stage this one is built FROM already set a WORKDIR. */
  private static boolean inheritsWorkdir(Dockerfile file, Stage stage) {
    return file.inherited(stage, Workdir.class).isPresent();
  }
}
