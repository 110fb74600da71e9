package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/**
 * A piece of an instruction as written. For text spanning continued lines, {@code text} is the
 * joined text (continuations removed, as BuildKit joins them) and {@code range} spans the original
 * lines.
 */
public record Token(String text, SourceRange range) {
  @Override
  public String toString() {
    return text;
  }
}
