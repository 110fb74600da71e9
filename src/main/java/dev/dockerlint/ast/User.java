package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code USER user[:group]}; split the expanded value with {@link UserSpec#parse}. */
public record User(Token keyword, List<Flag> flags, SourceRange range, Token user)
    implements Instruction {
  public User {
    flags = List.copyOf(flags);
  }
}
