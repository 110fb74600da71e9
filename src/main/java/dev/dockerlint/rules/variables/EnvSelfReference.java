package dev.dockerlint.rules.variables;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code ENV A=1 B=$A}: every value of one ENV sees the variables as they were before it, so B does
 * not get the A set on the same line. Referring to the pair's own key ({@code PATH=/x:$PATH}) is fine,
 * unless an earlier pair of the same ENV set it ({@code PATH=/a:$PATH PATH=/b:$PATH} loses {@code /a}).
 */
public final class EnvSelfReference implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("env-self-reference", Severity.ERROR,
      "ENV refers to a variable set earlier in the same ENV instruction", "DL3044");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Env env : file.instructions(Env.class)) {
      Scope scope = file.scopeAt(env);
      Set<String> earlier = new HashSet<>();
      for (KeyValue kv : env.pairs()) {
        String key = scope.expand(kv.key().text()).value();
        if (kv.value() != null) {
          Set<String> seen = new LinkedHashSet<>();
          for (String name : scope.expand(kv.value().text()).references()) {
            if (earlier.contains(name) && seen.add(name)) {
              String before = scope.get(name).map(v -> v.value() == null ? "its value from before this ENV"
                  : "its value from before this ENV ('" + v.value() + "')").orElse("nothing: it is unset before this ENV");
              context.report(file.variableRange(kv.value().range(), name), "'$" + name + "' in " + key
                  + " refers to " + name + " set in the same ENV but gets " + before
                  + "; set " + name + " in an earlier ENV");
            }
          }
        }
        earlier.add(key);
      }
    }
  }
}
