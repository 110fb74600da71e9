package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/** An empty or whitespace-only line inside a continued instruction (BuildKit: NoEmptyContinuation). */
public record EmptyContinuation(SourceRange line, SourceRange instruction) {}
