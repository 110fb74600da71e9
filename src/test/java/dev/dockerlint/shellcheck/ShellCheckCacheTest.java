package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ShellCheck's answers kept between runs: used only from a private directory, never for another script. */
class ShellCheckCacheTest {
  @TempDir Path dir;
  private Path executable;

  @BeforeEach
  void standIn() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the stand-in is an sh script");
    executable = dir.resolve("shellcheck");
    Files.writeString(executable, "#!/bin/sh\necho call >> " + dir.resolve("calls.log") + "\n"
        + "printf '{\"comments\":[{\"file\":\"0.sh\",\"line\":4,\"endLine\":4,\"column\":6,\"endColumn\":8,"
        + "\"level\":\"info\",\"code\":2086,\"message\":\"Quote \\\\\"this\\\\\".\",\"fix\":{\"replacements\":[{\"line\":4,"
        + "\"column\":6,\"endLine\":4,\"endColumn\":6,\"insertionPoint\":\"afterEnd\",\"precedence\":7,\"replacement\":\"\\\\\"\"}]}}]}'\n"
        + "exit 1\n");
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(dir.resolve("home"));
  }

  private Map<String, String> env() {
    return Map.of("HOME", dir.resolve("home").toString());
  }

  private List<ShellCheckRunner.Answer> check(ShellCheckCache cache, String run) {
    ShellCheckRunner runner = new ShellCheckRunner(executable, cache, 2, 10);
    return runner.await(runner.submit(ScriptCollector.collect(DockerfileParser.parse("Dockerfile", "FROM debian:12\n" + run))));
  }

  private int calls() throws IOException {
    Path log = dir.resolve("calls.log");
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  @Test
  void aScriptCheckedInAnEarlierRunIsAnsweredFromTheCache() throws IOException {
    List<ShellCheckRunner.Answer> first = check(ShellCheckCache.open(env(), executable), "RUN echo $a\n");
    List<ShellCheckRunner.Answer> second = check(ShellCheckCache.open(env(), executable), "RUN echo $a\n");
    assertThat(calls()).isEqualTo(1);
    assertThat(Json1.write(second.get(0).comments)).isEqualTo(Json1.write(first.get(0).comments));
    assertThat(second.get(0).comments).singleElement().satisfies(c -> {
      assertThat(c.message()).isEqualTo("Quote \"this\".");
      assertThat(c.fix()).singleElement().satisfies(r -> assertThat(r.text()).isEqualTo("\""));
    });
    check(ShellCheckCache.open(env(), executable), "RUN echo $b\n");
    assertThat(calls()).as("another script is checked").isEqualTo(2);
    assertThat(dir.resolve("home/.cache/dockerlint/shellcheck")).isDirectory();
    assertThat(Files.getPosixFilePermissions(dir.resolve("home/.cache/dockerlint/shellcheck")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void anotherShellCheckBinaryMissesTheCache() throws IOException {
    check(ShellCheckCache.open(env(), executable), "RUN echo $a\n");
    Files.writeString(executable, Files.readString(executable) + "# upgraded\n");
    check(ShellCheckCache.open(env(), executable), "RUN echo $a\n");
    assertThat(calls()).isEqualTo(2);
  }

  @Test
  void aFailureIsNotKept() throws IOException {
    Path broken = dir.resolve("broken");
    Files.writeString(broken, "#!/bin/sh\nexit 3\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
    ShellCheckRunner runner = new ShellCheckRunner(broken, ShellCheckCache.open(env(), broken), 2, 10);
    runner.await(runner.submit(ScriptCollector.collect(DockerfileParser.parse("Dockerfile", "FROM debian:12\nRUN x\n"))));
    try (var entries = Files.walk(dir.resolve("home/.cache/dockerlint/shellcheck"))) {
      assertThat(entries.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aDirectoryOthersCanWriteOrALinkIsNotUsed() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("home/.cache/dockerlint/shellcheck"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(ShellCheckCache.open(env(), executable)).isNull();
    Files.delete(shared);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(shared, elsewhere);
    assertThat(ShellCheckCache.open(env(), executable)).isNull();
  }

  @Test
  void anUnreadableEntryIsAMissAndTheSwitchTurnsTheCacheOff() throws IOException {
    ShellCheckCache cache = ShellCheckCache.open(env(), executable);
    check(cache, "RUN echo $a\n");
    try (var entries = Files.walk(dir.resolve("home/.cache/dockerlint/shellcheck"))) {
      for (Path entry : entries.filter(Files::isRegularFile).toList()) {
        Files.writeString(entry, "{\"comments\": [", StandardCharsets.UTF_8);
      }
    }
    check(ShellCheckCache.open(env(), executable), "RUN echo $a\n");
    assertThat(calls()).isEqualTo(2);
    assertThat(ShellCheckCache.open(Map.of("HOME", dir.resolve("home").toString(), "DOCKERLINT_SHELLCHECK_CACHE", "0"),
        executable)).isNull();
    assertThat(ShellCheckCache.open(Map.of("HOME", "relative/home"), executable)).isNull();
    assertThat(ShellCheckCache.open(Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString()), executable)).isNotNull();
    assertThat(dir.resolve("xdg/dockerlint/shellcheck")).isDirectory();
  }
}
