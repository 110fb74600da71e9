package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Optional;

/**
 * A {@code FROM} line. {@code asKeyword} and {@code stageName} are null without {@code AS name};
 * {@code extraArguments} holds the words after the third, which Docker rejects
 * ({@code FROM alpine AS build extra}).
 */
public record From(Token keyword, List<Flag> flags, SourceRange range, Token image, Token asKeyword, Token stageName,
    List<Token> extraArguments) implements Instruction {
  public From {
    flags = List.copyOf(flags);
    extraArguments = List.copyOf(extraArguments);
  }

  public From(Token keyword, List<Flag> flags, SourceRange range, Token image, Token asKeyword, Token stageName) {
    this(keyword, flags, range, image, asKeyword, stageName, List.of());
  }

  public Optional<Token> stage() {
    return Optional.ofNullable(stageName);
  }

  public Optional<Flag> platform() {
    return flag("platform");
  }

  /** How many words follow the keyword and flags: 1 for {@code FROM image}, 3 for {@code FROM image AS name}. */
  public int argumentCount() {
    if (image.text().isEmpty()) {
      return 0;
    }
    return 1 + (asKeyword != null ? 1 : 0) + (stageName != null ? 1 : 0) + extraArguments.size();
  }
}
