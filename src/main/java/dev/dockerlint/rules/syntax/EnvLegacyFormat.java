package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;

/** {@code ENV key value} and {@code LABEL key value}: the legacy form, where the value is the rest of the line. */
public final class EnvLegacyFormat implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("env-legacy-format", Severity.WARNING,
      "ENV or LABEL uses the legacy 'key value' form", "LegacyKeyValueFormat").fixable(Applicability.SAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /**
   * {@code key value} as {@code key=value}, the value in double quotes when it has spaces; both
   * forms expand variables the same way. None for a value with quotes, the escape character or a
   * line break of its own, whose meaning the legacy form reads differently.
   */
  private static Fix fix(Dockerfile file, KeyValue kv) {
    if (kv.value() == null || kv.key() == null) {
      return null;
    }
    SourceRange key = kv.key().range();
    SourceRange value = kv.value().range();
    String raw = file.source().slice(value);
    String gap = file.source().slice(new SourceRange(key.end(), value.start()));
    if (raw.isEmpty() || !gap.isBlank() || gap.indexOf('\n') >= 0 || value.startLine() != value.endLine()
        || raw.indexOf('"') >= 0 || raw.indexOf('\'') >= 0 || raw.indexOf(file.escape()) >= 0) {
      return null;
    }
    boolean spaces = false;
    for (int i = 0; i < raw.length(); i++) {
      spaces |= Character.isWhitespace(raw.charAt(i));
    }
    String trimmed = raw.strip();
    if (!spaces) {
      return Fix.safe("Write " + kv.key().text() + "=<value>", Edit.replace(new SourceRange(key.end(), value.start()), "="));
    }
    if (!trimmed.equals(raw)) {
      return null; // surrounding blanks: how the legacy form keeps them is not worth guessing
    }
    return Fix.safe("Write " + kv.key().text() + "=\"<value>\"",
        Edit.replace(new SourceRange(key.end(), value.start()), "=\""), Edit.insert(value.end(), "\""));
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
              + instruction.name() + " " + key + "=<value> (quote the value if it has spaces)", fix(file, kv));
        }
      }
    }
  }
}
