package dev.dockerlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Property tests over generated Dockerfiles ({@link DockerfileGenerator}). Each property runs
 * {@code dockerlint.tries} cases (default 300) from seeds derived from {@code dockerlint.seed}, so
 * a longer run is {@code ./mvnw test -Dtest=DockerfilePropertiesTest -Ddockerlint.tries=100000} and
 * a failure names the seed that replays it.
 */
class DockerfilePropertiesTest {
  static final int TRIES = Integer.getInteger("dockerlint.tries", 300);
  static final long SEED = Long.getLong("dockerlint.seed", 20240611L);

  interface Property {
    void check(String text) throws Exception;
  }

  static void forAll(String name, Property property) {
    for (int i = 0; i < TRIES; i++) {
      long seed = SEED * 1_000_003L + i;
      String text = new DockerfileGenerator(seed).dockerfile();
      try {
        property.check(text);
      } catch (Throwable e) {
        throw new AssertionError(name + " fails for seed " + seed + " on " + escape(text) + ": " + e, e);
      }
    }
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)
            ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  @Test
  void parserNeverThrowsAndEveryRangeLiesInsideTheFile() {
    forAll("parse", Invariants::parse);
  }

  @Test
  void linterNeverFailsAndReportsRender() {
    forAll("lint", Invariants::parseLintAndReport);
  }

  @Test
  void reprintingTheTreeAndParsingAgainGivesTheSameTree() {
    forAll("reprint", text -> {
      Dockerfile first = Invariants.parse(text);
      String printed = AstPrinter.print(first);
      Dockerfile second = Invariants.parse(printed);
      assertThat(shape(second)).as("reprinted as %s", escape(printed)).isEqualTo(shape(first));
      // printing is idempotent
      assertThat(AstPrinter.print(second)).isEqualTo(printed);
    });
  }

  @Test
  void lintingIsDeterministic() {
    forAll("deterministic", text -> {
      List<Finding> once = Invariants.lint(Invariants.parse(text));
      List<Finding> again = Invariants.lint(Invariants.parse(text));
      assertThat(again).isEqualTo(once);
    });
  }

  @Test
  void aCommentLineAboveTheFirstInstructionShiftsEveryFindingBelowByOneLine() {
    forAll("comment shift", generated -> {
      // the command line drops a UTF-8 BOM before parsing (otherwise it takes up column 1 of line 1)
      String text = generated.startsWith("\uFEFF") ? generated.substring(1) : generated;
      Dockerfile file = Invariants.parse(text);
      if (file.instructions().isEmpty()) {
        return;
      }
      int line = file.instructions().get(0).range().start().line();
      SourceText source = file.source();
      int at = source.lineStart(line);
      String shifted = text.substring(0, at) + "# c\n" + text.substring(at);
      List<Finding> expected = new ArrayList<>();
      for (Finding f : Invariants.lint(file)) {
        if (f.rule().equals(COMMENT_RULE)) {
          continue;
        }
        expected.add(f.line() < line ? f.withFix(shifted(f.fix(), line)) : new Finding(f.file(), f.rule(), f.severity(),
            shiftLineRefs(f.message(), line), new SourceRange(down(f.range().start()), down(f.range().end())), f.aliases(),
            shifted(f.fix(), line)));
      }
      List<Finding> actual = new ArrayList<>(Invariants.lint(Invariants.parse(shifted)));
      actual.removeIf(f -> f.rule().equals(COMMENT_RULE));
      assertThat(actual).as("with the comment: %s", escape(shifted)).isEqualTo(expected);
    });
  }

  /** The one rule about the comments above an instruction: the added comment is what it judges. */
  private static final String COMMENT_RULE = "description-comment-format";

  /** Messages that point at another line ("already used on line 2") move with it. */
  private static String shiftLineRefs(String message, int firstShifted) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bline (\\d+)").matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = Integer.parseInt(m.group(1));
      m.appendReplacement(out, "line " + (n >= firstShifted ? n + 1 : n));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A fix with every position on or after {@code line} one line down, as the comment moves them. */
  private static dev.dockerlint.lint.Fix shifted(dev.dockerlint.lint.Fix fix, int line) {
    if (fix == null) {
      return null;
    }
    List<dev.dockerlint.lint.Edit> edits = new ArrayList<>();
    for (dev.dockerlint.lint.Edit edit : fix.edits()) {
      Position start = edit.range().start();
      Position end = edit.range().end();
      edits.add(new dev.dockerlint.lint.Edit(new SourceRange(start.line() >= line ? down(start) : start,
          end.line() >= line ? down(end) : end), edit.replacement()));
    }
    return new dev.dockerlint.lint.Fix(fix.title(), fix.applicability(), edits);
  }

  private static Position down(Position p) {
    return new Position(p.line() + 1, p.column());
  }

  /** The tree without positions: what must survive a reprint. */
  static String shape(Dockerfile file) {
    StringBuilder out = new StringBuilder();
    out.append("escape=").append(file.escape()).append('\n');
    file.directives().forEach(d -> out.append("directive ").append(d.name()).append('=').append(d.value()).append('\n'));
    for (Instruction instruction : file.instructions()) {
      shape(instruction, out);
      out.append('\n');
    }
    for (SyntaxError error : file.syntaxErrors()) {
      out.append("error ").append(error.message()).append(error.fatal() ? " fatal" : "").append('\n');
    }
    file.stages().forEach(stage -> out.append("stage ").append(stage.index()).append(' ').append(stage.name())
        .append(" base ").append(stage.baseStage()).append(' ').append(stage.instructions().size()).append('\n'));
    return out.toString();
  }

  private static void shape(Object node, StringBuilder out) {
    if (node == null) {
      out.append("null");
    } else if (node instanceof SourceRange) {
      out.append('_');
    } else if (node instanceof List<?> list) {
      out.append('[');
      list.forEach(item -> {
        shape(item, out);
        out.append(',');
      });
      out.append(']');
    } else if (node instanceof Optional<?> optional) {
      shape(optional.orElse(null), out);
    } else if (node instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('(');
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          shape(component.getAccessor().invoke(record), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        out.append(' ');
      }
      out.append(')');
    } else {
      // shell problems name their position ("unterminated single quote at 6:39"): not part of the shape
      out.append(escape(String.valueOf(node).replaceAll("\\b\\d+:\\d+\\b", "L:C")));
    }
  }
}
