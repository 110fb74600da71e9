package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DescriptionCommentFormatTest {
  private final RuleTester tester = new RuleTester(new DescriptionCommentFormat());

  static Stream<String> valid() {
    return Stream.of(
        "# build compiles the binary\nFROM golang:1.22 AS build\n",
        "# Build is lower-cased as BuildKit does\nFROM golang:1.22 AS BUILD\n".replace("Build is", "build is"),
        "# VERSION of the app\nARG VERSION=1.0\nFROM alpine:3.20\n",
        "FROM alpine:3.20\n# B the second one\nARG A B\n",
        // no comment, no name, or the comment is not attached (a bare # clears it)
        "FROM golang:1.22 AS build\n",
        "# just a base\nFROM alpine:3.20\n",
        "# not a description\n#\nFROM alpine:3.20 AS final\n",
        "FROM alpine:3.20\n# install tools\nRUN apk add curl\n",
        // the last comment line counts, and blank lines do not separate it
        "# something else\n# app the application\n\nFROM alpine:3.20 AS app\n",
        // a FROM Docker rejects gets its syntax error only
        "# whatever\nFROM alpine:3.20 AS 1st\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "[|# Build stage|]\nFROM golang:1.22 AS build\n",
        "[|# the version to install|]\nARG VERSION=1.0\nFROM alpine:3.20\n",
        "FROM alpine:3.20\n# first\n\n[|# second word|]\n\nARG A B\n",
        "FROM alpine:3.20 AS a\nRUN true\n[|# the final image|]\nFROM a AS final\n",
        // inside a continuation it is not the description, the one above the instruction is
        "[|# description|]\nFROM alpine:3.20 \\\n  # a comment inside\n  AS app\n");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalid(String source) {
    tester.check(source);
  }

  @Test
  void messageShowsTheExpectedForm() {
    assertThat(tester.check("[|# Build stage|]\nFROM golang:1.22 AS build\n").get(0).message())
        .isEqualTo("The comment above stage 'build' is not a description (it does not start with 'build'); "
            + "write '# build <description>', or put a blank '#' line between them if it is not one");
    assertThat(tester.check("FROM a\n[|# versions|]\nARG A B\n").get(0).message())
        .contains("ARG A, B").contains("'# <arg_key> <description>'");
  }

  @Test
  void offByDefaultAndOnWithBuildkitsExperimentalSwitch() {
    Linter linter = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);
    String body = "# Build stage\nFROM golang:1.22 AS build\n";
    assertThat(rules(linter.lint(DockerfileParser.parse("Dockerfile", body)))).doesNotContain("description-comment-format");
    for (String check : List.of("experimental=InvalidDefinitionDescription", "experimental=all",
        "skip=all;experimental=InvalidDefinitionDescription")) {
      assertThat(rules(linter.lint(DockerfileParser.parse("Dockerfile", "# check=" + check + "\n" + body))))
          .as(check).contains("description-comment-format");
    }
    assertThat(rules(linter.lint(DockerfileParser.parse("Dockerfile", "# check=experimental=CopyIgnoredFile\n" + body))))
        .doesNotContain("description-comment-format");
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(Finding::rule).toList();
  }
}
