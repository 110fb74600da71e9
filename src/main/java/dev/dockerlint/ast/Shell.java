package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code SHELL}; Docker requires the exec (JSON) form. */
public record Shell(Token keyword, List<Flag> flags, SourceRange range, CommandLine command)
    implements Instruction {
  public Shell {
    flags = List.copyOf(flags);
  }
}
