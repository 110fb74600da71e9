package dev.dockerlint.rules.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DockerignoreMissingTest {
  private final RuleTester tester = new RuleTester(new DockerignoreMissing());
  @TempDir
  Path dir;

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nCOPY app.py /app/\n",
        "FROM alpine:3.20\nCOPY --from=build . /app\n",
        "FROM alpine:3.20\nCOPY --from=build ./ /app/\n",
        "FROM alpine:3.20\nRUN echo 'COPY . /app'\n",
        "FROM alpine:3.20\nCOPY src/ /app/src/\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nCOPY [|.|] /app\n",
        "FROM alpine:3.20\nWORKDIR /app\nCOPY --chown=app [|./|] ./\n",
        "FROM alpine:3.20\nADD [|.|] /src\n",
        "FROM alpine:3.20\nCOPY [[|\".\"|], \"/app\"]\n",
        // reported once, at the first whole-context copy
        "FROM alpine:3.20 AS build\nCOPY [|.|] /src\nFROM alpine:3.20\nCOPY . /app\n",
        "FROM alpine:3.20\nCOPY package.json \\\n     [|.|] \\\n     /app/\n");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source, dir.resolve("Dockerfile"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalid(String source) {
    tester.check(source, dir.resolve("Dockerfile"));
  }

  @Test
  void aDockerignoreInTheContextSatisfiesIt() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), ".git\n");
    tester.check("FROM alpine:3.20\nCOPY . /app\n", dir.resolve("Dockerfile"));
  }

  @Test
  void aDockerfileSpecificIgnoreFileSatisfiesIt() throws IOException {
    Files.writeString(dir.resolve("prod.Dockerfile.dockerignore"), ".git\n");
    tester.check("FROM alpine:3.20\nCOPY . /app\n", dir.resolve("prod.Dockerfile"));
    tester.check("FROM alpine:3.20\nCOPY [|.|] /app\n", dir.resolve("Dockerfile"));
  }

  @Test
  void silentWithoutABuildContext() {
    tester.check("FROM alpine:3.20\nCOPY . /app\n");
  }

  @Test
  void messageSaysWhatToAdd() {
    var findings = tester.check("FROM alpine:3.20\nCOPY [|.|] /app\n", dir.resolve("Dockerfile"));
    assertThat(findings.get(0).message()).isEqualTo("'.' copies the whole build context and there is no "
        + ".dockerignore in " + dir.toAbsolutePath() + "; add one excluding .git, .env files and build output");
  }
}
