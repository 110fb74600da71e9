package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [options] CMD ...}; {@code command} is null for NONE or when missing. */
public record Healthcheck(Token keyword, List<Flag> flags, SourceRange range, Token type, CommandLine command)
    implements Instruction {
  public Healthcheck {
    flags = List.copyOf(flags);
  }

  public boolean isNone() {
    return type != null && type.text().equalsIgnoreCase("NONE");
  }
}
