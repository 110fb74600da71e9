package dev.dockerlint.parse;

import dev.dockerlint.source.SourceText;

/** The hand-written line-level parser, following BuildKit's parser rules. */
public final class SyntaxParser {
  private SyntaxParser() {}

  /** Never throws; problems become {@link dev.dockerlint.ast.SyntaxError}s. */
  public static ParsedSyntax parse(SourceText text) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
