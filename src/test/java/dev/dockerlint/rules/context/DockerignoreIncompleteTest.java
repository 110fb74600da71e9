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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerignoreIncompleteTest {
  private final RuleTester tester = new RuleTester(new DockerignoreIncomplete());
  @TempDir
  Path dir;

  /** Ignore files that exclude both .git and .env. */
  static Stream<String> complete() {
    return Stream.of(
        ".git\n.env\n",
        ".git/\n*.env\n",
        "# vcs\n**/.git\n**/.env\n",
        "/.git\n**/*.env\n",
        "./.git\n.env*\n",
        "*\n!src\n!package.json\n",
        "**\n!app/\n",
        "node_modules\n.git\n.env\n!.env.example\n");
  }

  /** Ignore files missing one of them, and what the message says is missing. */
  static Stream<Arguments> incomplete() {
    return Stream.of(
        Arguments.of("node_modules\n", ".git or .env"),
        Arguments.of(".git\n", ".env"),
        Arguments.of(".env\n", ".git"),
        Arguments.of("*\n!.git\n!.env\n", ".git or .env"),
        Arguments.of("# .git\n.env\n", ".git"),
        Arguments.of("", ".git or .env"));
  }

  @ParameterizedTest
  @MethodSource("complete")
  void valid(String ignore) throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), ignore);
    tester.check("FROM alpine:3.20\nCOPY . /app\n", dir.resolve("Dockerfile"));
  }

  @ParameterizedTest
  @MethodSource("incomplete")
  void invalid(String ignore, String missing) throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), ignore);
    var findings = tester.check("FROM alpine:3.20\nWORKDIR /app\nCOPY [|./|] .\n", dir.resolve("Dockerfile"));
    assertThat(findings.get(0).message()).contains("does not exclude " + missing + ";");
  }

  @Test
  void silentWhenNothingCopiesTheWholeContextOrThereIsNoIgnoreFile() throws IOException {
    tester.check("FROM alpine:3.20\nCOPY . /app\n", dir.resolve("Dockerfile"));
    Files.writeString(dir.resolve(".dockerignore"), "node_modules\n");
    tester.check("FROM alpine:3.20\nCOPY src /app/src\n", dir.resolve("Dockerfile"));
    tester.check("FROM alpine:3.20\nCOPY --from=build . /app\n", dir.resolve("Dockerfile"));
    tester.check("FROM alpine:3.20\nCOPY . /app\n");
  }

  @Test
  void theDockerfileSpecificIgnoreFileWins() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), ".git\n.env\n");
    Files.writeString(dir.resolve("dev.Dockerfile.dockerignore"), "node_modules\n");
    var findings = tester.check("FROM alpine:3.20\nCOPY [|.|] /app\n", dir.resolve("dev.Dockerfile"));
    assertThat(findings.get(0).message()).isEqualTo("'.' copies the whole build context and "
        + "dev.Dockerfile.dockerignore does not exclude .git or .env; add '.git' and '**/.env'");
  }
}
