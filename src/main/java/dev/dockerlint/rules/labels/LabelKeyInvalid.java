package dev.dockerlint.rules.labels;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;

/**
 * Label keys follow Docker's naming guidelines: lower-case letters, digits, {@code .} and {@code -}
 * (and {@code _} and {@code /}), starting with a letter and ending with a letter or digit, no
 * doubled separators, and not in Docker's reserved namespaces.
 */
public final class LabelKeyInvalid implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("label-key-invalid", Severity.STYLE,
      "A LABEL key does not follow Docker's key format", "DL3048");
  private static final String[] RESERVED = {"com.docker.", "io.docker.", "org.dockerproject."};

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Label label : file.instructions(Label.class)) {
      Scope scope = file.scopeAt(label);
      for (KeyValue pair : label.pairs()) {
        Expansion key = scope.expand(pair.key().text());
        if (key.error() != null || !allKnown(scope, key)) {
          continue; // a key from a build argument is only known at build time
        }
        String problem = problem(key.value());
        if (problem != null) {
          context.report(pair.key(), "Label key '" + key.value() + "' " + problem
              + "; use a lower-case reverse-DNS key such as com.example.some-label");
        }
      }
    }
  }

  private static boolean allKnown(Scope scope, Expansion expansion) {
    for (String name : expansion.references()) {
      if (!scope.hasValue(name)) {
        return false;
      }
    }
    return true;
  }

  /** What is wrong with a key, or null. */
  static String problem(String key) {
    if (key.isEmpty()) {
      return "is empty";
    }
    for (String namespace : RESERVED) {
      if (key.startsWith(namespace)) {
        return "is in the namespace " + namespace.substring(0, namespace.length() - 1) + " that Docker reserves";
      }
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' || c == '/')) {
        return "has the character '" + c + "', outside lower-case letters, digits, '.', '-', '_' and '/'";
      }
    }
    char first = key.charAt(0);
    if (first < 'a' || first > 'z') {
      return "does not start with a lower-case letter";
    }
    char last = key.charAt(key.length() - 1);
    if (!(last >= 'a' && last <= 'z' || last >= '0' && last <= '9')) {
      return "does not end with a lower-case letter or digit";
    }
    if (key.contains("..") || key.contains("--")) {
      return "has a doubled separator ('..' or '--')";
    }
    return null;
  }
}
