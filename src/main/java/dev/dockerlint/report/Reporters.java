package dev.dockerlint.report;

import java.util.List;
import java.util.Optional;

/** The output formats by name. JSON, SARIF and GitLab classes load Jackson only when chosen. */
public final class Reporters {
  public static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "gitlab", "checkstyle", "junit", "gnu");

  private Reporters() {}

  public static Optional<Reporter> forFormat(String format, boolean color) {
    return switch (format) {
      case "text" -> Optional.of(new TextReporter(color));
      case "json" -> Optional.of(new JsonReporter());
      case "sarif" -> Optional.of(new SarifReporter());
      case "github" -> Optional.of(new GithubReporter());
      case "gitlab" -> Optional.of(new GitlabReporter());
      case "checkstyle" -> Optional.of(new CheckstyleReporter());
      case "junit" -> Optional.of(new JunitReporter());
      case "gnu" -> Optional.of(new GnuReporter());
      default -> Optional.empty();
    };
  }
}
