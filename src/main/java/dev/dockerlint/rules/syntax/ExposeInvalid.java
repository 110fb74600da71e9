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

/**
 * EXPOSE takes container ports ({@code 80}, {@code 8000-8100}, {@code 53/udp}), read as BuildKit
 * reads them ({@code [ip:][hostPort:]containerPort[/protocol]}). Docker fails the build on a port
 * that is not a number within 0-65535, a reversed range, an unknown protocol, an invalid IP address
 * or host port, and host and container ranges of different sizes: errors. A host IP or host port
 * that parses is accepted but means nothing (publishing is {@code docker run -p}'s job), and an
 * upper-case protocol only draws a BuildKit warning: warnings (ExposeInvalidFormat,
 * ExposeProtoCasing). Values are checked after variable expansion; one that depends on a variable
 * without a known value is skipped.
 */
public final class ExposeInvalid implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("expose-invalid", Severity.ERROR,
      "EXPOSE value is not a valid container port", "DL3011", "ExposeInvalidFormat", "ExposeProtoCasing");

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
          checkPort(token, port.raw(), context);
        }
      }
    }
  }

  /** One port, in the order BuildKit checks it (its parsePortSpec): the first error, else the warnings. */
  private static void checkPort(Token token, String raw, RuleContext context) {
    int slash = raw.indexOf('/');
    String ports = slash < 0 ? raw : raw.substring(0, slash);
    String protocol = slash < 0 ? "" : raw.substring(slash + 1);
    String[] parts = ports.split(":", -1);
    String container = parts[parts.length - 1];
    String host = parts.length >= 2 ? parts[parts.length - 2] : "";
    String ip = parts.length >= 3 ? String.join(":", java.util.Arrays.copyOfRange(parts, 0, parts.length - 2)) : "";
    if (container.isEmpty()) {
      error(context, token, "EXPOSE '" + raw + "' names no container port; write a port such as 8080");
      return;
    }
    String lower = protocol.toLowerCase(Locale.ROOT);
    if (!lower.isEmpty() && !lower.equals("tcp") && !lower.equals("udp") && !lower.equals("sctp")) {
      error(context, token, "EXPOSE '" + raw + "' has an unknown protocol '" + protocol + "'; use tcp, udp or sctp");
      return;
    }
    if (!ip.isEmpty() && !isIp(ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip)) {
      error(context, token, "EXPOSE '" + raw + "' has an invalid IP address '" + ip + "'; expose the container port (EXPOSE "
          + container + ") and publish it with docker run -p");
      return;
    }
    int[] range = portRange(container);
    if (range == null) {
      error(context, token, "EXPOSE '" + raw + "' is not a port or range within 0-65535; write a port such as 8080 or "
          + "a range such as 8000-8100");
      return;
    }
    if (range[1] < range[0]) {
      error(context, token, "EXPOSE range '" + raw + "' ends before it starts; write it as " + range[1] + "-" + range[0]);
      return;
    }
    if (!host.isEmpty()) {
      int[] hostRange = portRange(host);
      if (hostRange == null || hostRange[1] < hostRange[0]) {
        error(context, token, "EXPOSE '" + raw + "' has an invalid host port '" + host + "'; expose the container port "
            + "(EXPOSE " + container + ") and publish it with docker run -p");
        return;
      }
      if (range[1] - range[0] != hostRange[1] - hostRange[0] && range[1] != range[0]) {
        error(context, token, "EXPOSE '" + raw + "' maps host ports " + host + " onto container ports " + container
            + " of a different count; expose the container ports (EXPOSE " + container + ") and publish with docker run -p");
        return;
      }
    }
    if (!protocol.equals(lower)) {
      context.reportAs(token.range(), "Protocol in EXPOSE '" + raw + "' should be lowercase; write "
          + raw.substring(0, slash + 1) + lower, Severity.WARNING, "ExposeProtoCasing");
    }
    if (!ip.isEmpty() || !host.isEmpty()) {
      context.reportAs(token.range(), "EXPOSE '" + raw + "' sets a host IP or host port, which EXPOSE cannot do; "
          + "expose the container port (EXPOSE " + container + (protocol.isEmpty() ? "" : "/" + lower)
          + ") and publish it with docker run -p", Severity.WARNING, "ExposeInvalidFormat");
    }
  }

  private static void error(RuleContext context, Token token, String message) {
    context.reportAs(token.range(), message, Severity.ERROR, "DL3011");
  }

  /** BuildKit's parsePortRange: {@code N} or {@code N-M}, each Go's {@code ParseUint(s, 10, 16)}; null when not. */
  private static int[] portRange(String ports) {
    int dash = ports.indexOf('-');
    if (dash < 0) {
      int p = port(ports);
      return p < 0 ? null : new int[] {p, p};
    }
    if (ports.indexOf('-', dash + 1) >= 0) {
      return null;
    }
    int start = port(ports.substring(0, dash));
    int end = port(ports.substring(dash + 1));
    return start < 0 || end < 0 ? null : new int[] {start, end};
  }

  private static int port(String s) {
    if (!allDigits(s)) {
      return -1;
    }
    String digits = s.replaceFirst("^0+(?=.)", ""); // ParseUint takes leading zeros
    if (digits.length() > 5) {
      return -1;
    }
    int value = Integer.parseInt(digits);
    return value > 65535 ? -1 : value;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** Go's {@code net.ParseIP}: dotted IPv4 (no leading zeros), or IPv6 with at most one {@code ::}. */
  static boolean isIp(String s) {
    return isIpv4(s) || isIpv6(s);
  }

  private static boolean isIpv4(String s) {
    String[] octets = s.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String o : octets) {
      if (!allDigits(o) || o.length() > 3 || o.length() > 1 && o.charAt(0) == '0' || Integer.parseInt(o) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String text = s;
    int groupsNeeded = 8;
    int lastColon = text.lastIndexOf(':');
    if (lastColon >= 0 && text.indexOf('.', lastColon) >= 0) {
      if (!isIpv4(text.substring(lastColon + 1))) {
        return false;
      }
      text = text.substring(0, lastColon + 1) + "0";
      groupsNeeded = 7;
    }
    if (doubleColon < 0) {
      String[] groups = text.split(":", -1);
      return groups.length == groupsNeeded && allHex(groups);
    }
    String head = text.substring(0, doubleColon);
    String tail = text.substring(doubleColon + 2);
    String[] h = head.isEmpty() ? new String[0] : head.split(":", -1);
    String[] t = tail.isEmpty() ? new String[0] : tail.split(":", -1);
    return h.length + t.length < groupsNeeded && allHex(h) && allHex(t);
  }

  private static boolean allHex(String[] groups) {
    for (String g : groups) {
      if (g.isEmpty() || g.length() > 4) {
        return false;
      }
      for (int i = 0; i < g.length(); i++) {
        if (Character.digit(g.charAt(i), 16) < 0 || g.charAt(i) > 'f') {
          return false;
        }
      }
    }
    return true;
  }
}
