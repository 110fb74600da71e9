package dev.dockerlint.rules.images;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code FROM --platform=$BUILDPLATFORM} is for builder stages that cross-compile. A final stage on
 * it (itself, or through the stage it is built on) is the build machine's platform: a multi-platform
 * build pushes the builder's architecture under every platform's name.
 */
public final class FinalStageBuildPlatform implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("final-stage-build-platform", Severity.WARNING,
      "The final stage runs on the build platform ($BUILDPLATFORM), not the target platform");

  /** The predefined ARGs that describe the machine running the build. */
  private static final Set<String> BUILD_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");

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
    Stage finalStage = last.get();
    // the nearest FROM of the chain that sets a platform decides it
    for (Stage stage : file.lineage(finalStage)) {
      Optional<Flag> platform = stage.from().platform();
      if (platform.isEmpty() || platform.get().value() == null) {
        continue;
      }
      Expansion expansion = file.scopeAt(stage.from()).expand(platform.get().value());
      if (!usesBuildPlatform(expansion.references())) {
        return;
      }
      if (stage == finalStage) {
        context.report(platform.get().range(), "The final stage uses --platform=" + platform.get().value()
            + ", the build machine's platform, so a multi-platform build ships the builder's architecture for "
            + "every target; use --platform=$TARGETPLATFORM or drop the flag");
      } else {
        String name = stage.name() != null ? "'" + stage.name() + "'" : "#" + stage.index();
        context.report(finalStage.from().image(), "The final stage is built on stage " + name + ", which uses "
            + "--platform=" + platform.get().value() + " (line " + stage.from().range().startLine() + "), so the "
            + "image ships the build machine's architecture; start the final stage from an image and COPY --from="
            + (stage.name() != null ? stage.name() : String.valueOf(stage.index())) + " what it needs");
      }
      return;
    }
  }

  private static boolean usesBuildPlatform(List<String> references) {
    for (String name : references) {
      if (BUILD_ARGS.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
