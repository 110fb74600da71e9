package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Dockerfile instruction. Every instruction keeps its keyword as written (casing rules need it),
 * its flags, and the range from its first character to the end of its last line (continuations and
 * heredoc bodies included).
 */
public sealed interface Instruction
    permits Arg, Cmd, Entrypoint, FileTransfer, Env, Expose, From, Healthcheck, Invalid, Label, Maintainer,
        Onbuild, Run, Shell, Stopsignal, Unknown, User, Volume, Workdir {

  Token keyword();

  List<Flag> flags();

  SourceRange range();

  /**
   * The instruction as the parser read it: itself, or for an {@link Invalid} one the instruction it
   * would have been. For checks about the text as written (secrets, keyword casing), which hold
   * whether or not Docker accepts the instruction.
   */
  default Instruction parsed() {
    return this;
  }

  /** The keyword upper-cased: {@code RUN}, {@code FROM}. */
  default String name() {
    return keyword().text().toUpperCase(Locale.ROOT);
  }

  default Optional<Flag> flag(String name) {
    for (Flag f : flags()) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  default List<Flag> flags(String name) {
    List<Flag> named = new java.util.ArrayList<>();
    for (Flag f : flags()) {
      if (f.name().equals(name)) {
        named.add(f);
      }
    }
    return List.copyOf(named);
  }
}
