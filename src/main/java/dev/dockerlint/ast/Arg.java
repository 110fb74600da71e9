package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code ARG}; one instruction may declare several. */
public record Arg(Token keyword, List<Flag> flags, SourceRange range, List<ArgDeclaration> declarations)
    implements Instruction {
  public Arg {
    flags = List.copyOf(flags);
  }
}
