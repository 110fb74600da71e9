package dev.dockerlint.rules;

import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Stage;
import java.util.ArrayList;
import java.util.List;

/** How a {@code COPY --from} value relates to the stages of the file. */
final class StageRefs {
  private StageRefs() {}

  /** A top-level {@code COPY --from=value} and the stage it is in. */
  record CopyFrom(Stage stage, Copy copy, Flag flag) {
    String value() {
      return flag.value();
    }

    boolean isNumeric() {
      String v = value();
      if (v.isEmpty() || v.length() > 9) {
        return false;
      }
      for (int i = 0; i < v.length(); i++) {
        if (v.charAt(i) < '0' || v.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    /** True when the value names the stage the COPY is in, by name (any case) or by index. */
    boolean namesOwnStage() {
      if (isNumeric()) {
        return Integer.parseInt(value()) == stage.index();
      }
      return stage.name() != null && stage.name().equalsIgnoreCase(value());
    }

    /** Contains {@code /}, {@code :}, {@code .} or {@code @}, as image references usually do. */
    boolean looksLikeImage() {
      String v = value();
      return v.indexOf('/') >= 0 || v.indexOf(':') >= 0 || v.indexOf('.') >= 0 || v.indexOf('@') >= 0;
    }
  }

  /** Every top-level COPY with a non-empty, variable-free {@code --from} value. */
  static List<CopyFrom> copyFroms(Dockerfile file) {
    List<CopyFrom> result = new ArrayList<>();
    for (Stage stage : file.stages()) {
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Copy copy) {
          for (Flag flag : copy.flags("from")) {
            if (flag.value() != null && !flag.value().isBlank() && flag.value().indexOf('$') < 0) {
              result.add(new CopyFrom(stage, copy, flag));
            }
          }
        }
      }
    }
    return result;
  }

  /** The name of an earlier stage closest to {@code name} (edit distance 2 at most), or null. */
  static String closest(List<Stage> stages, String name) {
    return NameSuggestion.closest(name, stages.stream().map(Stage::name).toList(), 2).orElse(null);
  }
}
