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

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
