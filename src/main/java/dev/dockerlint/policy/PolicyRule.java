package dev.dockerlint.policy;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.source.SourceRange;
import java.util.List;

/**
 * A rule of a pack, compiled: to the linter, suppressions, baselines and reports an ordinary
 * {@link Rule}. {@code forbid} reports every match in the stages it looks at; {@code require}
 * reports each such stage in which nothing matches (the stage and the stages it is built on).
 */
public final class PolicyRule implements Rule {
  /** Which stages a rule looks at. */
  enum Stages { ANY, FINAL, NAMED }

  private final RuleInfo info;
  private final boolean require;
  private final Stages stages;
  private final String stageName;
  private final InstructionMatch match;
  private final Object[] message;
  private final String source;
  private final String description;
  private final List<Example> examples;

  /**
   * One snippet of a rule's {@code examples}: {@code bad} ones must be reported, {@code good} ones not.
   *
   * @param line where the snippet starts in the pack
   */
  public record Example(boolean bad, String dockerfile, int line) {}

  /**
   * @param message literal strings and {@link Placeholder}s, in order
   * @param source the pack as messages name it
   */
  PolicyRule(RuleInfo info, boolean require, Stages stages, String stageName, InstructionMatch match, Object[] message,
      String source, String description, List<Example> examples) {
    this.info = info;
    this.require = require;
    this.stages = stages;
    this.stageName = stageName;
    this.match = match;
    this.message = message;
    this.source = source;
    this.description = description;
    this.examples = List.copyOf(examples);
  }

  @Override
  public RuleInfo info() {
    return info;
  }

  /** The pack file the rule comes from, as messages name it. */
  public String source() {
    return source;
  }

  /** The rule's {@code description}, or null. */
  public String description() {
    return description;
  }

  public List<Example> examples() {
    return examples;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    List<Stage> all = file.stages();
    if (stages == Stages.ANY && !require) {
      for (Instruction instruction : file.globalArgs()) {
        report(file, null, instruction, context);
      }
    }
    for (Stage stage : all) {
      if (!applies(file, stage)) {
        continue;
      }
      if (require) {
        if (!found(file, stage)) {
          SourceRange at = stage.from().keyword().range().union(stage.from().image().range());
          String image = stage.baseImage() != null ? stage.baseImage().raw() : stage.from().image().text();
          String[] values = new String[Placeholder.COUNT];
          values[Placeholder.STAGE.ordinal()] = stageLabel(stage);
          values[Placeholder.IMAGE.ordinal()] = image;
          context.report(at, render(values));
        }
        continue;
      }
      report(file, stage, stage.from(), context);
      for (Instruction instruction : stage.instructions()) {
        report(file, stage, instruction, context);
      }
    }
  }

  private boolean applies(Dockerfile file, Stage stage) {
    return switch (stages) {
      case ANY -> true;
      case FINAL -> stage.index() == file.stages().size() - 1;
      case NAMED -> stage.name() != null && stage.name().equalsIgnoreCase(stageName);
    };
  }

  /** Whether the stage, or one it is built on, has an instruction that matches. */
  private boolean found(Dockerfile file, Stage stage) {
    for (Stage s : file.lineage(stage)) {
      if (!hits(file, s, s.from()).isEmpty()) {
        return true;
      }
      for (Instruction instruction : s.instructions()) {
        if (!hits(file, s, instruction).isEmpty()) {
          return true;
        }
        if (instruction instanceof Onbuild onbuild && onbuild.trigger() != null
            && !hits(file, s, onbuild.trigger()).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private List<Hit> hits(Dockerfile file, Stage stage, Instruction instruction) {
    return match.hits(file, stage, instruction);
  }

  /** Reports the instruction's hits, and an ONBUILD trigger's. */
  private void report(Dockerfile file, Stage stage, Instruction instruction, RuleContext context) {
    for (Hit hit : hits(file, stage, instruction)) {
      hit.with(Placeholder.STAGE, stage == null ? "" : stageLabel(stage));
      context.report(hit.range(), render(hit.values()));
    }
    if (instruction instanceof Onbuild onbuild && onbuild.trigger() != null) {
      report(file, stage, onbuild.trigger(), context);
    }
  }

  private static String stageLabel(Stage stage) {
    return stage.name() != null ? stage.name() : Integer.toString(stage.index());
  }

  private String render(String[] values) {
    StringBuilder text = new StringBuilder();
    for (Object part : message) {
      if (part instanceof Placeholder placeholder) {
        String value = values[placeholder.ordinal()];
        text.append(value == null ? "" : value);
      } else {
        text.append((String) part);
      }
    }
    return text.toString();
  }
}
