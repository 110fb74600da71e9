package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code WORKDIR}. */
public record Workdir(Token keyword, List<Flag> flags, SourceRange range, Token path)
    implements Instruction {
  public Workdir {
    flags = List.copyOf(flags);
  }
}
