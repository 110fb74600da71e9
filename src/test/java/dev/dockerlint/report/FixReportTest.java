package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fixes in the JSON and SARIF reports: what --fix would do, per finding. */
class FixReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TEXT = "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\nrun echo hi\nCMD node server.js\n"
      + "ENV SECRET_TOKEN sk_live_Rb7Yv2Nq9Wx4Kc6Jt1Hs8MfQ\n";

  private static Report report() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", TEXT);
    Linter linter = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);
    Linter.Result result = linter.check(file, null);
    List<Finding> findings = result.findings();
    return new Report("dockerlint", "0.1.0", "https://example.invalid",
        List.of(new FileResult("Dockerfile", file.source().masked(result.redactions()), findings, null)),
        infos(), id -> Optional.empty());
  }

  private static List<dev.dockerlint.lint.RuleInfo> infos() {
    List<dev.dockerlint.lint.RuleInfo> infos = new java.util.ArrayList<>();
    for (dev.dockerlint.lint.Rule rule : BuiltinRules.all()) {
      infos.add(rule.info());
    }
    return infos;
  }

  private static JsonNode finding(JsonNode findings, String rule) {
    for (JsonNode finding : findings) {
      if (finding.get("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError("no " + rule + " finding in " + findings);
  }

  @Test
  void jsonCarriesEachFindingsFix() throws IOException {
    StringBuilder out = new StringBuilder();
    new JsonReporter().write(report(), out);
    JsonNode findings = MAPPER.readTree(out.toString()).get("findings");
    JsonNode casing = finding(findings, "instruction-casing").get("fix");
    assertThat(casing.get("title").asText()).isEqualTo("Write 'RUN'");
    assertThat(casing.get("applicability").asText()).isEqualTo("safe");
    assertThat(casing.get("edits")).hasSize(1);
    assertThat(casing.at("/edits/0").toString())
        .isEqualTo("{\"line\":4,\"column\":1,\"endLine\":4,\"endColumn\":4,\"replacement\":\"RUN\"}");
    JsonNode json = finding(findings, "json-args").get("fix");
    assertThat(json.get("applicability").asText()).isEqualTo("unsafe");
    assertThat(json.at("/edits/0/replacement").asText()).isEqualTo("[\"node\", \"server.js\"]");
    // a finding without a fix has no fix key; a fix that would write a secret is not offered
    assertThat(finding(findings, "secret-in-env").has("fix")).isFalse();
    assertThat(finding(findings, "env-legacy-format").has("fix")).isFalse();
    assertThat(out.toString()).doesNotContain("Rb7Yv2Nq9Wx4");
  }

  @Test
  void sarifCarriesFixesAsTheSchemaDefinesThem() throws IOException {
    StringBuilder out = new StringBuilder();
    new SarifReporter().write(report(), out);
    JsonNode log = MAPPER.readTree(out.toString());
    JsonSchema schema;
    try (InputStream in = FixReportTest.class.getResourceAsStream("/report/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    assertThat(schema.validate(log)).isEmpty();
    JsonNode casing = null;
    for (JsonNode result : log.at("/runs/0/results")) {
      if (result.get("ruleId").asText().equals("instruction-casing")) {
        casing = result;
      }
      if (result.get("ruleId").asText().equals("user-root") || result.get("ruleId").asText().equals("secret-in-env")) {
        assertThat(result.has("fixes")).isFalse();
      }
    }
    assertThat(casing).isNotNull();
    JsonNode fix = casing.at("/fixes/0");
    assertThat(fix.at("/description/text").asText()).isEqualTo("Write 'RUN'");
    assertThat(fix.at("/properties/applicability").asText()).isEqualTo("safe");
    JsonNode change = fix.at("/artifactChanges/0");
    assertThat(change.get("artifactLocation")).isEqualTo(casing.at("/locations/0/physicalLocation/artifactLocation"));
    assertThat(change.at("/replacements/0").toString()).isEqualTo("{\"deletedRegion\":{\"startLine\":4,\"startColumn\":1,"
        + "\"endLine\":4,\"endColumn\":4},\"insertedContent\":{\"text\":\"RUN\"}}");
  }
}
