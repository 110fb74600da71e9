package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The GitLab template ({@code templates/dockerlint.gitlab-ci.yml}): its job's script run here as a
 * runner would (the job's variables, {@code CI_PROJECT_DIR}, {@code sh -e}), from source (an
 * archive of this checkout, as github.com serves one, read through a file:// URL) and from a
 * release directory, with GitLab's cache kept between the jobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitlabTemplateTest {
  private static final Path TEMPLATE = Path.of("templates/dockerlint.gitlab-ci.yml");
  private Path root;
  private Path project;
  private Path archive;

  @BeforeAll
  void setUp(@TempDir Path root) throws Exception {
    assumeTrue(Checkout.available("sh", "curl", "tar", "git"), "sh, curl, tar and git are needed to run the job's script");
    this.root = root;
    Path tree = Checkout.copyTo(Files.createDirectories(root.resolve("archive/dockerlint-main")));
    archive = root.resolve("main.tar.gz");
    Checkout.Run tar = Checkout.run(root, Map.of(), "tar", "-czf", archive.toString(), "-C", tree.getParent().toString(),
        "dockerlint-main");
    assertThat(tar.code()).as(tar.out()).isZero();
    project = Files.createDirectories(root.resolve("project"));
    Files.createDirectories(project.resolve("api"));
    Files.writeString(project.resolve("Dockerfile"), "FROM alpine:3.20\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(project.resolve("api/Dockerfile"), "FROM nginx:latest\nUSER 1\nHEALTHCHECK NONE\n");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> job() throws Exception {
    Map<String, Object> template = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(TEMPLATE));
    return (Map<String, Object>) template.get("dockerlint");
  }

  @SuppressWarnings("unchecked")
  private Checkout.Run job(Map<String, String> variables) throws Exception {
    Map<String, Object> job = job();
    Path script = root.resolve("job.sh");
    Files.writeString(script, String.join("\n", (List<String>) job.get("script")));
    Map<String, String> env = new HashMap<>();
    ((Map<String, Object>) job.get("variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    env.putAll(variables);
    env.put("CI", "true");
    env.put("GITLAB_CI", "true");
    env.put("CI_PROJECT_DIR", project.toString());
    env.put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
    // offline: the project's build has filled ~/.m2 with what the jar needs (the job's own
    // repository, in its cache, would start empty)
    env.put("MAVEN_ARGS", "-o -Dmaven.repo.local=" + Path.of(System.getProperty("user.home"), ".m2", "repository"));
    return Checkout.run(project, env, "sh", "-e", script.toString());
  }

  @Test
  void fromSourceTheReportNamesFilesFromTheProjectRootAndTheCacheSparesTheSecondBuild() throws Exception {
    Checkout.Run first = buildOnce();
    assertThat(first.out()).contains("api/Dockerfile:1:6: warning image-latest");
    JsonNode issues = new ObjectMapper().readTree(project.resolve("gl-code-quality-report.json").toFile());
    assertThat(issues).isNotEmpty();
    for (JsonNode issue : issues) {
      assertThat(issue.at("/location/path").asText()).isEqualTo("api/Dockerfile");
    }
    Checkout.Run second = job(Map.of("DOCKERLINT_SOURCE_URL", archive.toUri().toString()));
    assertThat(second.code()).as(second.out()).isEqualTo(1);
    assertThat(second.out()).doesNotContain("building dockerlint").contains("api/Dockerfile:1:6: warning image-latest");
  }

  private Checkout.Run built;

  private synchronized Checkout.Run buildOnce() throws Exception {
    if (built == null) {
      built = job(Map.of("DOCKERLINT_SOURCE_URL", archive.toUri().toString()));
      assertThat(built.code()).as(built.out()).isEqualTo(1);
      assertThat(built.out()).contains("building dockerlint from");
    }
    return built;
  }

  @Test
  void fromAReleaseTheJarIsCheckedAgainstSha256sums() throws Exception {
    buildOnce();
    byte[] jar = Files.readAllBytes(project.resolve(".dockerlint-cache/dockerlint.jar"));
    Path v = Files.createDirectories(root.resolve("releases/v7.7.7"));
    Files.write(v.resolve("dockerlint-7.7.7.jar"), jar);
    Files.writeString(v.resolve("SHA256SUMS"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar))
        + " dockerlint-7.7.7.jar\n");
    Map<String, String> release = Map.of("DOCKERLINT_VERSION", "7.7.7",
        "DOCKERLINT_DOWNLOAD_URL", root.resolve("releases").toUri().toString(), "DOCKERLINT_ARGS", "--failure-threshold error");
    Checkout.Run r = job(release);
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).contains("api/Dockerfile:1:6: warning image-latest");

    Files.writeString(v.resolve("SHA256SUMS"), "0".repeat(64) + " dockerlint-7.7.7.jar\n");
    Checkout.Run tampered = job(release);
    assertThat(tampered.code()).isEqualTo(2);
    assertThat(tampered.out()).contains("dockerlint-7.7.7.jar does not match the SHA256SUMS of release v7.7.7")
        .doesNotContain("image-latest");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theJobReportsCodeQualityAndCachesOnlyItsOwnDirectory() throws Exception {
    Map<String, Object> job = job();
    assertThat((Map<String, Object>) job.get("artifacts")).containsEntry("when", "always");
    assertThat(((Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports")))
        .containsEntry("codequality", "gl-code-quality-report.json");
    assertThat(((Map<String, Object>) job.get("cache")).get("paths")).isEqualTo(List.of(".dockerlint-cache/"));
    assertThat((Map<String, Object>) job.get("variables")).containsEntry("DOCKERLINT_VERSION", "source")
        .containsEntry("DOCKERLINT_REF", "main").containsEntry("DOCKERLINT_PATHS", ".");
  }

  @Test
  void theJobScriptPassesShellCheck() throws Exception {
    assumeTrue(Checkout.available("shellcheck"), "shellcheck is not installed");
    @SuppressWarnings("unchecked")
    String script = "#!/bin/sh\n" + String.join("\n", (List<String>) job().get("script"));
    Path file = root.resolve("script.sh");
    Files.writeString(file, script);
    Checkout.Run r = Checkout.run(root, Map.of(), "shellcheck", "-s", "sh", file.toString());
    assertThat(r.code()).as(r.out()).isZero();
  }
}
