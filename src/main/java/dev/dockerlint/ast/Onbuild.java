package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code ONBUILD} wrapping one instruction; {@code trigger} is null when missing. */
public record Onbuild(Token keyword, List<Flag> flags, SourceRange range, Instruction trigger)
    implements Instruction {
  public Onbuild {
    flags = List.copyOf(flags);
  }
}
