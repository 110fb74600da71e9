package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Secrets;
import dev.dockerlint.lint.Severity;

/**
 * ENV values are baked into the image config and ARG values into the build history: neither is a
 * place for a secret.
 */
public final class SecretInEnv implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("secret-in-env", Severity.ERROR,
      "A secret is passed through ENV or ARG", "SecretsUsedInArgOrEnv", "DL3064").withTags("security").security(8.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean findsSecrets() {
    return true;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction top : file.instructions()) {
      // ONBUILD ENV and ARG triggers too: they bake their values into every image built FROM this one;
      // and an ENV Docker rejects still holds the secret in the file, so its value is masked wherever shown
      Instruction instruction = top instanceof Onbuild onbuild && onbuild.trigger() != null ? onbuild.trigger()
          : top.parsed();
      Scope scope = file.scopeAt(top instanceof Onbuild ? instruction : top);
      if (instruction instanceof Env env) {
        java.util.Map<String, String> values = null; // made when the ENV has a secret at all
        for (KeyValue pair : env.pairs()) {
          String name = pair.key().text();
          String value = scope.expand(pair.value().text()).value();
          if (Secrets.isSecretName(name) && !value.isEmpty() && !value.startsWith("/run/secrets/")) {
            context.redact(pair.value().range(), value);
            values = values == null ? DefaultCredentials.envValues(env) : values;
            if (DefaultCredentials.defaultPassword(name, value, values, file.scopeAt(env)) != null) {
              continue; // a guessable default: default-credentials says so, with the advice that fits
            }
            context.report(pair.key(), "ENV " + name + "=" + mask(value) + " bakes a secret into the image config; "
                + "pass it at build time with RUN --mount=type=secret (or at run time) instead");
          }
        }
      } else if (instruction instanceof Arg arg) {
        for (ArgDeclaration declaration : arg.declarations()) {
          String name = declaration.name().text();
          if (Secrets.isSecretName(name)) {
            String value = declaration.defaultValue() == null ? null
                : scope.expand(declaration.defaultValue().text()).value();
            if (value != null) {
              context.redact(declaration.defaultValue().range(), value);
            }
            String shown = value == null ? "" : "=" + mask(value);
            context.report(declaration.name(), "ARG " + name + shown + " looks like a secret; build arguments are "
                + "recorded in the image history, use RUN --mount=type=secret instead");
          }
        }
      }
    }
  }

  /** Shows at most a short prefix: never enough of the value to use it. */
  static String mask(String value) {
    return Secrets.masked(value);
  }
}
