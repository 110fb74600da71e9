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

  /**
   * Stages are compared by position, not content: the generated record hashCode would walk every
   * instruction of the stage, which made sets of stages quadratic on large files.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Stage s && s.index == index && s.from.range().equals(from.range());
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(index) * 31 + from.range().hashCode();
  }

  public Optional<String> stageName() {
    return Optional.ofNullable(name);
  }

  public Optional<ImageRef> image() {
    return Optional.ofNullable(baseImage);
  }

  /**
   * The base image for a message: {@code 'node'}, or {@code 'node' (from $BASE)} when the FROM
   * wrote it with a variable. For a stage with a base image.
   */
  public String describeBaseImage() {
    String written = from.image().text();
    return written.equals(baseImage.raw()) ? "'" + baseImage.raw() + "'"
        : "'" + baseImage.raw() + "' (from " + written + ")";
  }

  public boolean isBuiltOnStage() {
    return baseStage >= 0;
  }

  public <T extends Instruction> List<T> instructions(Class<T> type) {
    return ofType(instructions, type);
  }

  // loops, not streams or lambdas, on the lint path: linking each lambda costs start-up time that
  // the class-data archive does not save (bench/README.md)
  static <T extends Instruction> List<T> ofType(List<Instruction> instructions, Class<T> type) {
    List<T> result = new java.util.ArrayList<>();
    for (Instruction instruction : instructions) {
      if (type.isInstance(instruction)) {
        result.add(type.cast(instruction));
      }
    }
    return List.copyOf(result);
  }
}
