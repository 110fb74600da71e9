package dev.dockerlint.rules.labels;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The labels the configuration requires are present on the final image and well formed. */
public final class LabelSchema implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("label-schema", Severity.WARNING,
      "A label required by the configured label schema is missing or malformed",
      "DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058");

  /** A label's last assignment in the final image. */
  private record Assigned(KeyValue pair, String value, boolean known) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Map<String, String> schema = context.settings().labelSchema();
    if (context.settings().strictLabels()) {
      reportUnlisted(file, schema, context);
    }
    if (schema.isEmpty() || file.finalStage().isEmpty()) {
      return; // silent until a schema is configured: configuring one is what switches the rule on
    }
    List<Stage> lineage = new ArrayList<>(file.lineage(file.finalStage().get()));
    Collections.reverse(lineage);
    Map<String, Assigned> labels = new HashMap<>();
    for (Stage stage : lineage) {
      for (Label label : stage.instructions(Label.class)) {
        Scope scope = file.scopeAt(label);
        for (KeyValue pair : label.pairs()) {
          String value = pair.value() == null ? "" : scope.resolve(pair.value());
          labels.put(scope.resolve(pair.key()), new Assigned(pair, value, pair.value() == null || isKnown(scope, pair)));
        }
      }
    }
    Stage last = file.finalStage().get();
    for (var entry : new TreeMap<>(schema).entrySet()) {
      String name = entry.getKey();
      String format = entry.getValue() == null ? "text" : entry.getValue().strip().toLowerCase(java.util.Locale.ROOT);
      Assigned assigned = labels.get(name);
      if (assigned == null) {
        context.reportAs(last.from().image().range(), "The final image has no label '" + name
            + "' required by the label schema; add LABEL " + name + "=<" + format + ">", "DL3049");
        continue;
      }
      String value = assigned.value().strip();
      if (!assigned.known()) {
        continue; // a build argument without a default: the value is only known at build time
      }
      if (value.isEmpty()) {
        context.reportAs((assigned.pair().value() == null ? assigned.pair().key() : assigned.pair().value()).range(),
            "Label '" + name + "' is empty; the label schema requires "
            + "a " + format + " value", "DL3051");
        continue;
      }
      String code = switch (format) {
        case "url" -> isUrl(value) ? null : "DL3052";
        case "rfc3339" -> isRfc3339(value) ? null : "DL3053";
        case "spdx" -> isSpdx(value) ? null : "DL3054";
        case "hash" -> isHash(value) ? null : "DL3055";
        case "semver" -> isSemver(value) ? null : "DL3056";
        case "email" -> isEmail(value) ? null : "DL3058";
        default -> null;
      };
      if (code != null) {
        context.reportAs(assigned.pair().value().range(), "Label '" + name + "' value '" + value + "' is not a valid "
            + describe(format) + "; the label schema requires one", code);
      }
    }
  }

  /** With strict labels, every LABEL key (of any stage) that the schema does not name. */
  private static void reportUnlisted(Dockerfile file, Map<String, String> schema, RuleContext context) {
    for (Label label : file.instructions(Label.class)) {
      Scope scope = file.scopeAt(label);
      for (KeyValue pair : label.pairs()) {
        String key = scope.resolve(pair.key());
        if (!schema.containsKey(key)) {
          context.reportAs(pair.key().range(), "Label '" + key + "' is not in the label schema, and strict-labels allows "
              + "no others; add it to label-schema or remove it", "DL3050");
        }
      }
    }
  }

  /** False when the value uses a variable that has no value at lint time (ARG without default, unknown). */
  private static boolean isKnown(Scope scope, KeyValue pair) {
    for (String name : scope.expand(pair.value().text()).references()) {
      if (!scope.hasValue(name)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(String format) {
    return switch (format) {
      case "url" -> "absolute URL";
      case "rfc3339" -> "RFC 3339 timestamp (2024-05-01T12:00:00Z)";
      case "spdx" -> "SPDX license expression (MIT, Apache-2.0 OR MIT)";
      case "hash" -> "git commit hash";
      case "semver" -> "semantic version (1.4.2)";
      case "email" -> "email address";
      default -> format;
    };
  }

  /** An absolute URI: a scheme, a colon, and no spaces or characters URIs forbid; web URLs need a host. */
  static boolean isUrl(String value) {
    int colon = value.indexOf(':');
    if (colon < 1 || !Character.isLetter(value.charAt(0))) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = value.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    String rest = value.substring(colon + 1);
    if (rest.isEmpty()) {
      return false;
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c <= ' ' || "<>\"{}|\\^`".indexOf(c) >= 0) {
        return false;
      }
    }
    String scheme = value.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) {
      return rest.startsWith("//") && rest.length() > 2 && rest.charAt(2) != '/';
    }
    return true;
  }

  /** {@code 2024-05-01T12:00:00Z}, {@code 2024-05-01T12:00:00.5+02:00}. */
  static boolean isRfc3339(String v) {
    if (v.length() < 20) {
      return false;
    }
    if (!digits(v, 0, 4) || v.charAt(4) != '-' || !digits(v, 5, 2) || v.charAt(7) != '-' || !digits(v, 8, 2)) {
      return false;
    }
    char t = v.charAt(10);
    if (t != 'T' && t != 't' && t != ' ') {
      return false;
    }
    if (!digits(v, 11, 2) || v.charAt(13) != ':' || !digits(v, 14, 2) || v.charAt(16) != ':' || !digits(v, 17, 2)) {
      return false;
    }
    int month = num(v, 5, 2);
    int day = num(v, 8, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31 || num(v, 11, 2) > 23 || num(v, 14, 2) > 59
        || num(v, 17, 2) > 60) {
      return false;
    }
    int i = 19;
    if (i < v.length() && v.charAt(i) == '.') {
      int start = ++i;
      while (i < v.length() && Character.isDigit(v.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i == v.length()) {
      return false;
    }
    char zone = v.charAt(i);
    if (zone == 'Z' || zone == 'z') {
      return i + 1 == v.length();
    }
    return (zone == '+' || zone == '-') && v.length() == i + 6 && digits(v, i + 1, 2) && v.charAt(i + 3) == ':'
        && digits(v, i + 4, 2) && num(v, i + 1, 2) <= 23 && num(v, i + 4, 2) <= 59;
  }

  /** An SPDX license expression whose ids are on the SPDX License List. */
  static boolean isSpdx(String v) {
    return SpdxLicenses.isExpression(v);
  }

  /** A git commit: 7 to 40 hex digits (abbreviated or full), or a 64-digit SHA-256 object name. */
  static boolean isHash(String v) {
    if (!(v.length() >= 7 && v.length() <= 40 || v.length() == 64)) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** Semantic Versioning 2.0.0: {@code MAJOR.MINOR.PATCH[-pre][+build]}, no leading zeros. */
  static boolean isSemver(String v) {
    int plus = v.indexOf('+');
    String main = plus >= 0 ? v.substring(0, plus) : v;
    if (plus >= 0 && !identifiers(v.substring(plus + 1), false)) {
      return false;
    }
    int dash = main.indexOf('-');
    String core = dash >= 0 ? main.substring(0, dash) : main;
    if (dash >= 0 && !identifiers(main.substring(dash + 1), true)) {
      return false;
    }
    String[] parts = core.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    for (String part : parts) {
      if (!numeric(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean identifiers(String text, boolean noLeadingZeros) {
    if (text.isEmpty()) {
      return false;
    }
    for (String id : text.split("\\.", -1)) {
      if (id.isEmpty()) {
        return false;
      }
      boolean allDigits = true;
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
          return false;
        }
        allDigits &= c >= '0' && c <= '9';
      }
      if (noLeadingZeros && allDigits && !numeric(id)) {
        return false;
      }
    }
    return true;
  }

  private static boolean numeric(String s) {
    return !s.isEmpty() && digits(s, 0, s.length()) && (s.length() == 1 || s.charAt(0) != '0');
  }

  /** {@code local@domain} or {@code Display Name <local@domain>}. */
  static boolean isEmail(String v) {
    String address = v;
    if (v.endsWith(">")) {
      int open = v.lastIndexOf('<');
      if (open < 0) {
        return false;
      }
      address = v.substring(open + 1, v.length() - 1);
    }
    int at = address.lastIndexOf('@');
    if (at < 1 || at == address.length() - 1) {
      return false;
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0)) {
        return false;
      }
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int count) {
    return Integer.parseInt(s.substring(from, from + count));
  }
}
