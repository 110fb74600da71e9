package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/**
 * A heredoc attached to RUN, COPY or ADD.
 *
 * @param name the delimiter with quotes removed ({@code <<"EOF"} gives {@code EOF})
 * @param fd the file descriptor written before {@code <<} ({@code 2<<EOF}), or -1
 * @param expand false when any part of the delimiter was quoted (no variable expansion)
 * @param chomp true for {@code <<-}: leading tabs are stripped from body lines
 * @param body the body lines, each with its line ending, tabs already stripped for {@code <<-}
 * @param word the heredoc word in the instruction line
 * @param bodyRange the body lines and the terminating line
 */
public record Heredoc(
    String name, int fd, boolean expand, boolean chomp, String body, Token word, SourceRange bodyRange) {}
