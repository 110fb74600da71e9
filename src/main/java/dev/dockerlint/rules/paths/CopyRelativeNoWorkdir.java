package dev.dockerlint.rules.paths;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Workdir;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/**
 * A relative COPY/ADD destination is resolved against the working directory. Before any WORKDIR in
 * the stage (or the stages it is built FROM) that is whatever the base image chose, which can change
 * with the next base image update.
 */
public final class CopyRelativeNoWorkdir implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-relative-no-workdir", Severity.WARNING,
      "COPY or ADD to a relative destination before any WORKDIR", "DL3045");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      boolean workdirSet = file.inherited(stage, Workdir.class).isPresent();
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Workdir) {
          workdirSet = true;
        }
        if (workdirSet || !(instruction instanceof FileTransfer transfer) || transfer.destination() == null) {
          continue;
        }
        Optional<String> destination = file.scopeAt(instruction).expandPath(transfer.destination().text());
        if (destination.isEmpty() || destination.get().isEmpty() || Workdir.isAbsolute(destination.get())) {
          continue;
        }
        context.report(transfer.destination(), instruction.name() + " destination '" + destination.get()
            + "' is relative and no WORKDIR is set yet, so it lands in the base image's working directory; use an "
            + "absolute path or set WORKDIR first");
      }
    }
  }
}
