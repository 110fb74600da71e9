package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/**
 * {@code ADD}. {@code destination} is null when fewer than two arguments were given; heredoc
 * sources ({@code ADD <<EOF /app/x}) appear in {@code sources} as their word and in
 * {@code heredocs} with their body.
 */
public record Add(
    Token keyword, List<Flag> flags, SourceRange range, List<Token> sources, Token destination,
    List<Heredoc> heredocs, boolean json)
    implements FileTransfer {
  public Add {
    flags = List.copyOf(flags);
    sources = List.copyOf(sources);
    heredocs = List.copyOf(heredocs);
  }
}
