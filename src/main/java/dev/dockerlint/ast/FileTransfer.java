package dev.dockerlint.ast;

import java.util.List;
import java.util.Optional;

/** What COPY and ADD share: sources, a destination, flags such as {@code --from} and {@code --chown}. */
public sealed interface FileTransfer extends Instruction permits Add, Copy {
  List<Token> sources();

  Token destination();

  List<Heredoc> heredocs();

  /** The {@code --from} value, when the sources come from a stage or image, not the build context. */
  default Optional<String> from() {
    Optional<Flag> from = flag("from");
    return from.isPresent() ? Optional.ofNullable(from.get().value()) : Optional.empty();
  }
}
