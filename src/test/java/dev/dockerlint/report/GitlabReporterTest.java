package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String render(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new GitlabReporter().write(report, out);
    return out.toString();
  }

  private static JsonNode issues(Report report) throws IOException {
    return MAPPER.readTree(render(report));
  }

  private static JsonNode issue(JsonNode issues, String check, int line) {
    for (JsonNode issue : issues) {
      if (issue.get("check_name").asText().equals(check) && issue.at("/location/lines/begin").asInt() == line) {
        return issue;
      }
    }
    throw new AssertionError("no " + check + " issue on line " + line);
  }

  @Test
  void isAnArrayOfCodeQualityIssues() throws IOException {
    String text = render(ReportFixtures.sample());
    assertThat(text).startsWith("[").endsWith("]\n").doesNotStartWith("\uFEFF");
    JsonNode issues = MAPPER.readTree(text);
    assertThat(issues.isArray()).isTrue();
    assertThat(issues).hasSize(9);
    for (JsonNode issue : issues) {
      List<String> keys = new ArrayList<>();
      issue.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("type", "check_name", "description", "categories", "severity", "fingerprint",
          "location", "engine_name");
      assertThat(issue.get("type").asText()).isEqualTo("issue");
      assertThat(issue.get("engine_name").asText()).isEqualTo("dockerlint");
      assertThat(issue.get("description").asText()).isNotBlank();
      assertThat(issue.get("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
      assertThat(issue.get("fingerprint").asText()).matches("[0-9a-f]{32}");
      assertThat(issue.at("/location/path").asText()).isNotBlank();
      assertThat(issue.at("/location/lines/begin").asInt()).isPositive();
      assertThat(issue.at("/location/lines/end").asInt()).isGreaterThanOrEqualTo(issue.at("/location/lines/begin").asInt());
    }
    JsonNode latest = issue(issues, "image-latest", 2);
    assertThat(latest.get("description").asText()).startsWith("Image 'node:latest' uses the mutable 'latest' tag");
    assertThat(latest.at("/location/path").asText()).isEqualTo("Dockerfile");
    assertThat(latest.get("categories").toString()).isEqualTo("[\"Style\"]");
    assertThat(issue(issues, "apt-no-install-recommends", 3).at("/location/lines/end").asInt()).isEqualTo(4);
    assertThat(issue(issues, "expose-port-range", 2).at("/location/path").asText())
        .isEqualTo("services/api gateway/Dockerfile");
  }

  @Test
  void severityMapping() throws IOException {
    JsonNode issues = issues(ReportFixtures.sample());
    JsonNode curl = issue(issues, "curl-pipe-shell", 5);
    assertThat(curl.get("severity").asText()).isEqualTo("critical");
    assertThat(curl.get("categories").toString()).isEqualTo("[\"Security\"]");
    assertThat(issue(issues, "expose-port-range", 2).get("severity").asText()).isEqualTo("major");
    assertThat(issue(issues, "internal-error", 1).get("severity").asText()).isEqualTo("major");
    assertThat(issue(issues, "image-latest", 2).get("severity").asText()).isEqualTo("minor");
    JsonNode root = issue(issues, "user-root", 7);
    assertThat(root.get("severity").asText()).isEqualTo("minor");
    assertThat(root.get("categories").toString()).isEqualTo("[\"Security\"]");
    assertThat(issue(issues, "apt-no-install-recommends", 3).get("severity").asText()).isEqualTo("info");
    assertThat(issue(issues, "label-maintainer", 6).get("severity").asText()).isEqualTo("info");

    RuleInfo tagged = RuleInfo.of("x", Severity.ERROR, "s").withTags("security");
    assertThat(GitlabReporter.isSecurity(tagged)).isTrue();
    assertThat(GitlabReporter.isSecurity(RuleInfo.of("x", Severity.ERROR, "s"))).isFalse();
    assertThat(GitlabReporter.isSecurity(null)).isFalse();
    assertThat(GitlabReporter.severity(Severity.ERROR, true)).isEqualTo("critical");
    assertThat(GitlabReporter.severity(Severity.STYLE, true)).isEqualTo("info");
  }

  @Test
  void pathsAreRelativeToTheProjectRootWithoutDotSegments() {
    // `dockerlint .` walks ./api/Dockerfile; Code Quality wants api/Dockerfile
    assertThat(GitlabReporter.projectPath("./api/Dockerfile")).isEqualTo("api/Dockerfile");
    assertThat(GitlabReporter.projectPath("./Dockerfile")).isEqualTo("Dockerfile");
    assertThat(GitlabReporter.projectPath("api/../web//Dockerfile")).isEqualTo("web/Dockerfile");
    assertThat(GitlabReporter.projectPath("services/api gateway/Dockerfile")).isEqualTo("services/api gateway/Dockerfile");
    assertThat(GitlabReporter.projectPath("../other/Dockerfile")).isEqualTo("../other/Dockerfile");
    assertThat(GitlabReporter.projectPath("/abs/./Dockerfile")).isEqualTo("/abs/Dockerfile");
    assertThat(GitlabReporter.projectPath("-")).isEqualTo("-");
  }

  @Test
  void unreadableFilesBecomeIoErrorIssues() throws IOException {
    JsonNode last = issues(ReportFixtures.sample()).get(8);
    assertThat(last.get("check_name").asText()).isEqualTo("io-error");
    assertThat(last.get("description").asText()).isEqualTo("cannot read file: No such file or directory");
    assertThat(last.at("/location/path").asText()).isEqualTo("missing/Dockerfile");
    assertThat(last.get("severity").asText()).isEqualTo("major");
  }

  @Test
  void fingerprintsAreUniqueAndSurviveLinesInsertedAbove() throws IOException {
    JsonNode before = issues(ReportFixtures.sample());
    String edited = "# a new comment\n\nARG BASE=node\n" + ReportFixtures.MAIN_TEXT;
    JsonNode after = issues(ReportFixtures.sample(edited, 3));
    assertThat(fingerprints(before)).doesNotHaveDuplicates().isEqualTo(fingerprints(after));
    // the line numbers did move
    assertThat(issue(after, "image-latest", 5).get("fingerprint").asText())
        .isEqualTo(issue(before, "image-latest", 2).get("fingerprint").asText());
  }

  @Test
  void fingerprintChangesWhenTheOffendingLineChanges() throws IOException {
    String edited = ReportFixtures.MAIN_TEXT.replace("FROM node:latest", "FROM  node:latest AS build");
    JsonNode before = issues(ReportFixtures.sample());
    JsonNode after = issues(ReportFixtures.sample(edited, 0));
    assertThat(issue(after, "image-latest", 2).get("fingerprint").asText())
        .isNotEqualTo(issue(before, "image-latest", 2).get("fingerprint").asText());
    assertThat(issue(after, "user-root", 7).get("fingerprint").asText())
        .isEqualTo(issue(before, "user-root", 7).get("fingerprint").asText());
  }

  private static List<String> fingerprints(JsonNode issues) {
    List<String> result = new ArrayList<>();
    for (JsonNode issue : issues) {
      result.add(issue.get("check_name").asText() + " " + issue.get("fingerprint").asText());
    }
    return result;
  }

  @Test
  void cleanReportIsAnEmptyArray() throws IOException {
    assertThat(render(ReportFixtures.clean())).isEqualTo("[]\n");
  }
}
