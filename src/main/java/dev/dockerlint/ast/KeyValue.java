package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/**
 * One ENV or LABEL pair. {@code value} keeps quotes and escapes as written (BuildKit removes them
 * during expansion); {@code legacy} marks the {@code ENV key value} form.
 */
public record KeyValue(Token key, Token value, boolean legacy, SourceRange range) {}
