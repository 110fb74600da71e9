package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The pre-commit hooks of {@code .pre-commit-hooks.yaml}, run by the real pre-commit (Debian's
 * package; {@code .ci/run} installs it where apt-get exists) against a scratch repository that uses
 * this repository's hooks by commit, as a user's {@code .pre-commit-config.yaml} does.
 */
class PreCommitTest {
  private static final Path HOOKS = Path.of(".pre-commit-hooks.yaml");
  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> hooks() throws IOException {
    return (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(HOOKS));
  }

  @Test
  void threeHooksWithOneFilesPatternAndOneInvocation() throws IOException {
    List<Map<String, Object>> hooks = hooks();
    assertThat(hooks).extracting(h -> h.get("id")).containsExactly("dockerlint", "dockerlint-system", "dockerlint-docker");
    assertThat(hooks).extracting(h -> h.get("language")).containsExactly("script", "system", "docker");
    assertThat(hooks).extracting(h -> h.get("entry")).containsExactly("bin/dockerlint-hook", "dockerlint", "/opt/dockerlint/dockerlint");
    for (Map<String, Object> hook : hooks) {
      assertThat(hook.get("require_serial")).isEqualTo(true);
      assertThat(hook.get("files")).isEqualTo(hooks.get(0).get("files"));
      assertThat(hook.get("exclude")).isEqualTo(hooks.get(0).get("exclude"));
      assertThat(hook).doesNotContainKey("types");
    }
    // the docker hook's entry is the launcher the image installs
    assertThat(Files.readString(Path.of("Dockerfile"))).contains("/opt/dockerlint/dockerlint");
  }

  @Test
  void theFilesPatternCatchesEveryDockerfileNameAndNothingElse() throws IOException {
    // pre-commit matches files and exclude with Python's re.search, which Java's find() follows here
    Pattern files = Pattern.compile((String) hooks().get(0).get("files"));
    Pattern exclude = Pattern.compile((String) hooks().get(0).get("exclude"));
    for (String yes : List.of("Dockerfile", "api/Dockerfile", "Containerfile", "svc/Containerfile", "Dockerfile.prod",
        "a/b/Dockerfile.dev", "web/app.Dockerfile", "x.Containerfile", "Containerfile.arm64", "compose.yaml",
        "a/compose.yml", "docker-compose.yml", "b/docker-compose.override.yaml", "compose.prod.yaml", "web.compose.yml")) {
      assertThat(files.matcher(yes).find() && !exclude.matcher(yes).find()).as(yes).isTrue();
    }
    for (String no : List.of("README.md", "Dockerfile.md", "Dockerfile.dockerignore", "docs/Dockerfile.dockerignore",
        "MyDockerfile", "Dockerfiles/readme.txt", "Dockerfile/x", "notes.Dockerfile.md", "src/Dockerfile.java.txt.md",
        "values.yaml", "compose.json", "composer.yaml", "xcompose.yaml", "compose.yaml.md")) {
      assertThat(files.matcher(no).find() && !exclude.matcher(no).find()).as(no).isFalse();
    }
    // the compose names are the ones a directory scan takes for compose files
    for (String name : List.of("compose.yaml", "a/compose.yml", "docker-compose.yml", "b/docker-compose.override.yaml",
        "compose.prod.yaml", "web.compose.yml", "values.yaml", "compose.json", "composer.yaml", "xcompose.yaml")) {
      String base = name.substring(name.lastIndexOf('/') + 1);
      boolean dockerfileName = base.startsWith("Dockerfile") || base.startsWith("Containerfile");
      assertThat(files.matcher(name).find() && !dockerfileName).as(name).isEqualTo(Inputs.isComposeName(base));
    }
  }

  @Test
  void preCommitAcceptsTheManifest() throws Exception {
    assumeTrue(Checkout.available("pre-commit"), "pre-commit is not installed (.ci/run installs it with apt-get)");
    Checkout.Run r = Checkout.run(Path.of(""), Map.of(), "pre-commit", "validate-manifest", HOOKS.toString());
    assertThat(r.code()).as(r.out()).isZero();
  }

  @Test
  void theReadmesAndTheExamplesConfigsAreValidAndNameTheseHooks() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("### pre-commit\n"), readme.indexOf("### GitHub Actions\n"));
    List<String> configs = new java.util.ArrayList<>(ProjectVersion.yamlBlocks(section));
    configs.add(Files.readString(Path.of("examples/ci/pre-commit-config.yaml")));
    assertThat(configs).hasSize(2);
    List<Object> ids = hooks().stream().map(h -> h.get("id")).toList();
    for (String config : configs) {
      // the commented-out hooks too: uncommenting one must give a hook that exists
      java.util.regex.Matcher m = Pattern.compile("- id: ([\\w-]+)").matcher(config);
      int named = 0;
      while (m.find()) {
        assertThat(ids).contains(m.group(1));
        named++;
      }
      assertThat(named).isEqualTo(3);
      assertThat(config).contains("repo: https://github.com/dockerlint/dockerlint").contains("rev: main");
      if (Checkout.available("pre-commit")) {
        Path file = dir.resolve("config-" + configs.indexOf(config) + ".yaml");
        Files.writeString(file, config);
        Checkout.Run r = Checkout.run(dir, Map.of(), "pre-commit", "validate-config", file.toString());
        assertThat(r.code()).as(r.out()).isZero();
      }
    }
  }

  private static void git(Path repo, String... args) throws Exception {
    String[] command = Stream.concat(Stream.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
        "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"), Stream.of(args)).toArray(String[]::new);
    Checkout.Run r = Checkout.run(repo, Map.of(), command);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.out()).isZero();
  }

  @Test
  void theHooksRunFromACommitOfThisRepository() throws Exception {
    assumeTrue(Checkout.available("pre-commit", "git"), "pre-commit is not installed (.ci/run installs it with apt-get)");
    // this repository as pre-commit clones it: a commit of the working tree
    Path hooksRepo = Checkout.copyTo(Files.createDirectories(dir.resolve("dockerlint")));
    git(hooksRepo, "init", "-q");
    git(hooksRepo, "add", "-A");
    git(hooksRepo, "commit", "-q", "-m", "hooks");
    String rev = Checkout.run(hooksRepo, Map.of(), "git", "rev-parse", "HEAD").out().strip();

    Path user = Files.createDirectories(dir.resolve("user"));
    Files.createDirectories(user.resolve("api"));
    Files.createDirectories(user.resolve("docs"));
    Files.writeString(user.resolve("Dockerfile"), "FROM alpine:3.20\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(user.resolve("api/Dockerfile.prod"), "FROM nginx:latest\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(user.resolve("api/web.Dockerfile"), "FROM redis\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(user.resolve("Containerfile"), "FROM alpine:3.20\nRUN apt-get install curl\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(user.resolve("Dockerfile.dockerignore"), "FROM not a Dockerfile\n");
    Files.writeString(user.resolve("docs/Dockerfile.md"), "FROM not a Dockerfile\n");
    // the README's config with rev: main, pinned to the commit as the README says
    Files.writeString(user.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: " + hooksRepo.toUri()
        + "\n    rev: main\n    hooks:\n      - id: dockerlint\n      - id: dockerlint-system\n");
    git(user, "init", "-q");
    Map<String, String> env = new HashMap<>();
    env.put("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString());
    Checkout.Run pin = Checkout.run(user, env, "pre-commit", "autoupdate", "--bleeding-edge", "--freeze");
    assertThat(pin.code()).as(pin.out()).isZero();
    assertThat(Files.readString(user.resolve(".pre-commit-config.yaml"))).contains("rev: " + rev);
    git(user, "add", "-A");

    // the first run's build stays offline: the project's own build has filled ~/.m2
    env.put("MAVEN_ARGS", "-o");
    Path bin = Files.createDirectories(dir.resolve("path-bin"));
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());

    Checkout.Run first = Checkout.run(user, env, "pre-commit", "run", "dockerlint", "--all-files", "--color", "never");
    assertThat(first.code()).as(first.out()).isEqualTo(1);
    assertThat(first.out()).contains("building dockerlint from")
        .contains("api/Dockerfile.prod:1:6: warning image-latest")
        .contains("api/web.Dockerfile:1:6: warning image-untagged")
        .contains("Containerfile:2:5: warning install-missing-yes")
        .contains("in 4 files")
        .doesNotContain("Dockerfile.dockerignore").doesNotContain("docs/Dockerfile.md");

    Checkout.Run again = Checkout.run(user, env, "pre-commit", "run", "dockerlint", "--files", "Dockerfile", "--color", "never");
    assertThat(again.code()).as(again.out()).isZero();
    assertThat(again.out()).doesNotContain("building dockerlint").contains("dockerlint").contains("Passed");

    // dockerlint-system: the launcher and a jar on the PATH, installed as the README says
    Path clone;
    try (Stream<Path> found = Files.walk(dir.resolve("pre-commit-home"), 3)) {
      clone = found.filter(p -> Files.isRegularFile(p.resolve("target/dockerlint.jar"))).findFirst().orElseThrow();
    }
    Path share = Files.createDirectories(dir.resolve("share/dockerlint"));
    Files.copy(clone.resolve("target/dockerlint.jar"), share.resolve("dockerlint.jar"));
    Files.writeString(bin.resolve("dockerlint"), "#!/bin/sh\nDOCKERLINT_JAR='" + share.resolve("dockerlint.jar")
        + "' exec '" + clone.resolve("bin/dockerlint") + "' \"$@\"\n");
    bin.resolve("dockerlint").toFile().setExecutable(true);
    Checkout.Run system = Checkout.run(user, env, "pre-commit", "run", "dockerlint-system", "--all-files", "--color", "never");
    assertThat(system.code()).as(system.out()).isEqualTo(1);
    assertThat(system.out()).contains("api/Dockerfile.prod:1:6: warning image-latest").contains("in 4 files");
  }

  @Test
  void theDockerHookBuildsTheImageFromThisRepository() throws Exception {
    assumeTrue(Checkout.available("pre-commit", "git"), "pre-commit is not installed (.ci/run installs it with apt-get)");
    assumeTrue(dockerEngine(), "no Docker engine here (docker info fails): the dockerlint-docker hook is not run");
    Path hooksRepo = Checkout.copyTo(Files.createDirectories(dir.resolve("dockerlint")));
    git(hooksRepo, "init", "-q");
    git(hooksRepo, "add", "-A");
    git(hooksRepo, "commit", "-q", "-m", "hooks");
    String rev = Checkout.run(hooksRepo, Map.of(), "git", "rev-parse", "HEAD").out().strip();
    Path user = Files.createDirectories(dir.resolve("user"));
    Files.writeString(user.resolve("Dockerfile"), "FROM nginx:latest\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(user.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: " + hooksRepo.toUri()
        + "\n    rev: " + rev + "\n    hooks:\n      - id: dockerlint-docker\n");
    git(user, "init", "-q");
    git(user, "add", "-A");
    Checkout.Run r = Checkout.run(user, Map.of("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString()),
        "pre-commit", "run", "dockerlint-docker", "--all-files", "--color", "never");
    assertThat(r.code()).as(r.out()).isEqualTo(1);
    assertThat(r.out()).contains("Dockerfile:1:6: warning image-latest");
  }

  private static boolean dockerEngine() {
    try {
      return Checkout.run(Path.of(""), Map.of(), "docker", "info").code() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
