package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code VOLUME}, JSON or whitespace-separated. */
public record Volume(Token keyword, List<Flag> flags, SourceRange range, List<Token> paths, boolean json)
    implements Instruction {
  public Volume {
    flags = List.copyOf(flags);
  }
}
