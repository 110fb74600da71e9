package dev.dockerlint.ast;

import dev.dockerlint.shell.Expansion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
  /** Compiled once: {@code String.split} with a pattern compiles it on every call. */
  private static final Pattern BLANKS = Pattern.compile("[ \t\r\n]+");

  /**
   * The ports an EXPOSE word stands for after expansion with {@code scope} (one word may expand to
   * several), or empty when the value is not known before the build.
   */
  public static Optional<List<PortSpec>> parseExpanded(Scope scope, Token token) {
    Expansion expansion = scope.expand(token.text());
    if (expansion.error() != null) {
      return Optional.empty();
    }
    for (String name : expansion.references()) {
      Optional<Variable> v = scope.get(name);
      if (v.isEmpty() || v.get().value() == null) {
        return Optional.empty();
      }
    }
    List<PortSpec> result = new ArrayList<>();
    for (String part : BLANKS.split(expansion.value())) {
      if (!part.isEmpty()) {
        result.add(parse(part));
      }
    }
    return Optional.of(result);
  }

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
