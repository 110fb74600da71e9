package dev.dockerlint.rules.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvSelfReferenceTest {
  private final RuleTester tester = new RuleTester(new EnvSelfReference());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nENV A=1\nENV B=$A\n",
        "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n",
        "FROM alpine:3.20\nENV B=$A A=1\n",
        "FROM alpine:3.20\nENV A=1 B='$A'\n",
        "FROM alpine:3.20\nENV A=1 B=\\$A\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nENV PATH=/a:${PATH} PATH=/b:[|${PATH}|]\n",
        "FROM alpine:3.20\nENV PATH=/a:$PATH \\\n    PATH=/b:[|$PATH|]\n",
        "FROM alpine:3.20\nENV A=1 B=[|$A|]\n",
        "FROM alpine:3.20\nENV APP=/app \\\n    DATA=[|${APP}|]/data\n",
        "FROM alpine:3.20\nENV A=0\nENV A=1 B=\"x-[|$A|]\"\n");
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
  void messageSaysWhatItGets() {
    assertThat(tester.check("FROM alpine:3.20\nENV A=0\nENV A=1 B=\"x-[|$A|]\"\n").get(0).message())
        .isEqualTo("'$A' in B refers to A set in the same ENV but gets its value from before this ENV ('0'); set A in an earlier ENV");
  }
}
