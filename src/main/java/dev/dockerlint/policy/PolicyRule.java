package dev.dockerlint.policy;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
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
  /** The kinds of instruction the match can match ({@link InstructionMatch#kinds}): the others are skipped. */
  private final int kinds;
  /** The bits of {@link #kinds}, one by one. */
  private final int[] kindBits;
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
    this.kinds = match.kinds();
    int count = Integer.bitCount(kinds);
    this.kindBits = new int[count];
    for (int k = 0, at = 0; at < count; k++) {
      if ((kinds & (1 << k)) != 0) {
        kindBits[at++] = 1 << k;
      }
    }
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
    FileIndex index = FileIndex.of(file);
    if (stages == Stages.ANY && !require && (kinds & InstructionMatch.ARG) != 0) {
      for (Instruction instruction : index.globalArgs) {
        report(index, null, instruction, context);
      }
    }
    for (Stage stage : file.stages()) {
      if (!applies(file, stage)) {
        continue;
      }
      if (require) {
        if (!found(index, stage)) {
          SourceRange at = stage.from().keyword().range().union(stage.from().image().range());
          String image = stage.baseImage() != null ? stage.baseImage().raw() : stage.from().image().text();
          String[] values = new String[Placeholder.COUNT];
          values[Placeholder.STAGE.ordinal()] = stageLabel(stage);
          values[Placeholder.IMAGE.ordinal()] = image;
          context.report(at, render(values));
        }
        continue;
      }
      for (int bit : kindBits) {
        for (Instruction instruction : index.of(stage, bit)) {
          report(index, stage, instruction, context);
        }
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

  /** Whether the stage, or one it is built on, has an instruction that matches (an ONBUILD trigger included). */
  private boolean found(FileIndex index, Stage stage) {
    for (Stage s : index.file.lineage(stage)) {
      for (int bit : kindBits) {
        for (Instruction instruction : index.of(s, bit)) {
          if (!match.hits(index, s, instruction).isEmpty()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Reports the instruction's hits. */
  private void report(FileIndex index, Stage stage, Instruction instruction, RuleContext context) {
    for (Hit hit : match.hits(index, stage, instruction)) {
      hit.with(Placeholder.STAGE, stage == null ? "" : stageLabel(stage));
      context.report(hit.range(), render(hit.values()));
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
