package dev.dockerlint.parse;

import dev.dockerlint.ast.CheckOptions;
import dev.dockerlint.ast.Directive;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Frontend;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Parses a Dockerfile into its syntax and build model, in BuildKit's layers: the parser, the
 * instructions layer ({@link InstructionChecks}: instructions Docker rejects become
 * {@link dev.dockerlint.ast.Invalid}), the build model, then the checks of a build's conversion
 * ({@link DispatchChecks}). Never throws on any input.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  public static Dockerfile parse(String path, String text) {
    return parse(path, text, java.util.Map.of(), null);
  }

  /**
   * A Dockerfile as a build with these options sees it (a compose file's {@code build} section).
   *
   * @param buildArgs values for the ARGs of these names, replacing their defaults
   * @param target the stage the build stops at, which the final-stage rules then take as the final
   *     stage; null for the last stage
   */
  public static Dockerfile parse(String path, String text, java.util.Map<String, String> buildArgs, String target) {
    SourceText source = new SourceText(text);
    ParsedSyntax syntax = SyntaxParser.parse(source);
    Frontend frontend = Frontend.DEFAULT;
    List<SyntaxError> errors = new ArrayList<>(syntax.errors());
    for (Directive d : syntax.directives()) {
      if (d.name().equals("syntax")) {
        frontend = Frontend.of(d.value());
      } else if (d.name().equals("check")) {
        String problem = CheckOptions.parse(d.value()).error();
        if (problem != null) {
          // BuildKit reads the directive before it parses the file
          errors.add(0, new SyntaxError(problem, d.range(), false, SyntaxError.Layer.PARSER));
        }
      }
    }
    InstructionChecks instructionChecks = new InstructionChecks(frontend, source);
    Set<Instruction> invalidFroms = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Instruction> instructions = instructionChecks.check(syntax.instructions(), errors, invalidFroms);
    BuildModel model = new BuildModel(instructions, syntax.escape(), invalidFroms, buildArgs);
    new DispatchChecks(frontend, syntax.escape(), instructionChecks).check(model.stages, model.scopes, errors);
    errors.sort(BY_POSITION);
    return new Dockerfile(path, source, syntax.directives(), syntax.escape(), model.instructions,
        syntax.comments(), errors, syntax.emptyContinuations(), model.stages, model.scopes, target);
  }

  /** File order; a class, not a lambda (start-up cost, see Stage.ofType). List.sort is stable. */
  private static final java.util.Comparator<SyntaxError> BY_POSITION = new java.util.Comparator<>() {
    @Override
    public int compare(SyntaxError a, SyntaxError b) {
      return a.range().start().compareTo(b.range().start());
    }
  };
}
