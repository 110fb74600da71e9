package dev.dockerlint.report;

import java.util.List;
import java.util.Optional;

/** The output formats by name. JSON, SARIF and GitLab classes load Jackson only when chosen. */
public final class Reporters {
  public static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "gitlab", "gnu");

  private Reporters() {}

  public static Optional<Reporter> forFormat(String format, boolean color) {
    return switch (format) {
      case "text" -> Optional.of(new TextReporter(color));
      case "json" -> Optional.of(new JsonReporter());
      case "sarif" -> Optional.of(new SarifReporter());
      case "github" -> Optional.of(new GithubReporter());
      case "gitlab" -> Optional.of(new GitlabReporter());
      case "gnu" -> Optional.of(new GnuReporter());
      default -> Optional.empty();
    };
  }
}
