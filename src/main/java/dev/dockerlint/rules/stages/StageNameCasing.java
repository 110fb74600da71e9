package dev.dockerlint.rules.stages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Instruction;
import java.util.ArrayList;
import java.util.List;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;

/**
 * Docker lower-cases stage names, so {@code FROM x AS Build} is referred to as {@code build}; a
 * mixed-case name misleads readers and breaks tools that compare names exactly.
 */
public final class StageNameCasing implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("stage-name-casing", Severity.WARNING,
      "Stage name is not lowercase", "StageNameCasing").fixable(Applicability.UNSAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /**
   * The stage renamed, with every FROM and COPY --from that names it. Unsafe: builds outside the
   * file name the stage too ({@code docker build --target}, compose's {@code build.target}). None
   * when another stage shares the name, or a reference cannot be rewritten where it stands (a
   * {@code RUN --mount=from=}, a quoted or variable {@code --from}).
   */
  private static Fix fix(Dockerfile file, Stage stage, String lower) {
    String name = stage.name();
    List<Edit> edits = new ArrayList<>();
    edits.add(Edit.replace(stage.from().stageName().range(), lower));
    for (Stage other : file.stages()) {
      if (other != stage && other.name() != null && other.name().equalsIgnoreCase(name)) {
        return null;
      }
      if (other.baseStage() == stage.index() && other.from().image() != null) {
        Token image = other.from().image();
        if (!image.text().equalsIgnoreCase(name) || !file.source().slice(image.range()).equals(image.text())) {
          return null;
        }
        edits.add(Edit.replace(image.range(), lower));
      }
      for (Instruction instruction : other.instructions()) {
        for (Flag flag : instruction.flags()) {
          if (flag.name().equals("mount") && flag.value() != null
              && flag.value().toLowerCase(Locale.ROOT).contains("from=" + name.toLowerCase(Locale.ROOT))) {
            return null;
          }
        }
      }
    }
    for (CopyFrom copy : file.copyFroms()) {
      if (!copy.value().equalsIgnoreCase(name) || file.sourceStage(copy).orElse(null) != stage) {
        continue;
      }
      if (!file.source().slice(copy.flag().range()).equals("--from=" + copy.value())) {
        return null;
      }
      edits.add(Edit.replace(copy.flag().range(), "--from=" + lower));
    }
    return new Fix("Rename the stage '" + lower + "' here and where it is used", Applicability.UNSAFE, edits);
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Token name = stage.from().stageName();
      if (name == null) {
        continue;
      }
      String lower = name.text().toLowerCase(Locale.ROOT);
      if (!lower.equals(name.text())) {
        context.report(name.range(), "Stage name '" + name.text() + "' should be lowercase; write '" + lower + "'",
            fix(file, stage, lower));
      }
    }
  }
}
