package dev.dockerlint.ast;

import java.util.Optional;

/**
 * One EXPOSE entry after expansion: {@code 80}, {@code 8000-8100/tcp}, {@code 53/udp}. Host parts
 * ({@code 127.0.0.1:80:80}, {@code 8080:80}) are kept so rules can report them.
 *
 * @param hostPart everything before the last {@code :} in the port part, or null
 * @param protocol as written (case kept), or null
 * @param startPort first port, or -1 when not a number
 * @param endPort last port of a range (same as {@code startPort} for one port), or -1
 */
public record PortSpec(String raw, String hostPart, int startPort, int endPort, String protocol) {

  public static PortSpec parse(String raw) {
    String rest = raw;
    String protocol = null;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      protocol = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    String host = null;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      host = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
    }
    int dash = rest.indexOf('-');
    int start = number(dash >= 0 ? rest.substring(0, dash) : rest);
    int end = dash >= 0 ? number(rest.substring(dash + 1)) : start;
    return new PortSpec(raw, host, start, end, protocol);
  }

  private static int number(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(s);
  }

  public Optional<String> protocolValue() {
    return Optional.ofNullable(protocol);
  }

  public boolean isRange() {
    return startPort != endPort;
  }
}
