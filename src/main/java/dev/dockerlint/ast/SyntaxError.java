package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/**
 * A line Docker would reject (unknown instruction, missing arguments, a bad flag, unterminated
 * heredoc...).
 *
 * @param fatal true when BuildKit's parser rejects the whole file (so {@code ast --format buildkit}
 *     prints no parse); the rest of the file is still parsed and linted either way
 * @param layer which of BuildKit's layers raises it. BuildKit runs them one after the other over the
 *     whole file and stops at the first error, so the error {@code docker build} shows is the first
 *     one of the earliest layer that has any
 */
public record SyntaxError(String message, SourceRange range, boolean fatal, Layer layer) {
  /** BuildKit's three layers, in the order a build runs them. */
  public enum Layer {
    /** The parser: directives, continuation lines, heredocs, JSON arrays, ENV/LABEL pairs. */
    PARSER,
    /** {@code instructions.Parse}: keywords, argument counts, flags and flag values, stage names. */
    INSTRUCTIONS,
    /** The conversion to a build: values after variable expansion, mount options, signals, modes. */
    DISPATCH
  }

  /** A parser error when fatal, else one of the instructions layer. */
  public SyntaxError(String message, SourceRange range, boolean fatal) {
    this(message, range, fatal, fatal ? Layer.PARSER : Layer.INSTRUCTIONS);
  }
}
