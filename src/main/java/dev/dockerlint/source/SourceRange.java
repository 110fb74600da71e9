package dev.dockerlint.source;

/**
 * A span of source text; the end is exclusive, as SARIF regions are. Held as four ints rather than
 * two {@link Position}s: a large file has a range on every token, and two fewer objects per range
 * is a third less for the garbage collector to copy.
 */
public record SourceRange(int startLine, int startColumn, int endLine, int endColumn) {
  public SourceRange {
    if (startLine < 1 || startColumn < 1 || endLine < 1 || endColumn < 1) {
      throw new IllegalArgumentException(
          "position must be 1-based: " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
    if (endLine < startLine || endLine == startLine && endColumn < startColumn) {
      throw new IllegalArgumentException(
          "range ends before it starts: " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  public SourceRange(Position start, Position end) {
    this(start.line(), start.column(), end.line(), end.column());
  }

  public static SourceRange of(int startLine, int startColumn, int endLine, int endColumn) {
    return new SourceRange(startLine, startColumn, endLine, endColumn);
  }

  public Position start() {
    return new Position(startLine, startColumn);
  }

  public Position end() {
    return new Position(endLine, endColumn);
  }

  /** The smallest range covering both. */
  public SourceRange union(SourceRange other) {
    boolean thisStartsFirst = compare(startLine, startColumn, other.startLine, other.startColumn) <= 0;
    boolean thisEndsLast = compare(endLine, endColumn, other.endLine, other.endColumn) >= 0;
    return new SourceRange(
        thisStartsFirst ? startLine : other.startLine, thisStartsFirst ? startColumn : other.startColumn,
        thisEndsLast ? endLine : other.endLine, thisEndsLast ? endColumn : other.endColumn);
  }

  public boolean contains(SourceRange other) {
    return compare(startLine, startColumn, other.startLine, other.startColumn) <= 0
        && compare(endLine, endColumn, other.endLine, other.endColumn) >= 0;
  }

  private static int compare(int line, int column, int otherLine, int otherColumn) {
    return line != otherLine ? Integer.compare(line, otherLine) : Integer.compare(column, otherColumn);
  }

  // written out: the generated ones bootstrap through invokedynamic on first use, which costs a
  // single-file run about 20 ms of method-handle spinning

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceRange r && r.startLine == startLine && r.startColumn == startColumn
        && r.endLine == endLine && r.endColumn == endColumn;
  }

  @Override
  public int hashCode() {
    return ((startLine * 31 + startColumn) * 31 + endLine) * 31 + endColumn;
  }

  @Override
  public String toString() {
    return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
  }
}
