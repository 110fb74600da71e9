package dev.dockerlint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rule pages ({@code rules/<id>.md}), shipped inside the jar. */
public final class RuleDocs {
  private RuleDocs() {}

  public static Optional<String> page(String ruleId) {
    if (!ruleId.matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    try (InputStream in = RuleDocs.class.getResourceAsStream("/rules/" + ruleId + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
