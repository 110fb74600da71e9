package dev.dockerlint.source;

/**
 * Maps offsets in a derived string (a logical line joined from continued physical lines, a heredoc
 * body) back to positions in the file, so tokens found in it keep exact source ranges.
 */
@FunctionalInterface
public interface OffsetMap {
  Position position(int offset);

  default SourceRange range(int startOffset, int endOffset) {
    Position start = position(startOffset);
    Position end = endOffset <= startOffset ? start : endAfter(endOffset - 1);
    return new SourceRange(start, end.compareTo(start) < 0 ? start : end);
  }

  /** The exclusive end position just after the character at {@code lastOffset}. */
  private Position endAfter(int lastOffset) {
    Position last = position(lastOffset);
    return new Position(last.line(), last.column() + 1);
  }

  /** For text copied verbatim from the file starting at {@code base}. */
  static OffsetMap shifted(SourceText text, int base) {
    return offset -> text.position(base + offset);
  }
}
