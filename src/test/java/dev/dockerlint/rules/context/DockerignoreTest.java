package dev.dockerlint.rules.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * .dockerignore matching, on the examples of Docker's build-context documentation
 * (docs.docker.com/build/concepts/context/#dockerignore-files) and moby/patternmatcher's rules.
 */
class DockerignoreTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // the documentation's first example
        Arguments.of("# comment\n*/temp*\n*/*/temp*\ntemp?\n", "somedir/temporary.txt", true),
        Arguments.of("*/temp*\n", "somedir/temp", true),
        Arguments.of("*/temp*\n", "temp", false), // only one directory down
        Arguments.of("*/temp*\n", "a/b/temp", false),
        Arguments.of("*/*/temp*\n", "somedir/subdir/temporary.txt", true),
        Arguments.of("temp?\n", "tempa", true),
        Arguments.of("temp?\n", "tempab", false),
        Arguments.of("temp?\n", "temp/", false),
        // ** spans directories
        Arguments.of("**/*.go\n", "main.go", true),
        Arguments.of("**/*.go\n", "cmd/tool/main.go", true),
        Arguments.of("**/*.go\n", "cmd/tool/main.gox", false),
        Arguments.of("**/node_modules\n", "web/node_modules/x/index.js", true),
        Arguments.of("**/node_modules\n", "node_modules", true),
        Arguments.of("docs/**\n", "docs/a/b.md", true),
        Arguments.of("docs/**\n", "docsx/a.md", false),
        Arguments.of("**\n", "anything/at/all", true),
        Arguments.of("a/**/b\n", "a/b", true),
        Arguments.of("a/**/b\n", "a/x/y/b", true),
        Arguments.of("a/**/b\n", "a/xb", false),
        // ! exceptions, the last matching pattern decides
        Arguments.of("*.md\n!README.md\n", "CHANGES.md", true),
        Arguments.of("*.md\n!README.md\n", "README.md", false),
        Arguments.of("*.md\n!README*.md\nREADME-secret.md\n", "README-secret.md", true),
        Arguments.of("*.md\n!README*.md\nREADME-secret.md\n", "README-public.md", false),
        Arguments.of("*.md\nREADME-secret.md\n!README*.md\n", "README-secret.md", false),
        // a leading or trailing / and ./ mean nothing; .. is resolved
        Arguments.of("/secrets/\n", "secrets/key.pem", true),
        Arguments.of("./build\n", "build", true),
        Arguments.of("a/../dist\n", "dist/app.js", true),
        Arguments.of("  logs  \n", "logs/today.log", true),
        // a parent directory that matches excludes what is inside
        Arguments.of("target\n", "target/app.jar", true),
        Arguments.of("target\n", "targets/app.jar", false),
        // the source is cleaned too, and taken from the context root
        Arguments.of("app\n", "./app/main.py", true),
        Arguments.of("app\n", "/app/main.py", true),
        Arguments.of("app\n", "app/../lib", false),
        // escapes, classes and regexp characters taken literally
        Arguments.of("file\\*.txt\n", "file*.txt", true),
        Arguments.of("file\\*.txt\n", "file1.txt", false),
        Arguments.of("[a-c]*.log\n", "b1.log", true),
        Arguments.of("[a-c]*.log\n", "d1.log", false),
        Arguments.of("[^a]*.log\n", "a1.log", false),
        Arguments.of("v1.0\n", "v1x0", false),
        Arguments.of("a+b\n", "a+b", true),
        // only a # in the first column starts a comment
        Arguments.of(" # not a comment\n", "# not a comment", true),
        Arguments.of("#target\n", "target", false),
        // the context root only for patterns that exclude everything
        Arguments.of("*\n", ".", true),
        Arguments.of("**/*\n", ".", true),
        Arguments.of("*.md\n", ".", false),
        Arguments.of("node_modules\n", "./", false));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void matchesAsBuildkit(String ignoreFile, String source, boolean excluded) {
    assertThat(Dockerignore.parse(ignoreFile).excludes(source)).isEqualTo(excluded);
  }

  @Test
  void exceptionsAreKnown() {
    assertThat(Dockerignore.parse("*.md\n!README.md\n").hasExclusions()).isTrue();
    assertThat(Dockerignore.parse("*.md\n# !README.md\n").hasExclusions()).isFalse();
  }

  @Test
  void hostilePatternsStayFast() {
    String pattern = "**/".repeat(200) + "x\n" + "*a".repeat(500) + "b\n";
    String path = "a/".repeat(2000) + "a".repeat(5000);
    long start = System.nanoTime();
    assertThat(Dockerignore.parse(pattern).excludes(path)).isFalse();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
  }

  @Test
  void cleanIsGosPathClean() {
    assertThat(Dockerignore.clean("a//b/./c/")).isEqualTo("a/b/c");
    assertThat(Dockerignore.clean("../../x")).isEqualTo("../../x");
    assertThat(Dockerignore.clean("/../x")).isEqualTo("/x");
    assertThat(Dockerignore.clean("./")).isEqualTo(".");
    assertThat(Dockerignore.clean("")).isEqualTo(".");
  }
}
