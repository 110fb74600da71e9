package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code ENTRYPOINT}. */
public record Entrypoint(Token keyword, List<Flag> flags, SourceRange range, CommandLine command)
    implements Instruction {
  public Entrypoint {
    flags = List.copyOf(flags);
  }
}
