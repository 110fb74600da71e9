package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContinuationEmptyLineTest {
  private final RuleTester tester = new RuleTester(new ContinuationEmptyLine());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN a \\\n  && b\n",
        "FROM alpine:3.20\nRUN a\n\nRUN b\n",
        "FROM alpine:3.20\nRUN a \\\n  # comment\n  && b\n",
        "FROM alpine:3.20\nRUN <<EOF\na\n\nb\nEOF\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN a \\\n[||]\n  && b\n",
        "FROM alpine:3.20\nRUN a \\\n[|   |]\n  && b \\\n[||]\n  && c\n");
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
  void message() {
    assertThat(tester.check("FROM alpine:3.20\nRUN a \\\n[||]\n  && b\n").get(0).message())
        .isEqualTo("Empty line inside a continued instruction; remove it or end the previous line without a continuation (Docker deprecates empty continuation lines)");
  }
}
