package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.source.OffsetMap;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LogicalLine keeps runs of file offsets and remembers its last lookup; every answer must equal the
 * plain model of one file offset per character, in any order of lookups.
 */
class LogicalLineTest {
  private static final SourceText SOURCE = new SourceText(
      "RUN a \\\n  b \\\n\n  # note\n  c\nCOPY <<EOF /x\nline one\n\tline two\nEOF\n");

  @Test
  void continuedInstructionMapsEveryCharacterToItsFileOffset() {
    String file = SOURCE.text();
    LogicalLine line = new LogicalLine(SOURCE, 0);
    List<Integer> model = new ArrayList<>();
    appendBoth(line, model, 0, file.indexOf('\\'));            // "RUN a "
    appendBoth(line, model, file.indexOf("b"), file.indexOf("b") + 2);   // "b "
    appendBoth(line, model, file.indexOf("  c"), file.indexOf("c\n") + 1); // "  c"
    assertThat(line.text()).isEqualTo("RUN a b   c");
    assertMatches(line, model, file.indexOf("c\n") + 1, new Random(1));
  }

  @Test
  void adjacentPiecesAndEmptyPiecesKeepTheirOffsets() {
    LogicalLine line = new LogicalLine(SOURCE, 3);
    List<Integer> model = new ArrayList<>();
    appendBoth(line, model, 3, 5);
    appendBoth(line, model, 5, 7);   // continues the run before it
    appendBoth(line, model, 20, 20); // empty: moves only the end
    appendBoth(line, model, 20, 24); // starts where the empty piece "ended", not where the run did
    appendBoth(line, model, 7, 9);   // goes back in the file
    assertMatches(line, model, 9, new Random(2));
  }

  @Test
  void randomPiecesMatchThePerCharacterModel() {
    Random random = new Random(42);
    int length = SOURCE.text().length();
    for (int round = 0; round < 500; round++) {
      int start = random.nextInt(length);
      LogicalLine line = new LogicalLine(SOURCE, start);
      List<Integer> model = new ArrayList<>();
      int end = start;
      for (int piece = random.nextInt(12); piece > 0; piece--) {
        int from = random.nextInt(4) == 0 ? end : random.nextInt(length);
        int to = Math.min(length, from + random.nextInt(6));
        appendBoth(line, model, from, to);
        end = to;
      }
      assertMatches(line, model, end, random);
    }
  }

  private static void appendBoth(LogicalLine line, List<Integer> model, int from, int to) {
    line.append(from, to);
    for (int i = from; i < to; i++) {
      model.add(i);
    }
  }

  /** Looks up every index forwards, backwards and at random, through the line and through maps. */
  private static void assertMatches(LogicalLine line, List<Integer> model, int end, Random random) {
    int n = model.size();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      order.add(i);
    }
    for (int i = n; i >= 0; i--) {
      order.add(i);
    }
    for (int i = 0; i < 3 * (n + 1); i++) {
      order.add(random.nextInt(n + 1));
    }
    for (int index : order) {
      int expectedOffset = index < n ? model.get(index) : end;
      assertThat(line.fileOffset(index)).as("offset of index %d", index).isEqualTo(expectedOffset);
      assertThat(line.position(index)).isEqualTo(SOURCE.position(expectedOffset));
      int to = index + random.nextInt(Math.max(1, n - index + 1));
      assertThat(line.range(index, to)).as("range %d..%d", index, to).isEqualTo(expectedRange(model, end, index, to));
      int base = random.nextInt(index + 1);
      OffsetMap shifted = line.mapFrom(base);
      assertThat(shifted.range(index - base, to - base)).isEqualTo(expectedRange(model, end, index, to));
      assertThat(shifted.position(index - base)).isEqualTo(SOURCE.position(expectedOffset));
    }
  }

  /** The range as the generic OffsetMap computes it from per-character positions. */
  private static SourceRange expectedRange(List<Integer> model, int end, int from, int to) {
    OffsetMap perCharacter = index -> SOURCE.position(index < model.size() ? model.get(index) : end);
    return perCharacter.range(from, to);
  }

  @Test
  void lineIndexIgnoresAWrongHint() {
    for (int offset = 0; offset <= SOURCE.text().length(); offset++) {
      Position expected = SOURCE.position(offset);
      for (int hint = -1; hint <= SOURCE.lineCount() + 1; hint++) {
        assertThat(SOURCE.lineIndex(offset, hint) + 1).as("offset %d, hint %d", offset, hint).isEqualTo(expected.line());
      }
    }
  }
}
