package dev.dockerlint.parse;

import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.source.OffsetMap;

/** A heredoc read from the file, with the map from its body text back to file positions. */
record HeredocBody(Heredoc heredoc, OffsetMap bodyMap) {}
