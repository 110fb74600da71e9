package dev.dockerlint.policy;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every custom rule of a file asks for, worked out once per file rather than once per rule:
 * each stage's instructions by kind (FROM, RUN, ENV ...; ONBUILD triggers where they stand), so
 * that a rule about RUN looks at RUNs only, and the expanded values of the words the rules read.
 * One index per thread, for the file that thread last checked (the linter runs a file's rules on
 * one thread, or spreads a large file's over several, each with its own index).
 */
final class FileIndex {
  private static final int KINDS = Integer.numberOfTrailingZeros(InstructionMatch.ANY_KIND + 1);
  private static final ThreadLocal<FileIndex> LAST = new ThreadLocal<>();

  final Dockerfile file;
  /** Per stage, per kind bit: the stage's instructions of that kind, its FROM first. */
  private final Instruction[][][] byStage;
  /** The ARGs before the first FROM. */
  final List<Instruction> globalArgs;
  private final Map<Token, String> values = new IdentityHashMap<>();

  private FileIndex(Dockerfile file) {
    this.file = file;
    List<Stage> stages = file.stages();
    byStage = new Instruction[stages.size()][][];
    for (int s = 0; s < stages.size(); s++) {
      Stage stage = stages.get(s);
      List<List<Instruction>> kinds = new ArrayList<>(KINDS);
      for (int k = 0; k < KINDS; k++) {
        kinds.add(new ArrayList<>());
      }
      add(kinds, stage.from());
      for (Instruction instruction : stage.instructions()) {
        add(kinds, instruction);
        if (instruction instanceof Onbuild onbuild && onbuild.trigger() != null) {
          add(kinds, onbuild.trigger());
        }
      }
      byStage[s] = new Instruction[KINDS][];
      for (int k = 0; k < KINDS; k++) {
        byStage[s][k] = kinds.get(k).toArray(new Instruction[0]);
      }
    }
    List<Instruction> args = new ArrayList<>();
    for (Instruction instruction : file.globalArgs()) {
      args.add(instruction);
    }
    globalArgs = args;
  }

  private static void add(List<List<Instruction>> kinds, Instruction instruction) {
    kinds.get(Integer.numberOfTrailingZeros(InstructionMatch.kindOf(instruction))).add(instruction);
  }

  static FileIndex of(Dockerfile file) {
    FileIndex last = LAST.get();
    if (last != null && last.file == file) {
      return last;
    }
    FileIndex index = new FileIndex(file);
    LAST.set(index);
    return index;
  }

  /** The stage's instructions of one kind bit ({@link InstructionMatch#RUN} ...). */
  Instruction[] of(Stage stage, int kindBit) {
    return byStage[stage.index()][Integer.numberOfTrailingZeros(kindBit)];
  }

  /**
   * A word's value with the variables in scope expanded and quotes removed; a word without
   * {@code $}, quotes or escape characters is its own value. Each word is expanded once per file.
   */
  String value(Instruction instruction, Token token) {
    String text = token.text();
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c != '$' && c != '"' && c != '\'' && c != '\\' && c != '`';
    }
    if (plain) {
      return text;
    }
    String known = values.get(token);
    if (known == null) {
      known = file.scopeAt(instruction).resolve(token);
      values.put(token, known);
    }
    return known;
  }
}
