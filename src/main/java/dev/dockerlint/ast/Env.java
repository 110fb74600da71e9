package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code ENV}, in {@code k=v} form or the legacy {@code k v} form. */
public record Env(Token keyword, List<Flag> flags, SourceRange range, List<KeyValue> pairs)
    implements Instruction {
  public Env {
    flags = List.copyOf(flags);
  }
}
