package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Optional;

/** A {@code FROM} line. {@code asKeyword} and {@code stageName} are null without {@code AS name}. */
public record From(Token keyword, List<Flag> flags, SourceRange range, Token image, Token asKeyword, Token stageName)
    implements Instruction {
  public From {
    flags = List.copyOf(flags);
  }

  public Optional<Token> stage() {
    return Optional.ofNullable(stageName);
  }

  public Optional<Flag> platform() {
    return flag("platform");
  }
}
