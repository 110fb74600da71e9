package dev.dockerlint.ast;

import java.util.Locale;
import java.util.Optional;

/** A USER value after expansion: {@code user}, {@code user:group}, {@code 1000:1000}. */
public record UserSpec(String user, String group) {

  public static UserSpec parse(String value) {
    int colon = value.indexOf(':');
    return colon < 0 ? new UserSpec(value, null) : new UserSpec(value.substring(0, colon), value.substring(colon + 1));
  }

  public Optional<String> groupValue() {
    return Optional.ofNullable(group);
  }

  /**
   * {@code root}, UID 0 (any number of zeros), or Windows' {@code ContainerAdministrator} (user names
   * are case-insensitive there).
   */
  public boolean isRoot() {
    String lower = user.toLowerCase(Locale.ROOT);
    if (lower.equals("root") || lower.equals("containeradministrator")) {
      return true;
    }
    for (int i = 0; i < user.length(); i++) {
      if (user.charAt(i) != '0') {
        return false;
      }
    }
    return !user.isEmpty();
  }

  public boolean isNumeric() {
    if (user.isEmpty()) {
      return false;
    }
    for (int i = 0; i < user.length(); i++) {
      if (user.charAt(i) < '0' || user.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
