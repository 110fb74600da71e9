package dev.dockerlint.rules.stages;

import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** A stage cannot copy from itself: its files do not exist yet when the COPY runs. */
public final class CopyFromSelf implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-from-self", Severity.ERROR,
      "COPY --from names the stage it is in", "DL3023");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (CopyFrom ref : file.copyFroms()) {
      if (ref.namesOwnStage()) {
        context.report(ref.flag().range(), "COPY --from=" + ref.value() + " names the stage it is in, which cannot "
            + "copy from itself; copy from an earlier stage, or use the file's path in this stage directly");
      }
    }
  }
}
