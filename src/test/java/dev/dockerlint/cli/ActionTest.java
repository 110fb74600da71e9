package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action ({@code action.yml}) run step by step on this machine with a simulated runner
 * ({@link ActionRunner}), in both modes: source (the action's own checkout built with the Maven
 * wrapper, once per set of sources) and release (a release directory read through a file:// URL,
 * verified against its SHA256SUMS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionTest {
  private static final String VERSION = ProjectVersion.pom();

  /** The action as GitHub downloads it: a copy of this checkout, built once by the first source run. */
  private Path actionPath;
  private Path builtJar;
  private Path dir;
  private Path workspace;
  private Path temp;

  @BeforeAll
  void checkout(@TempDir Path shared) throws Exception {
    assumeTrue(Checkout.available("bash", "curl", "git"), "bash, curl and git are needed to run the action's steps");
    actionPath = Checkout.copyTo(Files.createDirectories(shared.resolve("action")));
    Path target = actionPath.resolve("target");
    assertThat(target).doesNotExist();
  }

  @BeforeEach
  void workspace(@TempDir Path dir) throws IOException {
    this.dir = dir;
    workspace = Files.createDirectories(dir.resolve("workspace"));
    temp = Files.createDirectories(dir.resolve("runner-temp"));
    Files.createDirectories(workspace.resolve("api"));
    Files.writeString(workspace.resolve("Dockerfile"), "FROM alpine:3.20\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(workspace.resolve("api/Dockerfile"), "FROM nginx:latest\nUSER 1\nHEALTHCHECK NONE\n");
  }

  private ActionRunner runner() {
    ActionRunner runner = new ActionRunner(actionPath, workspace, temp);
    // the project's build has filled ~/.m2 with everything the jar needs: tests stay offline
    runner.env.put("MAVEN_ARGS", "-o");
    return runner;
  }

  /** The source-mode build, made once for the class (about a minute). */
  private synchronized Path built() throws Exception {
    if (builtJar == null) {
      ActionRunner.Result r = runner().run(Map.of("version", "source", "dockerfile", "Dockerfile"));
      assertThat(r.code()).as(r.log()).isZero();
      builtJar = actionPath.resolve("target/dockerlint.jar");
    }
    return builtJar;
  }

  @Test
  void sourceModeBuildsTheActionsCheckoutOnceAndLintsWithIt() throws Exception {
    Path jar = built();
    assertThat(jar).isRegularFile();
    // the build is recorded by the SHA-256 of its sources, the cache key
    String key = Files.readString(actionPath.resolve("target/dockerlint.jar.sources")).strip();
    FileTime builtAt = Files.getLastModifiedTime(jar);
    // one version: the built jar's is the pom's
    Checkout.Run version = Checkout.run(dir, Map.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--version");
    assertThat(version.out().strip()).isEqualTo("dockerlint " + VERSION);

    ActionRunner.Result r = runner().run(Map.of("version", "source", "dockerfile", "**/Dockerfile"));
    assertThat(r.code()).as(r.log()).isEqualTo(1);
    assertThat(r.outputs()).containsEntry("exit-code", "1").containsEntry("results", "dockerlint-results.sarif");
    assertThat(r.log()).contains("::warning file=api/Dockerfile,line=1,col=6").doesNotContain("building dockerlint");
    assertThat(Files.getLastModifiedTime(jar)).as("same sources, no second build").isEqualTo(builtAt);
    assertThat(Files.readString(workspace.resolve("dockerlint-results.sarif"))).contains("\"ruleId\": \"image-latest\"");
    // the cache restores exactly the jar and its record, under the key of the sources
    ActionRunner.Uses cache = r.uses().stream().filter(u -> u.action().startsWith("actions/cache@")).findFirst().orElseThrow();
    assertThat(cache.with().get("key")).isEqualTo("dockerlint-source-Linux-" + key);
    assertThat(cache.with().get("path").lines().map(String::strip))
        .contains(actionPath + "/target/dockerlint.jar", actionPath + "/target/dockerlint.jar.sources");
    assertThat(r.uses()).extracting(ActionRunner.Uses::action).contains("actions/setup-java@v4");
  }

  @Test
  void aVersionWithoutAReleaseThatIsTheActionsOwnIsBuiltFromSource() throws Exception {
    built();
    ActionRunner runner = runner();
    ActionRunner.Result r = runner.run(Map.of("download-url", dir.resolve("no-releases").toUri().toString()));
    assertThat(r.step("Resolve dockerlint").outputs()).containsEntry("mode", "source").containsEntry("version", VERSION);
    assertThat(r.log()).contains("::notice::dockerlint " + VERSION + " has no release; building it from the action's checkout");
    assertThat(r.code()).as(r.log()).isZero();
  }

  @Test
  void anotherVersionWithoutAReleaseIsAnErrorNotADifferentBuild() throws Exception {
    ActionRunner.Result r = runner().run(Map.of("version", "9.9.9",
        "download-url", dir.resolve("no-releases").toUri().toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.log()).contains("::error::dockerlint 9.9.9 has no release at");
    assertThat(r.step("Build dockerlint from source")).isNull();
  }

  private Path release(String version, byte[] jar, byte[] listed) throws Exception {
    Path releases = Files.createDirectories(dir.resolve("releases"));
    Path v = Files.createDirectories(releases.resolve("v" + version));
    Files.write(v.resolve("dockerlint-" + version + ".jar"), jar);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(listed));
    // sha256sum's format, as .ci/release-files writes SHA256SUMS (.ci/release-check verifies it)
    Files.writeString(v.resolve("SHA256SUMS"), "0000  dockerlint-" + version + ".zip\n"
        + hash + "  dockerlint-" + version + ".jar\n");
    return releases;
  }

  @Test
  void releaseModeDownloadsTheJarAndVerifiesIt() throws Exception {
    byte[] jar = Files.readAllBytes(built());
    Path releases = release("1.2.3", jar, jar);
    ActionRunner.Result r = runner().run(Map.of("version", "1.2.3", "download-url", releases.toUri().toString(),
        "dockerfile", "Dockerfile api", "annotations", "false", "format", "json", "output-file", "out/report.json"));
    assertThat(r.step("Resolve dockerlint").outputs()).containsEntry("mode", "release");
    assertThat(r.step("Build dockerlint from source")).isNull();
    assertThat(r.code()).as(r.log()).isEqualTo(1);
    assertThat(temp.resolve("dockerlint/dockerlint-1.2.3.jar")).hasSameBinaryContentAs(built());
    // annotations off: the log has the text report, no workflow commands
    assertThat(r.log()).contains("api/Dockerfile:1:6: warning image-latest").doesNotContain("::warning file=");
    assertThat(Files.readString(workspace.resolve("out/report.json"))).contains("\"rule\": \"image-latest\"");
    assertThat(r.outputs()).containsEntry("results", "out/report.json");
  }

  @Test
  void aJarThatDoesNotMatchSha256sumsIsRemovedAndNotRun() throws Exception {
    byte[] jar = Files.readAllBytes(built());
    byte[] other = "not the released jar".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path releases = release("1.2.4", jar, other);
    ActionRunner.Result r = runner().run(Map.of("version", "1.2.4", "download-url", releases.toUri().toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.log()).contains("::error::dockerlint-1.2.4.jar does not match the SHA256SUMS of release v1.2.4");
    assertThat(r.step("Lint")).isNull();
    assertThat(temp.resolve("dockerlint/dockerlint-1.2.4.jar")).doesNotExist();
  }

  @Test
  void globsThatMatchNothingAreSkippedAndPlainPathsArePassedOn() throws Exception {
    built();
    ActionRunner.Result r = runner().run(Map.of("version", "source", "dockerfile", "**/Dockerfile nothing/*.Dockerfile"));
    assertThat(r.log()).contains("::notice::no file matches 'nothing/*.Dockerfile'")
        .contains("file=api/Dockerfile").doesNotContain("nothing/*.Dockerfile:");
    assertThat(r.code()).isEqualTo(1);

    ActionRunner.Result none = runner().run(Map.of("version", "source", "dockerfile", "nothing/*.Dockerfile"));
    assertThat(none.code()).as(none.log()).isZero();
    assertThat(none.log()).contains("::warning::no Dockerfile to lint: nothing matches 'nothing/*.Dockerfile'");
    assertThat(none.outputs()).containsEntry("exit-code", "0").containsEntry("results", "");

    // a plain path that does not exist is dockerlint's to report (exit code 2), not skipped
    ActionRunner.Result missing = runner().run(Map.of("version", "source", "dockerfile", "missing/Dockerfile"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.outputs()).containsEntry("exit-code", "2");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyShellStepPassesShellCheck() throws Exception {
    assumeTrue(Checkout.available("shellcheck"), "shellcheck is not installed");
    Map<String, Object> action = ActionRunner.load(Path.of("action.yml"));
    int n = 0;
    for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps")) {
      if (step.get("run") == null) {
        continue;
      }
      n++;
      // the runner's shell: bash -eo pipefail; expressions never appear in a script (env only)
      String run = (String) step.get("run");
      assertThat(run).as(step.get("name") + ": inputs reach scripts through env").doesNotContain("${{");
      Path script = dir.resolve("step-" + n + ".sh");
      Files.writeString(script, "#!/bin/bash\nset -eo pipefail\n" + run);
      Checkout.Run r = Checkout.run(dir, Map.of(), "shellcheck", "-s", "bash", script.toString());
      assertThat(r.code()).as(step.get("name") + ":\n" + r.out()).isZero();
    }
    assertThat(n).isGreaterThanOrEqualTo(4);
  }

  @Test
  @SuppressWarnings("unchecked")
  void annotationsAreOnByDefaultAndOffWhereverAnExampleUploadsSarif() throws Exception {
    Map<String, Object> action = ActionRunner.load(Path.of("action.yml"));
    Map<String, Map<String, Object>> inputs = (Map<String, Map<String, Object>>) action.get("inputs");
    assertThat(inputs.get("annotations").get("default")).isEqualTo("true");
    assertThat(inputs.get("version").get("default")).as("the version comes from the pom").isEqualTo("");
    List<String> uploads = new java.util.ArrayList<>();
    for (String block : ProjectVersion.yamlBlocks(Files.readString(Path.of("README.md")))) {
      if (block.contains("upload-sarif")) {
        uploads.add(block);
      }
    }
    uploads.add(Files.readString(Path.of("examples/ci/github-code-scanning.yml")));
    assertThat(uploads).hasSizeGreaterThanOrEqualTo(2);
    for (String upload : uploads) {
      assertThat(upload).as("each finding shows once: SARIF upload with annotations off")
          .containsPattern("annotations: \"false\"");
    }
  }
}
