package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code MAINTAINER} (deprecated). */
public record Maintainer(Token keyword, List<Flag> flags, SourceRange range, Token maintainer)
    implements Instruction {
  public Maintainer {
    flags = List.copyOf(flags);
  }
}
