package dev.dockerlint.lint;

/**
 * What every rule has, whatever kind of file it checks: a Dockerfile ({@link Rule}) or a compose
 * file ({@code dev.dockerlint.compose.rules.ComposeRule}). The catalog, configs, pragmas and reports
 * know rules by this alone.
 */
public interface RuleBase {
  RuleInfo info();

  /**
   * True for a rule that marks secrets ({@link RuleContext#redact}): the linter runs it on every
   * file, enabled or not, so that its secrets are masked in every output.
   */
  default boolean findsSecrets() {
    return false;
  }
}
