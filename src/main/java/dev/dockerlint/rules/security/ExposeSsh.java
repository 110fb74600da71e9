package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Expose;
import dev.dockerlint.ast.PortSpec;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;

/**
 * Port 22 means an SSH server in the container: another daemon, another set of keys to manage and a
 * remote login to attack. {@code docker exec} and {@code kubectl exec} give shell access without it.
 */
public final class ExposeSsh implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("expose-ssh", Severity.WARNING,
      "EXPOSE 22 advertises an SSH server in the container", "DS-0004", "CKV_DOCKER_1")
      .withTags("security").security(4.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Expose expose : file.instructions(Expose.class)) {
      Scope scope = file.scopeAt(expose);
      for (Token token : expose.ports()) {
        for (PortSpec port : PortSpec.parseExpanded(scope, token).orElse(List.of())) {
          boolean tcp = port.protocol() == null || port.protocol().isEmpty() || port.protocol().equalsIgnoreCase("tcp");
          if (port.startPort() == 22 && port.endPort() == 22 && tcp) {
            context.report(token.range(), "EXPOSE '" + port.raw() + "' advertises SSH; do not run an SSH server in a "
                + "container: use docker exec or kubectl exec for shell access and remove port 22");
            break;
          }
        }
      }
    }
  }
}
