package dev.dockerlint.lint;

import dev.dockerlint.ast.Dockerfile;

/**
 * A check over a whole parsed Dockerfile. Rules report findings through the context; enabling,
 * severity overrides and suppressions are the linter's business, not the rule's.
 */
public interface Rule extends RuleBase {
  void check(Dockerfile file, RuleContext context);
}
