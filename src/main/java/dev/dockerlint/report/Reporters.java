package dev.dockerlint.report;

import java.util.List;
import java.util.Optional;

/**
 * The output formats by name. JSON, SARIF and GitLab classes load Jackson only when chosen.
 * {@code tty}, {@code hadolint-json}, {@code codeclimate}, {@code codacy} and {@code sonarqube} are
 * hadolint's formats with hadolint's shapes; {@code gitlab_codeclimate}, hadolint's name for
 * GitLab's Code Quality report, is {@code gitlab}.
 */
public final class Reporters {
  public static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "gitlab", "checkstyle", "junit",
      "gnu", "tty", "hadolint-json", "codeclimate", "gitlab_codeclimate", "codacy", "sonarqube");

  private Reporters() {}

  public static Optional<Reporter> forFormat(String format, boolean color) {
    return switch (format) {
      case "text" -> Optional.of(new TextReporter(color));
      case "json" -> Optional.of(new JsonReporter());
      case "sarif" -> Optional.of(new SarifReporter());
      case "github" -> Optional.of(new GithubReporter());
      case "gitlab", "gitlab_codeclimate" -> Optional.of(new GitlabReporter());
      case "checkstyle" -> Optional.of(new CheckstyleReporter());
      case "junit" -> Optional.of(new JunitReporter());
      case "gnu" -> Optional.of(new GnuReporter());
      case "tty" -> Optional.of(new TtyReporter(color));
      case "hadolint-json" -> Optional.of(new HadolintJsonReporter());
      case "codeclimate" -> Optional.of(new CodeclimateReporter());
      case "codacy" -> Optional.of(new CodacyReporter());
      case "sonarqube" -> Optional.of(new SonarqubeReporter());
      default -> Optional.empty();
    };
  }

  /**
   * Whether a run writing this format exits 0 whatever it finds: a Code Climate engine or Codacy
   * tool that exits otherwise has failed, so hadolint's {@code codeclimate} and {@code codacy} do.
   */
  public static boolean neverFails(String format) {
    return format.equals("codeclimate") || format.equals("codacy");
  }
}
