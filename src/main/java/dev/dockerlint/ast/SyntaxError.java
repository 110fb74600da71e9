package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/**
 * A line Docker would reject (unknown instruction, missing arguments, unterminated heredoc...).
 *
 * @param fatal true when BuildKit's parser rejects the whole file (so {@code ast --format buildkit}
 *     prints no parse); the rest of the file is still parsed and linted either way
 */
public record SyntaxError(String message, SourceRange range, boolean fatal) {}
