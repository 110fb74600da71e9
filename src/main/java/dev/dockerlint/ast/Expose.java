package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code EXPOSE}; read each expanded port with {@link PortSpec#parse}. */
public record Expose(Token keyword, List<Flag> flags, SourceRange range, List<Token> ports)
    implements Instruction {
  public Expose {
    flags = List.copyOf(flags);
  }
}
