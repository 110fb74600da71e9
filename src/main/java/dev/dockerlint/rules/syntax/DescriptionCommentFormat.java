package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Comment;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BuildKit takes the comment right above a named stage or an ARG as its description (shown by
 * {@code docker buildx build --call=outline} and {@code --call=targets}) when its first word is the
 * stage's or ARG's name: {@code # build compiles the app}. Off by default, as BuildKit's
 * InvalidDefinitionDescription is experimental; a file's {@code # check=experimental=...} switches
 * it on. The comments are BuildKit's: those since the previous instruction (blank lines do not end
 * them, a bare {@code #} line does); the last one is the description.
 */
public final class DescriptionCommentFormat implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("description-comment-format", Severity.INFO,
      "The comment above a stage or ARG does not start with its name", "InvalidDefinitionDescription").offByDefault();

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    List<List<Comment>> attached = file.commentsBefore();
    for (int index = 0; index < file.instructions().size(); index++) {
      Instruction instruction = file.instructions().get(index);
      List<String> names = new ArrayList<>();
      String what;
      if (instruction instanceof From from && from.stageName() != null && !file.isRejected(from)) {
        names.add(from.stageName().text().toLowerCase(Locale.ROOT)); // BuildKit's stage names are lower-cased
        what = "stage";
      } else if (instruction instanceof Arg arg) {
        for (ArgDeclaration d : arg.declarations()) {
          names.add(d.name().text());
        }
        what = "ARG";
      } else {
        continue;
      }
      List<Comment> comments = attached.get(index);
      if (comments.isEmpty() || names.isEmpty()) {
        continue;
      }
      Comment last = comments.get(comments.size() - 1);
      String firstWord = last.text().split(" ", -1)[0];
      if (names.contains(firstWord)) {
        continue;
      }
      String example = names.size() == 1 ? names.get(0) : "<arg_key>";
      context.report(last.range(), "The comment above " + (what.equals("stage") ? "stage '" + names.get(0) + "'"
          : "ARG " + String.join(", ", names)) + " is not a description (it does not start with "
          + (names.size() == 1 ? "'" + example + "'" : "one of its names") + "); write '# " + example
          + " <description>', or put a blank '#' line between them if it is not one");
    }
  }
}
