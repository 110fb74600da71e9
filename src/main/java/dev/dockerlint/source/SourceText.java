package dev.dockerlint.source;

import java.util.Arrays;

/**
 * The text of one file with its line starts, so offsets map to positions and code frames can show a
 * line. Lines are split on {@code \n} only (as BuildKit does); a trailing {@code \r} is part of the
 * line's terminator, not of its text.
 */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;

  public SourceText(String text) {
    this.text = text;
    int count = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      starts[line++] = i + 1;
    }
    this.lineStarts = starts;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** Offset of the first character of a 1-based line. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The line's text without its terminator ({@code \n} or {@code \r\n}). */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r' && line < lineStarts.length) {
      end--;
    }
    return text.substring(start, end);
  }

  public Position position(int offset) {
    int lineIndex = lineIndex(offset, -1);
    return new Position(lineIndex + 1, offset - lineStarts[lineIndex] + 1);
  }

  /**
   * The 0-based index of the line holding {@code offset}. A parser reading forward passes its last
   * answer as {@code hint}: the same or the next line is checked before a binary search, which on a
   * 100,000-line file had been a fifth of the parse.
   */
  public int lineIndex(int offset, int hint) {
    if (hint >= 0 && hint < lineStarts.length && lineStarts[hint] <= offset) {
      if (hint + 1 == lineStarts.length || offset < lineStarts[hint + 1]) {
        return hint;
      }
      if (hint + 2 == lineStarts.length || offset < lineStarts[hint + 2]) {
        return hint + 1;
      }
    }
    int idx = Arrays.binarySearch(lineStarts, offset);
    return idx >= 0 ? idx : -idx - 2;
  }

  public SourceRange range(int startOffset, int endOffset) {
    return new SourceRange(position(startOffset), position(endOffset));
  }

  /** The exact source text a range covers. */
  public String slice(SourceRange range) {
    int from = lineStart(range.start().line()) + range.start().column() - 1;
    int to = lineStart(range.end().line()) + range.end().column() - 1;
    return text.substring(Math.min(from, text.length()), Math.min(to, text.length()));
  }

  /**
   * The same text with each range masked: all but a short prefix of its characters become
   * {@code *}. Lengths and line breaks are kept, so every position stays valid.
   */
  public SourceText masked(java.util.List<SourceRange> ranges) {
    if (ranges.isEmpty()) {
      return this;
    }
    char[] chars = text.toCharArray();
    for (SourceRange range : ranges) {
      int from = Math.min(lineStart(range.start().line()) + range.start().column() - 1, chars.length);
      int to = Math.min(lineStart(range.end().line()) + range.end().column() - 1, chars.length);
      int keep = Math.min(4, (to - from) / 4);
      for (int i = from + keep; i < to; i++) {
        if (chars[i] != '\n' && chars[i] != '\r') {
          chars[i] = '*';
        }
      }
    }
    return new SourceText(new String(chars));
  }
}
