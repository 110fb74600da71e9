package dev.dockerlint.rules.stages;

import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code COPY --from=builder} with no stage named builder before it: Docker then pulls an image called
 * {@code builder} from Docker Hub, which is almost always a typo or a renamed stage, and at worst
 * someone else's image. Values that look like image references ({@code /}, {@code :}, {@code .} or
 * {@code @}) are taken as images on purpose.
 */
public final class CopyFromUnknownStage implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-from-unknown-stage", Severity.WARNING,
      "COPY --from names no earlier stage and does not look like an image", "DL3022");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    // the first and last stage of each name (matched as equalsIgnoreCase does): one lookup per COPY,
    // not a scan of the stages, which was quadratic in a file of many stages
    Map<String, int[]> indexesByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Stage stage : file.stages()) {
      if (stage.name() != null) {
        int[] firstAndLast = indexesByName.get(stage.name());
        if (firstAndLast == null) {
          indexesByName.put(stage.name(), new int[] {stage.index(), stage.index()});
        } else {
          firstAndLast[1] = stage.index();
        }
      }
    }
    for (CopyFrom ref : file.copyFroms()) {
      if (ref.namesOwnStage() || ref.looksLikeImage()) {
        continue;
      }
      if (ref.isNumeric()) {
        if (Integer.parseInt(ref.value()) > ref.stage().index()) {
          context.report(ref.flag().range(), "COPY --from=" + ref.value() + " is not the index of an earlier stage "
              + "(this is stage " + ref.stage().index() + "); name the stage with FROM ... AS and copy from that name");
        }
        continue;
      }
      int[] firstAndLast = indexesByName.get(ref.value());
      if (firstAndLast != null && firstAndLast[0] < ref.stage().index()) {
        continue;
      }
      if (firstAndLast != null && firstAndLast[1] > ref.stage().index()) {
        context.report(ref.flag().range(), "COPY --from=" + ref.value() + " names a stage defined later in the file; "
            + "move that stage above this one so every builder resolves it");
        continue;
      }
      String close = NameSuggestion.closestStage(file.stages().subList(0, ref.stage().index()), ref.value());
      String stageHint = close != null ? "use an earlier stage (did you mean --from=" + close + ")"
          : "name an earlier stage with FROM ... AS " + ref.value();
      context.report(ref.flag().range(), "COPY --from=" + ref.value() + " names no earlier stage, so Docker pulls an "
          + "image called '" + ref.value() + "'; " + stageHint + ", or write the image with a tag, such as "
          + ref.value() + ":1.0");
    }
  }
}
