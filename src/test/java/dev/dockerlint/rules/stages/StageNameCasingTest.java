package dev.dockerlint.rules.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StageNameCasingTest {
  private final RuleTester tester = new RuleTester(new StageNameCasing());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20 AS build\n",
        "FROM alpine:3.20 AS build-2.x_y\n",
        "FROM alpine:3.20\n",
        "FROM Alpine:3.20 as build\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20 AS [|Build|]\n",
        "FROM alpine:3.20 AS [|BUILD|]\nFROM alpine:3.20 AS [|myStage|]\n");
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
    assertThat(tester.check("FROM alpine:3.20 AS [|myStage|]\n").get(0).message()).contains("'myStage'").contains("'mystage'");
  }
}
