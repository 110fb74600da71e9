package dev.dockerlint.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader: YAML to the model with positions, interpolation, merge keys, include, extends, overrides, limits. */
class ComposeLoaderTest {
  @TempDir Path dir;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
  }

  private ComposeProject load(Map<String, String> files, String... named) throws IOException, ComposeException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    List<ComposeLoader.Input> inputs = new ArrayList<>();
    for (String name : named) {
      inputs.add(new ComposeLoader.Input(name, dir.resolve(name), files.get(name)));
    }
    return new ComposeLoader(dir).load(inputs);
  }

  private ComposeProject load(String compose) throws IOException, ComposeException {
    return load(Map.of("compose.yaml", compose), "compose.yaml");
  }

  private static String text(ComposeProject project, String service, String key) {
    return project.service(service).orElseThrow().scalar(key).text();
  }

  @Test
  void interpolationUsesTheEnvFileOnly() throws Exception {
    ComposeProject p = load(Map.of("compose.yaml", "services:\n  a:\n    image: \"${IMG}:${TAG:-1.0}\"\n"
        + "    command: \"echo $$HOME ${UNSET-fallback} ${SET:+alt} ${EMPTY:-e} ${EMPTY-kept}\"\n"
        + "    user: ${REQUIRED:?set it}\n", ".env", "# comment\nexport IMG=nginx\nSET=1\nEMPTY=\n"), "compose.yaml");
    assertThat(text(p, "a", "image")).isEqualTo("nginx:1.0");
    assertThat(text(p, "a", "command")).isEqualTo("echo $HOME fallback alt e ");
    assertThat(p.service("a").orElseThrow().scalar("user").known()).isFalse();
    assertThat(p.service("a").orElseThrow().scalar("image").written()).isEqualTo("${IMG}:${TAG:-1.0}");
  }

  @Test
  void positionsAreThoseOfTheNodes() throws Exception {
    ComposeProject p = load("services:\n  web:\n    image: \"nginx:1.27\"\n");
    YamlNode.Scalar image = p.service("web").orElseThrow().scalar("image");
    assertThat(image.range().toString()).isEqualTo(dev.dockerlint.source.SourceRange.of(3, 12, 3, 24).toString());
    assertThat(p.service("web").orElseThrow().key().range().startColumn()).isEqualTo(3);
  }

  @Test
  void mergeKeysTakeTheOwnKeysFirst() throws Exception {
    ComposeProject p = load("x-a: &a\n  image: a:1\n  user: app\nx-b: &b\n  image: b:1\n  restart: always\n"
        + "services:\n  s:\n    <<: [*a, *b]\n    user: root\n");
    assertThat(text(p, "s", "image")).isEqualTo("a:1");
    assertThat(text(p, "s", "user")).isEqualTo("root");
    assertThat(text(p, "s", "restart")).isEqualTo("always");
  }

  @Test
  void overridesMergeByTheSpecification() throws Exception {
    ComposeProject p = load(Map.of("compose.yaml", "services:\n  s:\n    image: a:1\n    ports: [\"80:80\"]\n"
        + "    command: [a, b]\n    environment: [A=1, B=2]\n    volumes: [\"./x:/data\"]\n    labels: {keep: \"1\"}\n"
        + "    dns: [1.1.1.1]\n", "compose.override.yaml", "services:\n  s:\n    image: a:2\n    ports: [\"81:81\"]\n"
        + "    command: [c]\n    environment: [B=3]\n    volumes: [\"./y:/data\"]\n    labels: !reset {}\n"
        + "    dns: !override [8.8.8.8]\n"), "compose.yaml", "compose.override.yaml");
    Service s = p.service("s").orElseThrow();
    assertThat(s.scalar("image").text()).isEqualTo("a:2");
    assertThat(s.scalar("image").file()).isEqualTo("compose.override.yaml");
    assertThat(((YamlNode.Sequence) s.get("ports")).scalars()).extracting(YamlNode.Scalar::text).containsExactly("80:80", "81:81");
    assertThat(((YamlNode.Sequence) s.get("command")).scalars()).extracting(YamlNode.Scalar::text).containsExactly("c");
    assertThat(s.environment()).extracting(Service.Variable::text).containsExactly("1", "3");
    assertThat(s.mounts()).extracting(Service.Mount::source).containsExactly("./y");
    assertThat(s.get("labels")).isNull();
    assertThat(((YamlNode.Sequence) s.get("dns")).scalars()).extracting(YamlNode.Scalar::text).containsExactly("8.8.8.8");
  }

  @Test
  void extendsInTheSameFileAndAnother() throws Exception {
    ComposeProject p = load(Map.of("compose.yaml", "services:\n  base:\n    image: a:1\n    depends_on: [x]\n"
        + "  x:\n    image: x:1\n  web:\n    extends: base\n    user: app\n  remote:\n    extends:\n      file: common/base.yaml\n"
        + "      service: common\n", "common/base.yaml", "services:\n  common:\n    image: c:1\n    env_file: c.env\n",
        "common/c.env", "A=1\n"), "compose.yaml");
    Service web = p.service("web").orElseThrow();
    assertThat(web.scalar("image").text()).isEqualTo("a:1");
    assertThat(web.get("depends_on")).as("not inherited, as Compose does").isNull();
    assertThat(web.get("extends")).isNull();
    assertThat(text(p, "remote", "image")).isEqualTo("c:1");
    assertThat(p.service("remote").orElseThrow().scalar("image").file()).isEqualTo("common/base.yaml");
    assertThat(p.paths()).anyMatch(r -> r.kind().equals("env_file") && r.resolved().equals(dir.resolve("common/c.env"))
        && !r.outside());
  }

  @Test
  void includeAddsTheOtherFilesServices() throws Exception {
    ComposeProject p = load(Map.of("compose.yaml", "include:\n  - db/compose.yaml\n  - path: [cache.yaml]\n"
        + "services:\n  web:\n    image: w:1\n", "db/compose.yaml", "services:\n  db:\n    image: ${DB}\n",
        "db/.env", "DB=postgres:16\n", "cache.yaml", "services:\n  cache:\n    image: redis:7\n"), "compose.yaml");
    assertThat(p.services()).extracting(Service::name).containsExactly("web", "db", "cache");
    assertThat(text(p, "db", "image")).as("with its own .env").isEqualTo("postgres:16");
    assertThat(p.sources()).extracting(ComposeSource::path).containsExactly("compose.yaml", "db/compose.yaml", "cache.yaml");
  }

  @Test
  void problemsHaveTheirPlace() {
    assertThatThrownBy(() -> load("services:\n  a:\n    image: x:1\n    image: y:1\n"))
        .hasMessage("compose.yaml:4:5: duplicate key 'image'");
    assertThatThrownBy(() -> load("services:\n  a:\n    extends: nothere\n"))
        .hasMessage("compose.yaml:3:14: service 'a' extends 'nothere', which this file does not define");
    assertThatThrownBy(() -> load("services:\n  a:\n    extends: b\n  b:\n    extends: a\n"))
        .hasMessageContaining("extends itself through a chain of services");
    assertThatThrownBy(() -> load("include:\n  - missing.yaml\n"))
        .hasMessage("compose.yaml:2:5: include file 'missing.yaml' does not exist");
    assertThatThrownBy(() -> load("services:\n  a:\n    ports: 80\n"))
        .hasMessage("compose.yaml:3:12: services.a.ports: expected a list, found a number");
    assertThatThrownBy(() -> load("services:\n  a:\n    <<: [1]\n"))
        .hasMessageContaining("a merge key (<<) takes a mapping or a list of mappings");
  }

  @Test
  void aBillionLaughsStopsAtTheCap() {
    StringBuilder yaml = new StringBuilder("x-0: &a0 [a, a, a, a, a, a, a, a, a, a]\n");
    for (int i = 1; i < 9; i++) {
      yaml.append("x-").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    assertThatThrownBy(() -> load(yaml.toString())).isInstanceOf(ComposeException.class)
        .satisfies(e -> assertThat(e.getMessage()).matches("compose\\.yaml:\\d+:\\d+: (invalid YAML: .*|YAML aliases "
            + "expand to more than 200000 nodes; not a compose file)"));
  }

  @Test
  void buildSectionsGiveContextDockerfileArgsAndTarget() throws Exception {
    ComposeProject p = load("services:\n  a:\n    build:\n      context: app\n      dockerfile: ../Dockerfile.a\n"
        + "      args:\n        X: \"1\"\n        Y:\n      target: final\n  b:\n    build:\n      context: .\n"
        + "      args: [Z=2]\n");
    ComposeProject.Build a = p.builds().get(0);
    assertThat(a.context()).isEqualTo(dir.resolve("app"));
    assertThat(a.dockerfile()).isEqualTo(dir.resolve("Dockerfile.a"));
    assertThat(a.args()).containsExactlyEntriesOf(Map.of("X", "1"));
    assertThat(a.target()).isEqualTo("final");
    assertThat(p.builds().get(1).args()).containsEntry("Z", "2");
    assertThat(p.builds().get(1).dockerfile()).isEqualTo(dir.resolve("Dockerfile"));
  }
}
