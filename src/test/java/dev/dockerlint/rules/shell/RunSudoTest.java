package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunSudoTest {
  private final RuleTester tester = new RuleTester(new RunSudo());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y sudo\n",
        "FROM debian:12\nRUN echo 'sudo make install'\n",
        "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"sudo\"]\n",
        "FROM debian:12\nRUN useradd -G sudo app\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|sudo|] apt-get update\n",
        "FROM debian:12\nRUN echo hi && \\\n  # a comment\n  [|sudo|] -u app make\n",
        "FROM debian:12\nRUN env FOO=1 [|sudo|] make\n",
        "FROM debian:12\nRUN [[|\"sudo\"|], \"make\"]\n",
        "FROM debian:12\nRUN <<EOF\n[|sudo|] make install\nEOF\n",
        "FROM debian:12\nONBUILD RUN [|/usr/bin/sudo|] make\n",
        "FROM debian:12 AS a\nRUN true\nFROM a\nRUN [|sudo|] ls\n");
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
  void messageQuotesTheValueAndSaysWhatToDo() {
    var findings = tester.check("FROM debian:12\nRUN [|sudo|] make\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'sudo'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("USER root"));
  }
}
