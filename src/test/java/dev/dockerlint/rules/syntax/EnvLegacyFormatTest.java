package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvLegacyFormatTest {
  private final RuleTester tester = new RuleTester(new EnvLegacyFormat());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nENV A=1\n",
        "FROM alpine:3.20\nLABEL a=b c=\"d e\"\n",
        "FROM alpine:3.20\nARG A\n",
        "FROM alpine:3.20\nENV A=\"1 2\" B=3\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nENV [|A 1|]\n",
        "FROM alpine:3.20\nLABEL [|maintainer me@example.com|]\n",
        "FROM alpine:3.20\nENV [|PATH /usr/local/bin:$PATH|]\n",
        "FROM alpine:3.20\nONBUILD ENV [|A 1|]\n",
        "FROM alpine:3.20\nenv [|A \\\n  1 2|]\n");
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
  void messageShowsTheKeyValueForm() {
    assertThat(tester.check("FROM alpine:3.20\nENV [|A 1|]\n").get(0).message())
        .isEqualTo("ENV A uses the legacy 'key value' form; write ENV A=<value> (quote the value if it has spaces)");
  }
}
