package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = SarifReporterTest.class.getResourceAsStream("/report/sarif-schema-2.1.0.json")) {
      assertThat(in).as("schema resource").isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  private static JsonNode sarif(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new SarifReporter().write(report, out);
    return MAPPER.readTree(out.toString());
  }

  @Test
  void sampleIsValidSarif() throws IOException {
    assertThat(schema.validate(sarif(ReportFixtures.sample()))).isEmpty();
  }

  @Test
  void cleanReportIsValidSarif() throws IOException {
    JsonNode log = sarif(ReportFixtures.clean());
    assertThat(schema.validate(log)).isEmpty();
    assertThat(log.at("/runs/0/results").isArray()).isTrue();
    assertThat(log.at("/runs/0/results")).isEmpty();
    assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
    assertThat(log.at("/runs/0/invocations/0").has("toolExecutionNotifications")).isFalse();
  }

  @Test
  void validatorRejectsBrokenSarif() throws IOException {
    ObjectNode log = (ObjectNode) sarif(ReportFixtures.sample());
    ObjectNode result = (ObjectNode) log.at("/runs/0/results/0");
    result.remove("message");
    ((ObjectNode) log.at("/runs/0/tool/driver/rules/0")).remove("id");
    Set<ValidationMessage> errors = schema.validate(log);
    assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void hasWhatGitHubCodeScanningNeeds() throws IOException {
    JsonNode log = sarif(ReportFixtures.sample());
    assertThat(log.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("runs")).hasSize(1);
    JsonNode run = log.at("/runs/0");
    assertThat(run.get("columnKind").asText()).isEqualTo("utf16CodeUnits");
    assertThat(run.at("/originalUriBaseIds").has("%SRCROOT%")).isTrue();
    JsonNode driver = run.at("/tool/driver");
    assertThat(driver.get("name").asText()).isEqualTo("dockerlint");
    assertThat(driver.get("semanticVersion").asText()).isEqualTo("0.1.0");
    assertThat(driver.get("informationUri").asText()).isEqualTo(ReportFixtures.HOME);

    List<String> ids = new ArrayList<>();
    for (JsonNode rule : driver.get("rules")) {
      ids.add(rule.get("id").asText());
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/fullDescription/text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
      assertThat(rule.at("/help/text").asText()).isNotBlank();
      assertThat(rule.at("/help/markdown").asText()).isNotBlank();
      assertThat(rule.at("/properties/precision").asText()).isEqualTo("high");
      assertThat(rule.at("/properties/tags").isArray()).isTrue();
      JsonNode securitySeverity = rule.at("/properties/security-severity");
      if (!securitySeverity.isMissingNode()) {
        assertThat(securitySeverity.isTextual()).as("security-severity of %s is a string", rule.get("id")).isTrue();
        assertThat(rule.at("/properties/tags").toString()).contains("\"security\"");
      }
    }
    // every catalog rule in order, then pseudo rules that only findings mention
    List<String> catalog = ReportFixtures.RULES.stream().map(r -> r.id()).toList();
    assertThat(ids.subList(0, catalog.size())).isEqualTo(catalog);
    assertThat(ids).endsWith("internal-error").doesNotHaveDuplicates();

    for (JsonNode result : run.get("results")) {
      String ruleId = result.get("ruleId").asText();
      assertThat(ids.get(result.get("ruleIndex").asInt())).isEqualTo(ruleId);
      assertThat(result.at("/message/text").asText()).isNotBlank();
      assertThat(result.get("locations")).hasSize(1);
      JsonNode location = result.at("/locations/0/physicalLocation");
      assertThat(location.at("/artifactLocation/uri").asText()).doesNotContain(":", " ", "\\").doesNotStartWith("/");
      assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
      for (String key : List.of("startLine", "startColumn", "endLine", "endColumn")) {
        assertThat(location.at("/region/" + key).asInt()).as(key).isPositive();
      }
      assertThat(result.at("/partialFingerprints/dockerlint~1v1").asText()).matches("[0-9a-f]{32}");
    }
    assertThat(run.at("/tool/driver/rules/" + ids.indexOf("curl-pipe-shell") + "/properties/security-severity").asText())
        .isEqualTo("8.0");
    assertThat(run.at("/tool/driver/rules/" + ids.indexOf("image-latest") + "/fullDescription/text").asText())
        .startsWith("The 'latest' tag moves").endsWith("over time.");
  }

  @Test
  void theRunPropertiesNameTheConfigsUsed() throws IOException {
    JsonNode properties = sarif(ReportFixtures.sample()).at("/runs/0/properties");
    assertThat(properties.get("configs")).hasSize(2);
    assertThat(properties.at("/configs/0").asText()).isEqualTo(".dockerlint.yaml");
    assertThat(properties.at("/configs/1").asText()).isEqualTo("services/api gateway/.dockerlint.yaml");
    assertThat(sarif(ReportFixtures.clean()).at("/runs/0/properties/configs").isArray()).isTrue();
    assertThat(sarif(ReportFixtures.clean()).at("/runs/0/properties/configs")).isEmpty();
  }

  @Test
  void fileErrorsMakeTheInvocationFail() throws IOException {
    JsonNode invocation = sarif(ReportFixtures.sample()).at("/runs/0/invocations/0");
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.at("/toolExecutionNotifications/0/level").asText()).isEqualTo("error");
    assertThat(invocation.at("/toolExecutionNotifications/0/message/text").asText())
        .isEqualTo("missing/Dockerfile: cannot read file: No such file or directory");
  }

  @Test
  void fingerprintsSurviveEditsElsewhereInTheFile() throws IOException {
    List<String> before = fingerprints(sarif(ReportFixtures.sample()));
    String edited = "# a new comment\n\nARG BASE=node\n" + ReportFixtures.MAIN_TEXT;
    List<String> after = fingerprints(sarif(ReportFixtures.sample(edited, 3)));
    assertThat(after).isEqualTo(before);
    assertThat(before).doesNotHaveDuplicates();
  }

  private static List<String> fingerprints(JsonNode log) {
    List<String> result = new ArrayList<>();
    for (JsonNode r : log.at("/runs/0/results")) {
      result.add(r.get("ruleId").asText() + " " + r.at("/partialFingerprints/dockerlint~1v1").asText());
    }
    return result;
  }

  @Test
  void artifactUrisAreRelativeForwardSlashedAndEncoded() {
    SarifReporter reporter = new SarifReporter(Path.of("/work/repo"));
    assertThat(reporter.artifactUri("Dockerfile")).isEqualTo("Dockerfile");
    assertThat(reporter.artifactUri("./services//api gateway/./Dockerfile")).isEqualTo("services/api%20gateway/Dockerfile");
    assertThat(reporter.artifactUri("a/../b/Dockerfile")).isEqualTo("b/Dockerfile");
    assertThat(reporter.artifactUri("../other/Dockerfile")).isEqualTo("../other/Dockerfile");
    assertThat(reporter.artifactUri("docker/Dockerfile.\u00fc#1")).isEqualTo("docker/Dockerfile.%C3%BC%231");
    assertThat(reporter.artifactUri("c:weird")).isEqualTo("c%3Aweird");
    assertThat(reporter.artifactUri("/work/repo/app/Dockerfile")).isEqualTo("app/Dockerfile");
    assertThat(reporter.artifactUri("/work/repository/Dockerfile")).isEqualTo("file:///work/repository/Dockerfile");
    assertThat(reporter.artifactUri("/tmp/x y/Dockerfile")).isEqualTo("file:///tmp/x%20y/Dockerfile");
  }

  @Test
  void absolutePathsOutsideTheBaseStayValid() throws IOException {
    Report report = new Report("dockerlint", "0.1.0-SNAPSHOT", ReportFixtures.HOME, List.of(
        new FileResult("/elsewhere/Docker file", new SourceText("FROM a\n"),
            List.of(ReportFixtures.finding("/elsewhere/Docker file", "syntax-error", Severity.ERROR,
                "Unknown instruction 'FORM'", SourceRange.of(1, 1, 1, 5))), null)),
        List.of(), id -> Optional.empty());
    StringBuilder out = new StringBuilder();
    new SarifReporter(Path.of("/work/repo")).write(report, out);
    JsonNode log = MAPPER.readTree(out.toString());
    assertThat(schema.validate(log)).isEmpty();
    JsonNode location = log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertThat(location.get("uri").asText()).isEqualTo("file:///elsewhere/Docker%20file");
    assertThat(location.has("uriBaseId")).isFalse();
    assertThat(log.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("syntax-error");
    assertThat(log.at("/runs/0/tool/driver/rules/0/shortDescription/text").asText())
        .isEqualTo("The Dockerfile could not be parsed");
    assertThat(log.at("/runs/0/results/0/ruleIndex").asInt()).isZero();
    assertThat(log.at("/runs/0/tool/driver/semanticVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
  }

  @Test
  void namesAndDescriptions() {
    assertThat(SarifReporter.pascalCase("image-latest")).isEqualTo("ImageLatest");
    assertThat(SarifReporter.pascalCase("apt-no-install-recommends")).isEqualTo("AptNoInstallRecommends");
    assertThat(SarifReporter.level(Severity.STYLE)).isEqualTo("note");
    assertThat(SarifReporter.level(Severity.INFO)).isEqualTo("note");
    assertThat(SarifReporter.whyParagraph("# x\n\n## Why\nFirst line\nsecond line.\n\nMore.\n"))
        .contains("First line second line.");
    assertThat(SarifReporter.whyParagraph("# x\n\n## Bad\n")).isEmpty();
  }
}
