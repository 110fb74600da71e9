package dev.dockerlint.rules;

import dev.dockerlint.lint.Rule;
import java.util.List;

/** Every built-in rule, sorted by id. Adding a rule means adding its class to this one list. */
public final class BuiltinRules {
  private BuiltinRules() {}

  public static List<Rule> all() {
    return List.of(
        new AptCleanup(),
        new CopyBeforeInstall(),
        new HealthcheckMissing(),
        new ImageLatest(),
        new ImageUntagged(),
        new SecretInEnv(),
        new SyntaxErrorRule(),
        new UserRoot());
  }
}
