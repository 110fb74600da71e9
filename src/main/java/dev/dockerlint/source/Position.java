package dev.dockerlint.source;

/** A place in a file: 1-based line, 1-based column counted in UTF-16 code units (SARIF's default). */
public record Position(int line, int column) implements Comparable<Position> {
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("position must be 1-based: " + line + ":" + column);
    }
  }

  @Override
  public int compareTo(Position other) {
    return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
  }

  // written out, as in SourceRange: the generated ones bootstrap through invokedynamic on first use

  @Override
  public boolean equals(Object other) {
    return other instanceof Position p && p.line == line && p.column == column;
  }

  @Override
  public int hashCode() {
    return line * 31 + column;
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
