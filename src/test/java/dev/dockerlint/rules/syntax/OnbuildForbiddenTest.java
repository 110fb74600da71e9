package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OnbuildForbiddenTest {
  private final RuleTester tester = new RuleTester(new OnbuildForbidden());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nONBUILD RUN true\n",
        "FROM alpine:3.20\nONBUILD COPY . /app\n",
        // triggers are checked only for ONBUILD, FROM and MAINTAINER when the image is built
        "FROM alpine:3.20\nONBUILD COPY app.py\nONBUILD FOO bar\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nONBUILD [|FROM|] alpine\n",
        "FROM alpine:3.20\nONBUILD [|ONBUILD|] RUN true\n",
        "FROM alpine:3.20\nonbuild [|maintainer|] me\n");
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
    assertThat(tester.check("FROM alpine:3.20\nONBUILD [|FROM|] alpine\n").get(0).message())
        .isEqualTo("FROM isn't allowed as an ONBUILD trigger: an image cannot change its own base; drop the trigger");
  }
}
