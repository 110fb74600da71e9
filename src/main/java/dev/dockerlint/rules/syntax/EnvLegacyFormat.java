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
   * {@code key value} as {@code key=value}. Both forms process the value as one word (quotes
   * removed, variables expanded); the new form splits words at blanks first, so a value with
   * blanks outside quotes is double-quoted, which changes nothing else when it holds no quote and
   * no escape character. The value may start on a continued line: it then moves up next to its key.
   * None when something other than blanks and line continuations stands between key and value.
   */
  private static Fix fix(Dockerfile file, KeyValue kv) {
    if (kv.value() == null || kv.key() == null || kv.value().text().isEmpty()) {
      return null;
    }
    char escape = file.escape();
    SourceRange key = kv.key().range();
    SourceRange value = kv.value().range();
    SourceRange gap = new SourceRange(key.end(), value.start());
    String between = file.source().slice(gap);
    for (int i = 0; i < between.length(); i++) {
      char c = between.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != escape) {
        return null;
      }
    }
    if (between.isEmpty()) {
      return null;
    }
    String joined = kv.value().text();
    if (!blankOutsideQuotes(joined, escape)) {
      return Fix.safe("Write " + kv.key().text() + "=<value>", Edit.replace(gap, "="));
    }
    if (joined.indexOf('"') >= 0 || joined.indexOf('\'') >= 0 || joined.indexOf(escape) >= 0
        || !joined.strip().equals(joined)) {
      return null;
    }
    return Fix.safe("Write " + kv.key().text() + "=\"<value>\"", Edit.replace(gap, "=\""), Edit.insert(value.end(), "\""));
  }

  /** Whether the joined value has a blank outside quotes (and not escaped), where key=value splits words. */
  private static boolean blankOutsideQuotes(String value, char escape) {
    char quote = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == escape && quote != '\'' && i + 1 < value.length()) {
        i++;
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ' ' || c == '\t') {
        return true;
      }
    }
    return false;
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
