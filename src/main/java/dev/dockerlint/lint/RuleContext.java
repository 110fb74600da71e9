package dev.dockerlint.lint;

import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Token;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;

/** What a rule reports through, and the settings it may read. */
public final class RuleContext {
  private final String file;
  private final RuleInfo rule;
  private final LintSettings settings;
  private final List<Finding> findings = new ArrayList<>();

  public RuleContext(String file, RuleInfo rule, LintSettings settings) {
    this.file = file;
    this.rule = rule;
    this.settings = settings;
  }

  public LintSettings settings() {
    return settings;
  }

  public void report(SourceRange range, String message) {
    findings.add(new Finding(file, rule.id(), rule.severity(), message, range, rule.aliases()));
  }

  /** Reports a finding that only some of the rule's aliases stand for (DL4003 is only about CMD). */
  public void reportAs(SourceRange range, String message, String... aliases) {
    findings.add(new Finding(file, rule.id(), rule.severity(), message, range, List.of(aliases)));
  }

  public void report(Token token, String message) {
    report(token.range(), message);
  }

  public void report(Instruction instruction, String message) {
    report(instruction.keyword().range(), message);
  }

  List<Finding> findings() {
    return findings;
  }
}
