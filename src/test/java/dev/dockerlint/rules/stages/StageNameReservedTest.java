package dev.dockerlint.rules.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StageNameReservedTest {
  private final RuleTester tester = new RuleTester(new StageNameReserved());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20 AS build\n",
        "FROM scratch\n",
        "FROM alpine:3.20 AS scratch-build\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20 AS [|scratch|]\n",
        "FROM alpine:3.20 AS [|context|]\n",
        "FROM alpine:3.20 AS [|Scratch|]\n");
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
    assertThat(tester.check("FROM alpine:3.20 AS [|context|]\n").get(0).message()).contains("'context'").contains("build context").contains("another name");
  }
}
