package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.Optional;

/** {@code NAME} or {@code NAME=default} in an ARG; {@code defaultValue} keeps quotes as written. */
public record ArgDeclaration(Token name, Token defaultValue, SourceRange range) {
  public Optional<Token> defaultToken() {
    return Optional.ofNullable(defaultValue);
  }
}
