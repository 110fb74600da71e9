package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;
import java.util.List;

/**
 * An instruction Docker rejects: an unknown keyword, a wrong argument count, a bad flag or flag
 * value (BuildKit's instructions layer), or one its parser fails on. The build model keeps it in
 * place (ranges, keyword casing, pragmas and secret scanning still see it), but it is not offered
 * as the instruction it looks like: a {@code COPY --from build /a /b} whose flag lacks its value is
 * an {@code Invalid}, not a {@link Copy} with three arguments, so no rule misreads it.
 *
 * @param instruction what the parser made of the text
 * @param error the first error Docker reports for it
 */
public record Invalid(Instruction instruction, SyntaxError error) implements Instruction {
  @Override
  public Token keyword() {
    return instruction.keyword();
  }

  @Override
  public List<Flag> flags() {
    return instruction.flags();
  }

  @Override
  public SourceRange range() {
    return instruction.range();
  }

  @Override
  public Instruction parsed() {
    return instruction;
  }
}
