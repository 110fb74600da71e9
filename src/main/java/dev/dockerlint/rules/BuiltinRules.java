package dev.dockerlint.rules;

import dev.dockerlint.lint.Rule;
import java.util.List;

/** Every built-in rule, sorted by id. Adding a rule means adding its class to this one list. */
public final class BuiltinRules {
  private BuiltinRules() {}

  public static List<Rule> all() {
    return List.of(
        new AptCleanup(),
        new BuildToolsInFinalStage(),
        new CacheMountSuggested(),
        new CopyBeforeInstall(),
        new DockerignoreIncomplete(),
        new DockerignoreMissing(),
        new HealthcheckMissing(),
        new ImageLatest(),
        new ImageUntagged(),
        new InitProcess(),
        new InstallThenRemove(),
        new LabelSchema(),
        new PythonUnbuffered(),
        new RunConsecutive(),
        new SecretInEnv(),
        new SecretLiteral(),
        new SyntaxErrorRule(),
        new UserRoot());
  }
}
