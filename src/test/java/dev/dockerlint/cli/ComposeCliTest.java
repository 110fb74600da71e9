package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose files through the command line: detection, errors, build sections, reports, baselines, the README. */
class ComposeCliTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
  }

  Result runWith(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), dir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return runWith("", args);
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static String readmeSection() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    return readme.substring(readme.indexOf("## Compose files\n"), readme.indexOf("## ShellCheck\n"));
  }

  private static String block(String section, String opening, int from) {
    int start = section.indexOf(opening, from) + opening.length();
    return section.substring(start, section.indexOf("```", start));
  }

  @Test
  void theReadmeExampleReportsWhatItSays() throws IOException {
    String section = readmeSection();
    String compose = block(section, "```yaml\n", section.indexOf("With this `compose.yaml`"));
    String dockerfile = block(section, "```dockerfile\n", 0);
    String expected = block(section, "```text\n", section.indexOf("`dockerlint --format gnu compose.yaml`"));
    write("compose.yaml", compose);
    write("api/Dockerfile", dockerfile);
    Result r = run("--format", "gnu", "compose.yaml");
    assertThat(r.out()).isEqualTo(expected);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    // and the error it quotes is what the same file with the key misspelled gives
    String error = block(section, "```text\n", 0).strip();
    write("compose.yaml", compose.replace("    image: postgres\n", "    imag: postgres\n"));
    Result bad = run("compose.yaml");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo(error);
  }

  @Test
  void composeFilesAreFoundByNameInScansAndForcedWithKind() throws IOException {
    for (String name : List.of("compose.yaml", "a/compose.yml", "b/docker-compose.yaml", "c/docker-compose.yml",
        "d/web.compose.yaml", "e/notes.yaml")) {
      write(name, "services:\n  web:\n    image: nginx:latest\n");
    }
    Result scan = run("--format", "json", ".");
    List<String> files = new ArrayList<>();
    for (JsonNode finding : json(scan.out()).get("findings")) {
      files.add(finding.get("file").asText());
    }
    assertThat(files).containsExactlyInAnyOrder("./compose.yaml", "./a/compose.yml", "./b/docker-compose.yaml",
        "./c/docker-compose.yml", "./d/web.compose.yaml");
    assertThat(run("e/notes.yaml").out()).as("a Dockerfile by its name").doesNotContain("compose-");
    assertThat(run("--kind", "compose", "e/notes.yaml").out()).contains("compose-image-latest");
    Result stdin = runWith("services:\n  web:\n    privileged: true\n", "--kind", "compose", "--stdin-filename",
        "deploy/compose.yaml", "-");
    assertThat(stdin.out()).contains("deploy/compose.yaml:3:17: error compose-privileged");
    assertThat(run("--kind", "yaml", "compose.yaml").err()).contains("unknown --kind 'yaml'; expected compose or dockerfile");
    assertThat(run("--kind", "dockerfile", ".").out()).doesNotContain("compose-");
  }

  @Test
  void aBadFileIsAnErrorWithItsPlaceAndTheOthersAreStillLinted() throws IOException {
    write("a/compose.yaml", "services:\n  web:\n    image: [unclosed\n");
    write("b/compose.yaml", "services:\n  web:\n    privileged: true\n");
    write("c/compose.yaml", "- not\n- a mapping\n");
    write("d/compose.yaml", "");
    write("e/compose.yaml", "services:\n  web:\n    image: !!python/object:os.system x\n");
    Result r = run("a", "b", "c", "d", "e");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("dockerlint: a/compose.yaml:4:1: invalid YAML: ")
        .contains("dockerlint: c/compose.yaml:1:1: not a compose file: the top level must be a mapping")
        .contains("dockerlint: d/compose.yaml:1:1: the file is empty; not a compose file")
        .contains("dockerlint: e/compose.yaml:3:12: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object:os.system");
    assertThat(r.out()).contains("b/compose.yaml:3:17: error compose-privileged");
  }

  @Test
  void theDockerfileAServiceBuildsIsLintedOnceWithItsContextArgsAndTarget() throws IOException {
    write("compose.yaml", "services:\n  a:\n    build: ./app\n  b:\n    build:\n      context: ./app\n"
        + "  c:\n    build:\n      context: ./app\n      args:\n        BASE: alpine:latest\n"
        + "  d:\n    build:\n      context: ./app\n      target: build\n");
    write("app/Dockerfile", "ARG BASE=alpine:3.20\nFROM ${BASE} AS build\nRUN echo hi\nCOPY . /src\n"
        + "FROM scratch\nCOPY --from=build /src /src\n");
    write("app/.dockerignore", ".git\n");
    Result r = run("--format", "json", "compose.yaml", "app/Dockerfile");
    List<String> findings = new ArrayList<>();
    for (JsonNode finding : json(r.out()).get("findings")) {
      findings.add(finding.get("file").asText() + ":" + finding.get("line").asInt() + " " + finding.get("rule").asText());
    }
    assertThat(findings).as("each finding once, under the path named").doesNotHaveDuplicates()
        .contains("app/Dockerfile:2 image-latest") // only with c's args
        .noneMatch(f -> f.startsWith("app/Dockerfile") && f.contains("dockerignore-missing")); // the context has one
    assertThat(json(r.out()).get("summary").toString()).contains("\"files\":2");
  }

  @Test
  void aMissingBuildDockerfileIsAFindingOnItsLine() throws IOException {
    write("compose.yaml", "services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev\n");
    Result r = run("--format", "gnu", "compose.yaml");
    assertThat(r.out()).startsWith("compose.yaml:5:19: error: Service 'web' builds from 'Dockerfile.dev', which does "
        + "not exist");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void sarifRegionsAreTheYamlNodes() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");
    JsonNode sarif = json(run("--format", "sarif", "compose.yaml").out());
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("compose-privileged");
    JsonNode region = result.at("/locations/0/physicalLocation/region");
    assertThat(region.get("startLine").asInt()).isEqualTo(4);
    assertThat(region.get("startColumn").asInt()).isEqualTo(17);
    assertThat(region.get("endColumn").asInt()).isEqualTo(21);
  }

  @Test
  void configsPragmasAndBaselines() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n    privileged: true\n    # dockerlint ignore=compose-cap-add\n"
        + "    cap_add: [SYS_ADMIN]\n");
    write(".dockerlint.yaml", "ignore: [compose-image-untagged]\nseverity:\n  compose-privileged: warning\n"
        + "enable: [compose-restart-missing]\n");
    Result r = run("--format", "gnu", "compose.yaml");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("compose.yaml:2:3: info: Service 'web' has no restart policy, so it stays down after it "
        + "crashes or the host reboots; set restart: unless-stopped (or restart: \"no\" for a one-off task) "
        + "[compose-restart-missing]\n"
        + "compose.yaml:4:17: warning: Service 'web' runs privileged: it gets every capability and every device of the "
        + "host, so a compromise of it is a compromise of the host; add only the capabilities it needs with cap_add "
        + "[compose-privileged]\n");
    assertThat(run("--write-baseline", "baseline.txt", "compose.yaml").code()).isZero();
    write("compose.yaml", "# a comment moves every line\nservices:\n  web:\n    image: nginx\n    privileged: true\n"
        + "    # dockerlint ignore=compose-cap-add\n    cap_add: [SYS_ADMIN]\n  db:\n    privileged: true\n    restart: always\n");
    Result later = run("--format", "gnu", "--baseline", "baseline.txt", "compose.yaml");
    assertThat(later.out()).as("only the new finding").isEqualTo("compose.yaml:9:17: warning: Service 'db' runs privileged: "
        + "it gets every capability and every device of the host, so a compromise of it is a compromise of the host; "
        + "add only the capabilities it needs with cap_add [compose-privileged]\n");
    assertThat(run("--disable-ignore-pragma", "--format", "gnu", "compose.yaml").out()).contains("[compose-cap-add]");
  }

  @Test
  void valuesFromTheEnvFileAndSecretsAreNeverPrinted() throws IOException {
    write(".env", "DB_PASSWORD=correct-horse-battery\nTAG=latest\n");
    write("compose.yaml", "services:\n  db:\n    image: postgres:${TAG}\n    environment:\n"
        + "      POSTGRES_PASSWORD: ${DB_PASSWORD}\n      API_KEY: sk_live_abcdefghijklmnopqrstuvwx\n"
        + "    command: [\"--password=${DB_PASSWORD}\"]\n");
    for (String format : List.of("text", "json", "sarif", "gnu", "github", "checkstyle", "junit")) {
      Result r = run("--format", format, "compose.yaml");
      assertThat(r.out() + r.err()).as(format).doesNotContain("correct-horse-battery")
          .doesNotContain("sk_live_abcdefghijklmnopqrstuvwx");
    }
    assertThat(run("compose.yaml").out()).contains("compose-image-latest", "compose-secret-in-env");
  }

  @Test
  void theProcessEnvironmentIsNeverRead() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:${HOME}\n    privileged: ${PATH}\n");
    Result r = run("--format", "gnu", "compose.yaml");
    assertThat(r.out()).isEmpty(); // ${HOME} and ${PATH} have no value here: no claim about either
    assertThat(r.code()).isZero();
  }

  @Test
  void pathsLeavingTheRepositoryAreNotRead() throws IOException {
    Path outside = Files.createTempDirectory("outside");
    Files.writeString(outside.resolve("compose.yaml"), "services:\n  evil:\n    privileged: true\n");
    Files.createSymbolicLink(dir.resolve("linked"), outside);
    write("compose.yaml", "include:\n  - linked/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n"
        + "    env_file: ../../etc/passwd\n");
    Result r = run("--format", "gnu", "compose.yaml");
    assertThat(r.out()).contains("compose.yaml:2:5: error: include 'linked/compose.yaml' leads outside the repository")
        .contains("compose.yaml:6:15: error: Service 'web': env_file '../../etc/passwd' leads outside")
        .doesNotContain("evil");
    Files.delete(outside.resolve("compose.yaml"));
    Files.delete(outside);
  }

  @Test
  void anOverrideFileIsMergedOntoItsBase() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n");
    write("compose.override.yaml", "services:\n  db:\n    image: postgres\n");
    Result r = run("--format", "gnu", ".");
    assertThat(r.out()).isEqualTo("./compose.override.yaml:3:12: warning: Image 'postgres' has no tag, so it means "
        + "'latest' and changes under you; pin a version such as postgres:<version> [compose-image-untagged]\n");
  }

  /**
   * Mutated copies of the corpus's sample files: a key misspelled, a wrong type, a bad anchor, and a
   * build whose Dockerfile is missing each give their place.
   */
  @Test
  void mutatedSamplesGiveTheirPlace() throws IOException {
    Path sample = CORPUS.resolve("wordpress-mysql__compose.yaml");
    Assumptions.assumeTrue(Files.isRegularFile(sample), "../shared/corpus-compose is not here");
    String text = Files.readString(sample);
    assertThat(text).contains("    image: mariadb:10.6.4-focal\n", "    restart: always\n");
    int imageLine = lineOf(text, "    image: mariadb:10.6.4-focal");
    write("m1/compose.yaml", text.replace("    image: mariadb:10.6.4-focal\n", "    imgae: mariadb:10.6.4-focal\n"));
    assertThat(run("m1/compose.yaml").err()).startsWith("dockerlint: m1/compose.yaml:" + imageLine
        + ":5: 'imgae' is not a key of services.db in the Compose Specification; did you mean 'image'?");
    int restartLine = lineOf(text, "    restart: always");
    write("m2/compose.yaml", text.replaceFirst("    restart: always\n", "    restart: [always]\n"));
    assertThat(run("m2/compose.yaml").err()).startsWith("dockerlint: m2/compose.yaml:" + restartLine
        + ":14: services.db.restart: expected a string, found a list");
    write("m3/compose.yaml", text.replaceFirst("    image: mariadb:10.6.4-focal\n", "    image: *nowhere\n"));
    assertThat(run("m3/compose.yaml").err()).startsWith("dockerlint: m3/compose.yaml:" + imageLine
        + ":12: invalid YAML: found undefined alias nowhere");
    write("m4/compose.yaml", text.replaceFirst("    image: mariadb:10.6.4-focal\n", "    build: ./db\n"));
    assertThat(run("--format", "gnu", "m4/compose.yaml").out()).contains("m4/compose.yaml:" + imageLine
        + ":5: error: Service 'db' builds in 'db', which is not a directory; fix build.context [compose-build-dockerfile-missing]");
  }

  private static final Path CORPUS = Path.of("../shared/corpus-compose/docker-awesome-compose");

  /** Every file of the corpus loads (it is valid against the Compose Specification) and lints without a crash. */
  @Test
  void theCorpusLintsWithoutAnErrorOrACrash() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus-compose is not here");
    List<String> files;
    try (Stream<Path> paths = Files.list(CORPUS)) {
      files = paths.map(p -> p.toAbsolutePath().toString()).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(39);
    List<String> args = new ArrayList<>(List.of("--kind", "compose", "--format", "json", "--enable",
        "compose-restart-missing,compose-read-only-missing,compose-database-port-public"));
    args.addAll(files);
    Result r = run(args.toArray(new String[0]));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    JsonNode report = json(r.out());
    assertThat(report.get("findings")).noneMatch(f -> f.get("rule").asText().equals("internal-error"));
    assertThat(report.at("/summary/files").asInt()).isEqualTo(files.size());
  }

  private static int lineOf(String text, String line) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals(line)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + line);
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }
}
