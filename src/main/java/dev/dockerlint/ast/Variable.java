package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/**
 * A variable visible at some point of the file.
 *
 * @param value its value, or null for an ARG declared without a default
 * @param definedAt where it was declared, or null for a predefined ARG
 */
public record Variable(String name, String value, Kind kind, SourceRange definedAt) {
  public enum Kind {
    /** ARG before the first FROM: visible only in FROM lines */
    GLOBAL_ARG,
    ARG,
    ENV,
    /** BuildKit's predefined ARGs (TARGETPLATFORM, ...) and proxy ARGs */
    PREDEFINED
  }
}
