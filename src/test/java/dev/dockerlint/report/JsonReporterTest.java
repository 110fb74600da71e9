package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String render(Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new JsonReporter().write(report, out);
    return out.toString();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void hasTheDocumentedShape() throws IOException {
    String text = render(ReportFixtures.sample());
    assertThat(text).endsWith("}\n").startsWith("{\n  \"tool\": {\n");
    JsonNode root = MAPPER.readTree(text);
    assertThat(keys(root)).containsExactly("tool", "configs", "findings", "summary", "errors");
    assertThat(keys(root.get("tool"))).containsExactly("name", "version");
    assertThat(root.get("configs")).hasSize(2);
    assertThat(root.at("/configs/0").asText()).isEqualTo(".dockerlint.yaml");
    assertThat(root.at("/configs/1").asText()).isEqualTo("services/api gateway/.dockerlint.yaml");
    assertThat(root.get("findings")).hasSize(8);
    for (JsonNode finding : root.get("findings")) {
      assertThat(keys(finding)).containsExactly(
          "file", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "aliases");
      assertThat(finding.get("severity").asText()).isIn("error", "warning", "info", "style");
    }
    JsonNode first = root.at("/findings/0");
    assertThat(first.get("file").asText()).isEqualTo("Dockerfile");
    assertThat(first.get("line").asInt()).isEqualTo(2);
    assertThat(first.get("column").asInt()).isEqualTo(6);
    assertThat(first.get("endColumn").asInt()).isEqualTo(17);
    assertThat(first.get("aliases").get(0).asText()).isEqualTo("DL3007");
    assertThat(keys(root.get("summary"))).containsExactly("files", "error", "warning", "info", "style");
    assertThat(root.at("/summary/files").asInt()).isEqualTo(2);
    assertThat(root.at("/summary/error").asInt()).isEqualTo(4);
    assertThat(root.at("/errors/0/file").asText()).isEqualTo("missing/Dockerfile");
    assertThat(root.at("/errors/0/message").asText()).startsWith("cannot read file");
  }

  @Test
  void findingsAreSortedByFileLineColumnRule() throws IOException {
    JsonNode findings = MAPPER.readTree(render(ReportFixtures.sample())).get("findings");
    List<String> order = new ArrayList<>();
    for (JsonNode f : findings) {
      order.add(f.get("file").asText() + ":" + f.get("line").asInt() + ":" + f.get("rule").asText());
    }
    assertThat(order).containsExactly(
        "Dockerfile:2:image-latest", "Dockerfile:3:apt-no-install-recommends", "Dockerfile:5:curl-pipe-shell",
        "Dockerfile:6:label-maintainer", "Dockerfile:7:user-root",
        "services/api gateway/Dockerfile:1:internal-error", "services/api gateway/Dockerfile:2:expose-port-range",
        "services/api gateway/Dockerfile:3:expose-port-range");
  }

  @Test
  void noErrorsKeyWhenEveryFileWasLinted() throws IOException {
    JsonNode root = MAPPER.readTree(render(ReportFixtures.clean()));
    assertThat(keys(root)).containsExactly("tool", "configs", "findings", "summary");
    assertThat(root.get("configs")).as("always there, empty without a config file").isEmpty();
    assertThat(root.get("findings")).isEmpty();
    assertThat(render(ReportFixtures.clean())).contains("\"findings\": [],");
  }
}
