package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FromAsCasingTest {
  private final RuleTester tester = new RuleTester(new FromAsCasing());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20 AS build\n",
        "from alpine:3.20 as build\n",
        "From alpine:3.20 as build\n",
        "FROM alpine:3.20\n",
        "FROM alpine:3.20 AS Build\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20 [|as|] build\n",
        "from alpine:3.20 [|AS|] build\n",
        "FROM alpine:3.20 [|As|] build\n",
        "FROM --platform=$BUILDPLATFORM golang:1.22 [|as|] build\n");
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
    assertThat(tester.check("FROM alpine:3.20 [|as|] build\n").get(0).message()).contains("'as'").contains("'FROM'").contains("AS");
  }
}
