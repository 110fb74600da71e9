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
  private int[] offsets = new int[32];
  private int end;
  private String frozen;

  LogicalLine(SourceText source, int startOffset) {
    this.source = source;
    this.end = startOffset;
  }

  /** Appends the file text {@code [from, to)} as is. */
  void append(int from, int to) {
    int at = text.length();
    ensure(at + (to - from));
    for (int i = from; i < to; i++) {
      offsets[at++] = i;
    }
    text.append(source.text(), from, to);
    end = to;
    frozen = null;
  }

  /** Appends one character that stands for the file character at {@code offset}. */
  void appendChar(char c, int offset) {
    ensure(text.length() + 1);
    offsets[text.length()] = offset;
    text.append(c);
    end = offset + 1;
    frozen = null;
  }

  private void ensure(int size) {
    if (size > offsets.length) {
      offsets = Arrays.copyOf(offsets, Math.max(size, offsets.length * 2));
    }
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
    return index < text.length() ? offsets[index] : end;
  }

  Position position(int index) {
    return source.position(fileOffset(index));
  }

  OffsetMap map() {
    return this::position;
  }

  /** A map for a substring of this text that starts at {@code base}. */
  OffsetMap mapFrom(int base) {
    return offset -> position(base + offset);
  }

  SourceRange range(int from, int to) {
    return map().range(from, to);
  }

  Token token(int from, int to) {
    return new Token(text().substring(from, to), range(from, to));
  }
}
