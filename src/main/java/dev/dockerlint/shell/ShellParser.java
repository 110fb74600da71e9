package dev.dockerlint.shell;

import dev.dockerlint.source.OffsetMap;

/** A small POSIX shell parser: enough structure for rules to ask questions about commands. */
public final class ShellParser {
  private ShellParser() {}

  /**
   * Parses a script. Never throws: malformed input yields the commands found so far and a problem.
   *
   * <p>Dockerfile line continuations have already been joined; inside the shell {@code \} is the
   * escape character whatever the Dockerfile's {@code # escape=} says.
   *
   * @param positions maps offsets in {@code text} to file positions
   */
  public static ShellScript parse(String text, OffsetMap positions) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
