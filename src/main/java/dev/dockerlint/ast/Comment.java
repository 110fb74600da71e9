package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/**
 * A comment line (outside heredoc bodies), including those inside continued instructions.
 *
 * @param text the text after {@code #}, trimmed
 */
public record Comment(String text, SourceRange range) {}
