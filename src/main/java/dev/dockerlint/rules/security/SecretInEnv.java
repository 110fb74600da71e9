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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ENV values are baked into the image config and ARG values into the build history: neither is a
 * place for a secret.
 */
public final class SecretInEnv implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("secret-in-env", Severity.ERROR,
      "A secret is passed through ENV or ARG", "SecretsUsedInArgOrEnv", "DL3064").withTags("security").security(8.0);

  /** Name words that mean the value is a secret. */
  private static final Set<String> SECRET_WORDS = Set.of(
      "password", "passwd", "pwd", "pword", "passphrase", "secret", "token", "apikey", "credential",
      "credentials", "auth", "accesskey", "privatekey", "secretkey");
  /** Two-word forms of the same: API_KEY, ACCESS_KEY, PRIVATE_KEY. */
  private static final Set<String> SECRET_PAIRS = Set.of("api key", "access key", "private key", "secret key",
      "client secret", "auth token");
  /** Words saying the variable holds something about a secret, not the secret itself. */
  private static final Set<String> NOT_SECRET_WORDS = Set.of(
      "file", "path", "dir", "public", "version", "sock", "socket", "url", "uri", "host", "port", "type",
      "method", "mode", "enabled", "enable", "disabled", "length", "len", "name", "user", "username",
      "header", "expiry", "ttl", "timeout", "fingerprint", "id_file", "policy", "plugin", "module");

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
          if (isSecretName(name) && !value.isEmpty() && !value.startsWith("/run/secrets/")) {
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
          if (isSecretName(name)) {
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

  /** Matches whole words of the name (split on _, -, . and camelCase), never substrings. */
  static boolean isSecretName(String name) {
    List<String> words = words(name);
    for (String w : words) {
      if (NOT_SECRET_WORDS.contains(w)) {
        return false;
      }
    }
    for (int i = 0; i < words.size(); i++) {
      if (SECRET_WORDS.contains(words.get(i))) {
        return true;
      }
      if (i + 1 < words.size() && SECRET_PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /** The words of a variable name, lower-cased: split on {@code _}, {@code -}, {@code .} and camelCase. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean camelBoundary = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
      if (c == '_' || c == '-' || c == '.' || camelBoundary) {
        if (current.length() > 0) {
          words.add(current.toString().toLowerCase(Locale.ROOT));
          current.setLength(0);
        }
        if (camelBoundary) {
          current.append(c);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      words.add(current.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** Shows at most a short prefix: never enough of the value to use it. */
  static String mask(String value) {
    return Secrets.masked(value);
  }
}
