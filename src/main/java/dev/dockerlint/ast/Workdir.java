package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code WORKDIR}. */
public record Workdir(Token keyword, List<Flag> flags, SourceRange range, Token path)
    implements Instruction {
  public Workdir {
    flags = List.copyOf(flags);
  }

  /**
   * Absolute for Linux ({@code /app}) or Windows ({@code C:\app}, {@code C:/app}, {@code \app}), as
   * WORKDIR and COPY or ADD destinations are read.
   */
  public static boolean isAbsolute(String path) {
    if (path.startsWith("/") || path.startsWith("\\")) {
      return true;
    }
    return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(0) < 128 && path.charAt(1) == ':';
  }
}
