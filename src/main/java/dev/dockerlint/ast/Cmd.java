package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code CMD}. */
public record Cmd(Token keyword, List<Flag> flags, SourceRange range, CommandLine command)
    implements Instruction {
  public Cmd {
    flags = List.copyOf(flags);
  }
}
