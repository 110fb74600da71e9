package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code STOPSIGNAL}. */
public record Stopsignal(Token keyword, List<Flag> flags, SourceRange range, Token signal)
    implements Instruction {
  public Stopsignal {
    flags = List.copyOf(flags);
  }
}
