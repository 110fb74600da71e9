package dev.dockerlint.parse;

import dev.dockerlint.ast.Token;
import dev.dockerlint.source.OffsetMap;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.Arrays;

/**
 * Text joined from pieces of physical lines (a continued instruction, a heredoc body), with the file
 * offset of every character, so anything found in the joined text keeps its exact source range.
 */
final class LogicalLine {
  private final SourceText source;
  private final StringBuilder text = new StringBuilder();
  /**
   * The joined text is runs of file text: run {@code k} starts at index {@code runStarts[k]} of the
   * joined text and at offset {@code runOffsets[k]} of the file. An int per run, not per character:
   * a 12,000-line RUN had been 2 MB of offsets.
   */
  private int[] runStarts = new int[8];
  private int[] runOffsets = new int[8];
  private int runs;
  /** The file offset just after the last character appended; text from there extends the last run. */
  private int runEnd;
  private int end;
  private String frozen;
  // the run and line of the last lookup: the parsers ask in reading order, so the next answer is
  // almost always there or just after; parse-time state, used on one thread
  private int runHint;
  private int lineHint = -1;

  LogicalLine(SourceText source, int startOffset) {
    this.source = source;
    this.end = startOffset;
  }

  /** Appends the file text {@code [from, to)} as is. */
  void append(int from, int to) {
    if (to > from) {
      if (runs == 0 || from != runEnd) {
        if (runs == runStarts.length) {
          runStarts = Arrays.copyOf(runStarts, runs * 2);
          runOffsets = Arrays.copyOf(runOffsets, runs * 2);
        }
        runStarts[runs] = text.length();
        runOffsets[runs] = from;
        runs++;
      }
      runEnd = to;
      text.append(source.text(), from, to);
    }
    end = to;
    frozen = null;
  }

  String text() {
    if (frozen == null) {
      frozen = text.toString();
    }
    return frozen;
  }

  int length() {
    return text.length();
  }

  /** The file offset of a character of the joined text; the end of the text maps past its last character. */
  int fileOffset(int index) {
    if (index >= text.length()) {
      return end;
    }
    int run = runHint;
    if (run >= runs || runStarts[run] > index) {
      run = 0;
    }
    if (run + 1 < runs && runStarts[run + 1] <= index) {
      run = run + 2 >= runs || runStarts[run + 2] > index ? run + 1 : lastRunStartingAtOrBefore(index);
    }
    runHint = run;
    return runOffsets[run] + index - runStarts[run];
  }

  private int lastRunStartingAtOrBefore(int index) {
    int found = Arrays.binarySearch(runStarts, 0, runs, index);
    return found >= 0 ? found : -found - 2;
  }

  Position position(int index) {
    int offset = fileOffset(index);
    lineHint = source.lineIndex(offset, lineHint);
    return new Position(lineHint + 1, offset - source.lineStart(lineHint + 1) + 1);
  }

  OffsetMap map() {
    return mapFrom(0);
  }

  /** A map for a substring of this text that starts at {@code base}. */
  OffsetMap mapFrom(int base) {
    return new OffsetMap() {
      @Override
      public Position position(int offset) {
        return LogicalLine.this.position(base + offset);
      }

      @Override
      public SourceRange range(int startOffset, int endOffset) {
        return LogicalLine.this.range(base + startOffset, base + endOffset);
      }
    };
  }

  /**
   * The file range of the joined text {@code [from, to)}; ends just after the character at
   * {@code to - 1}, so a range never runs on into the continuation that follows it. Same result as
   * {@link OffsetMap#range}, without the intermediate positions (one range per shell word).
   */
  SourceRange range(int from, int to) {
    int startOffset = fileOffset(from);
    int startLine = lineHint = source.lineIndex(startOffset, lineHint);
    int startColumn = startOffset - source.lineStart(startLine + 1) + 1;
    if (to <= from) {
      return new SourceRange(startLine + 1, startColumn, startLine + 1, startColumn);
    }
    int lastOffset = fileOffset(to - 1);
    int endLine = lineHint = source.lineIndex(lastOffset, lineHint);
    int endColumn = lastOffset - source.lineStart(endLine + 1) + 2;
    if (endLine < startLine || endLine == startLine && endColumn < startColumn) {
      return new SourceRange(startLine + 1, startColumn, startLine + 1, startColumn);
    }
    return new SourceRange(startLine + 1, startColumn, endLine + 1, endColumn);
  }

  Token token(int from, int to) {
    return new Token(dev.dockerlint.source.StringTable.substring(text(), from, to), range(from, to));
  }
}
