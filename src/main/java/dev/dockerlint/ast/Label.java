package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/** {@code LABEL}, in {@code k=v} form or the legacy {@code k v} form. */
public record Label(Token keyword, List<Flag> flags, SourceRange range, List<KeyValue> pairs)
    implements Instruction {
  public Label {
    flags = List.copyOf(flags);
  }
}
