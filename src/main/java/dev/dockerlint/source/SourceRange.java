package dev.dockerlint.source;

/** A span of source text; {@code end} is exclusive, as SARIF regions are. */
public record SourceRange(Position start, Position end) {
  public SourceRange {
    if (end.compareTo(start) < 0) {
      throw new IllegalArgumentException("range ends before it starts: " + start + "-" + end);
    }
  }

  public static SourceRange of(int startLine, int startColumn, int endLine, int endColumn) {
    return new SourceRange(new Position(startLine, startColumn), new Position(endLine, endColumn));
  }

  /** The smallest range covering both. */
  public SourceRange union(SourceRange other) {
    Position s = start.compareTo(other.start) <= 0 ? start : other.start;
    Position e = end.compareTo(other.end) >= 0 ? end : other.end;
    return new SourceRange(s, e);
  }

  public boolean contains(SourceRange other) {
    return start.compareTo(other.start) <= 0 && end.compareTo(other.end) >= 0;
  }

  public int startLine() {
    return start.line();
  }

  public int endLine() {
    return end.line();
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
