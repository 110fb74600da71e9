package dev.dockerlint.lint;

import dev.dockerlint.ast.Dockerfile;

/**
 * A check over a whole parsed Dockerfile. Rules report findings through the context; enabling,
 * severity overrides and suppressions are the linter's business, not the rule's.
 */
public interface Rule {
  RuleInfo info();

  void check(Dockerfile file, RuleContext context);

  /**
   * True for a rule that marks secrets ({@link RuleContext#redact}): the linter runs it on every
   * file, enabled or not, so that its secrets are masked in every output.
   */
  default boolean findsSecrets() {
    return false;
  }
}
