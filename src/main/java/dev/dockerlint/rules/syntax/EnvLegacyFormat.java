package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;

/** {@code ENV key value} and {@code LABEL key value}: the legacy form, where the value is the rest of the line. */
public final class EnvLegacyFormat implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("env-legacy-format", Severity.WARNING,
      "ENV or LABEL uses the legacy 'key value' form", "LegacyKeyValueFormat");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction top : file.instructions()) {
      Instruction instruction = top instanceof Onbuild onbuild && onbuild.trigger() != null ? onbuild.trigger() : top;
      List<KeyValue> pairs = instruction instanceof Env env ? env.pairs()
          : instruction instanceof Label label ? label.pairs() : List.of();
      for (KeyValue kv : pairs) {
        if (kv.legacy()) {
          String key = kv.key().text();
          context.report(kv.range(), instruction.name() + " " + key + " uses the legacy 'key value' form; write "
              + instruction.name() + " " + key + "=<value> (quote the value if it has spaces)");
        }
      }
    }
  }
}
