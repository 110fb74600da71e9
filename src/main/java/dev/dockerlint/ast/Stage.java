package dev.dockerlint.ast;

import java.util.List;
import java.util.Optional;

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @param name the stage name as written, or null
 * @param instructions the instructions after the FROM
 * @param baseStage index of the earlier stage this one is built FROM, or -1
 * @param baseImage the FROM image expanded with the global ARG defaults; null when the base is a
 *     stage or the reference cannot be resolved
 */
public record Stage(int index, String name, From from, List<Instruction> instructions, int baseStage, ImageRef baseImage) {
  public Stage {
    instructions = List.copyOf(instructions);
  }

  public Optional<String> stageName() {
    return Optional.ofNullable(name);
  }

  public Optional<ImageRef> image() {
    return Optional.ofNullable(baseImage);
  }

  public boolean isBuiltOnStage() {
    return baseStage >= 0;
  }

  public <T extends Instruction> List<T> instructions(Class<T> type) {
    return instructions.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
