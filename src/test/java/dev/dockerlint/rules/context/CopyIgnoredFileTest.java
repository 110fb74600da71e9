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

class CopyIgnoredFileTest {
  private final RuleTester tester = new RuleTester(new CopyIgnoredFile());
  @TempDir
  Path dir;

  /** A .dockerignore and a Dockerfile whose marked sources it excludes (none marked: nothing excluded). */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("secrets\n", "FROM alpine:3.20\nCOPY [|secrets/key.pem|] /etc/app/\n"),
        Arguments.of("*.md\n", "FROM alpine:3.20\nCOPY [|README.md|] [|docs.md|] /doc/\nCOPY LICENSE /doc/\n"),
        Arguments.of("**/*.go\n", "FROM golang:1.22\nWORKDIR /src\nCOPY [|cmd/tool/main.go|] .\n"),
        Arguments.of("/build/\n", "FROM alpine:3.20\nADD [|./build/app.tar.gz|] /opt/\n"),
        Arguments.of("node_modules\n", "FROM node:20\nCOPY --chown=node [|node_modules|] /app/node_modules\n"),
        // after variable expansion
        Arguments.of("dist\n", "FROM nginx:1.27\nARG OUT=dist\nCOPY [|${OUT}/index.html|] /usr/share/nginx/html/\n"),
        // every stage, continuation lines
        Arguments.of("tmp\n", "FROM alpine:3.20 AS a\nCOPY \\\n  [|tmp/x|] /x\nFROM alpine:3.20\nCOPY [|tmp|] /tmp2\n"),
        // the context root only for patterns that exclude everything
        Arguments.of("*\n", "FROM alpine:3.20\nCOPY [|.|] /app\n"),
        Arguments.of("*.md\n", "FROM alpine:3.20\nCOPY . /app\n"),
        // not from the context: another stage, a URL, a git repository, a heredoc
        Arguments.of("out\nhttps:\ngit@github.com:moby\n", "FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b out /out\n"
            + "ADD https://example.com/out /out\nADD git@github.com:moby/out.git /src\nCOPY <<out /etc/x\nhi\nout\n"),
        // a variable without a known value
        Arguments.of("conf\n", "FROM alpine:3.20\nARG DIR\nCOPY ${DIR}/app.conf /etc/\n"),
        // an ignore file with a ! exception is not checked (BuildKit's rule)
        Arguments.of("*.md\n!README.md\n", "FROM alpine:3.20\nCOPY CHANGES.md /doc/\n"),
        // comments and near misses
        Arguments.of("# secrets\ntargets\n", "FROM alpine:3.20\nCOPY secrets target /x/\n"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void reportsExcludedSources(String ignore, String dockerfile) throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), ignore);
    tester.check(dockerfile, dir.resolve("Dockerfile"));
  }

  @Test
  void messageNamesTheSourceAndSaysWhatToDo() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), "secrets\n");
    assertThat(tester.check("FROM alpine:3.20\nADD [|secrets/a|] /a\n", dir.resolve("Dockerfile")).get(0).message())
        .isEqualTo("ADD source 'secrets/a' is excluded by .dockerignore, so the build does not see it; remove it from "
            + "the ADD or stop excluding it");
  }

  @Test
  void silentWithoutAnIgnoreFileOrAContext() throws IOException {
    tester.check("FROM alpine:3.20\nCOPY secrets /x\n", dir.resolve("Dockerfile"));
    tester.check("FROM alpine:3.20\nCOPY secrets /x\n");
  }

  @Test
  void theDockerfileSpecificIgnoreFileWins() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), "app\n");
    Files.writeString(dir.resolve("dev.Dockerfile.dockerignore"), "lib\n");
    tester.check("FROM alpine:3.20\nCOPY app /app\nCOPY [|lib|] /lib\n", dir.resolve("dev.Dockerfile"));
  }
}
