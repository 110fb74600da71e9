package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/**
 * {@code COPY}. {@code destination} is null when fewer than two arguments were given; heredoc
 * sources ({@code COPY <<EOF /app/x}) appear in {@code sources} as their word and in
 * {@code heredocs} with their body.
 */
public record Copy(
    Token keyword, List<Flag> flags, SourceRange range, List<Token> sources, Token destination,
    List<Heredoc> heredocs, boolean json)
    implements FileTransfer {
  public Copy {
    flags = List.copyOf(flags);
    sources = List.copyOf(sources);
    heredocs = List.copyOf(heredocs);
  }
}
