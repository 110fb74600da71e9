package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** An unknown keyword; the parser also reports a syntax error for it. */
public record Unknown(Token keyword, List<Flag> flags, SourceRange range, Token arguments)
    implements Instruction {
  public Unknown {
    flags = List.copyOf(flags);
  }
}
