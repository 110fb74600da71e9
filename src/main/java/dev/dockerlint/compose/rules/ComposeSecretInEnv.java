package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.lint.Credentials;
import dev.dockerlint.lint.Secrets;
import java.util.List;

/**
 * A secret written into a service's {@code environment}: a variable whose name says it holds a
 * secret ({@link Secrets#isSecretName}, as {@code secret-in-env} judges ENV) given a literal
 * value, or a credential in a known format ({@link Credentials}, as {@code secret-literal} finds
 * them) in any variable. A value taken from a variable ({@code ${DB_PASSWORD}}) is not written here.
 */
public final class ComposeSecretInEnv implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-secret-in-env", Severity.ERROR,
      "A secret is written in a service's environment").withTags("security").security(8.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean findsSecrets() {
    return true;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      for (Service.Variable variable : service.environment()) {
        YamlNode.Scalar value = variable.value();
        if (value == null || variable.text() == null || variable.text().isEmpty()) {
          continue;
        }
        List<Credentials.Found> formats = Credentials.scan(variable.text(), 0, variable.text().length());
        boolean named = Secrets.isSecretName(variable.name()) && !variable.text().startsWith("/run/secrets/")
            && !value.usesVariables();
        if (!named && formats.isEmpty()) {
          continue;
        }
        context.redact(value, variable.text());
        String kind = formats.isEmpty() ? "a secret" : "a " + formats.get(0).kind();
        context.report(value, service.describe() + " sets " + variable.name() + "=" + Secrets.masked(variable.text())
            + " in its environment, " + kind + " written in the compose file (and shown by docker inspect); "
            + "use secrets: or take it from a variable, " + variable.name() + ": ${" + variable.name() + "}");
      }
    }
  }
}
