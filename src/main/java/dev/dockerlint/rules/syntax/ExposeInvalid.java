package dev.dockerlint.rules.syntax;

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
import java.util.Locale;
import java.util.Set;

/**
 * EXPOSE takes container ports ({@code 80}, {@code 8000-8100}, {@code 53/udp}). Docker rejects a port
 * above 65535, a reversed range or an unknown protocol at build time; a host IP or host port is
 * accepted but means nothing (publishing is {@code docker run -p}'s job), and BuildKit warns about an
 * upper-case protocol. Values are checked after variable expansion; a value that depends on a
 * variable without a default is unknown and skipped.
 */
public final class ExposeInvalid implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("expose-invalid", Severity.ERROR,
      "EXPOSE value is not a valid container port", "DL3011", "ExposeInvalidFormat", "ExposeProtoCasing");
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

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
          checkPort(token, port, context);
        }
      }
    }
  }

  private static void checkPort(Token token, PortSpec port, RuleContext context) {
    String raw = port.raw();
    if (port.hostPart() != null) {
      String container = raw.substring(raw.lastIndexOf(':') + 1);
      context.reportAs(token.range(), "EXPOSE '" + raw + "' sets a host IP or host port, which EXPOSE cannot do; "
          + "expose the container port (EXPOSE " + container + ") and publish it with docker run -p",
          "ExposeInvalidFormat");
      return;
    }
    if (port.startPort() < 0 || port.endPort() < 0) {
      context.reportAs(token.range(), "EXPOSE '" + raw + "' is not a port number or range; write a port such as 8080 "
          + "or a range such as 8000-8100", "DL3011");
      return;
    }
    if (port.startPort() > 65535 || port.endPort() > 65535) {
      context.reportAs(token.range(), "EXPOSE '" + raw + "' is outside the port range 0-65535; use a valid port",
          "DL3011");
      return;
    }
    if (port.endPort() < port.startPort()) {
      context.reportAs(token.range(), "EXPOSE range '" + raw + "' ends before it starts; write it as "
          + port.endPort() + "-" + port.startPort(), "DL3011");
      return;
    }
    String protocol = port.protocol();
    if (protocol == null || protocol.isEmpty()) {
      return;
    }
    String lower = protocol.toLowerCase(Locale.ROOT);
    if (!PROTOCOLS.contains(lower)) {
      context.reportAs(token.range(), "EXPOSE '" + raw + "' has an unknown protocol '" + protocol
          + "'; use tcp, udp or sctp", "DL3011");
    } else if (!lower.equals(protocol)) {
      context.reportAs(token.range(), "Protocol in EXPOSE '" + raw + "' should be lowercase; write "
          + raw.substring(0, raw.indexOf('/') + 1) + lower, "ExposeProtoCasing");
    }
  }
}
