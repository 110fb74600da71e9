package dev.dockerlint.parse;

import dev.dockerlint.ast.Comment;
import dev.dockerlint.ast.Directive;
import dev.dockerlint.ast.EmptyContinuation;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.SyntaxError;
import java.util.List;

/** What the line-level parser finds, before stages and variables are worked out. */
public record ParsedSyntax(
    List<Directive> directives, char escape, List<Instruction> instructions, List<Comment> comments,
    List<SyntaxError> errors, List<EmptyContinuation> emptyContinuations) {
  public ParsedSyntax {
    directives = List.copyOf(directives);
    instructions = List.copyOf(instructions);
    comments = List.copyOf(comments);
    errors = List.copyOf(errors);
    emptyContinuations = List.copyOf(emptyContinuations);
  }
}
