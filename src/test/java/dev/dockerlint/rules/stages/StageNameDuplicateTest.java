package dev.dockerlint.rules.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StageNameDuplicateTest {
  private final RuleTester tester = new RuleTester(new StageNameDuplicate());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\n",
        "FROM alpine:3.20\nFROM alpine:3.20\n",
        "FROM alpine:3.20 AS build\nFROM build AS build-2\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20 AS build\nFROM alpine:3.20 AS [|build|]\n",
        "FROM alpine:3.20 AS build\nFROM alpine:3.20 AS [|Build|]\nFROM alpine:3.20 AS [|BUILD|]\n");
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
    assertThat(tester.check("FROM alpine:3.20 AS build\nFROM alpine:3.20 AS [|build|]\n").get(0).message()).contains("'build'").contains("line 1").contains("different name");
  }
}
