package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.lint.RuleBase;

/**
 * A check over a whole compose project (its files merged, {@code extends} and {@code include}
 * resolved). Rules report at the YAML node at fault; enabling, severity overrides, pragmas and
 * masking are the {@link dev.dockerlint.compose.ComposeLinter}'s business, as a Dockerfile rule's
 * are the {@link dev.dockerlint.lint.Linter}'s.
 */
public interface ComposeRule extends RuleBase {
  void check(ComposeProject project, ComposeContext context);
}
