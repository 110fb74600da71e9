package dev.dockerlint.rules.variables;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * FROM lines see only the ARGs declared before the first FROM (with or without a default) and
 * BuildKit's predefined platform ARGs. An ARG declared inside a stage is not visible there.
 */
public final class ArgUndefinedInFrom implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("arg-undefined-in-from", Severity.WARNING,
      "FROM uses a variable that no ARG before the first FROM declares", "UndefinedArgInFrom");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      Scope scope = file.scopeAt(stage.from());
      check(file, context, stage, scope, stage.from().image().text(), stage.from().image().range());
      for (Flag platform : stage.from().flags("platform")) {
        if (platform.value() != null) {
          check(file, context, stage, scope, platform.value(), platform.range());
        }
      }
    }
  }

  private static void check(Dockerfile file, RuleContext context, Stage stage, Scope scope, String text,
      SourceRange range) {
    Set<String> seen = new LinkedHashSet<>();
    for (String name : scope.expand(text).references()) {
      if (scope.isDeclared(name) || !seen.add(name)) {
        continue;
      }
      String hint = declaredInStage(file, stage, name)
          ? "; ARG " + name + " is declared inside a stage, which FROM cannot see: move it before the first FROM"
          : "; declare ARG " + name + " before the first FROM";
      context.report(file.variableRange(range, name), "FROM uses '$" + name + "', which is not declared"
          + didYouMean(name, scope.variables().keySet()) + hint);
    }
  }

  private static boolean declaredInStage(Dockerfile file, Stage before, String name) {
    for (Stage stage : file.stages()) {
      if (stage.index() >= before.index()) {
        break;
      }
      for (Arg arg : stage.instructions(Arg.class)) {
        for (ArgDeclaration d : arg.declarations()) {
          if (d.name().text().equals(name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** " (did you mean $X?)" or "". */
  private static String didYouMean(String name, Collection<String> known) {
    String match = NameSuggestion.closestVariable(name, known);
    return match == null ? "" : " (did you mean $" + match + "?)";
  }
}
