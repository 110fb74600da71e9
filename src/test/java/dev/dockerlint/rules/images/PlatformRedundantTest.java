package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlatformRedundantTest {
  private final RuleTester tester = new RuleTester(new PlatformRedundant());

  static Stream<String> valid() {
    return Stream.of(
        "FROM --platform=$BUILDPLATFORM golang:1.22\n",
        "FROM alpine:3.20\n",
        "FROM --platform=linux/amd64 alpine:3.20\n",
        "ARG OVERRIDE\nFROM --platform=${OVERRIDE:-$TARGETPLATFORM} alpine:3.20\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|--platform=$TARGETPLATFORM|] alpine:3.20\n",
        "FROM [|--platform=${TARGETPLATFORM}|] alpine:3.20 AS app\n");
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
    assertThat(tester.check("FROM [|--platform=$TARGETPLATFORM|] alpine:3.20\n").get(0).message())
        .isEqualTo("--platform=$TARGETPLATFORM is redundant: FROM already uses the target platform; remove the flag");
  }
}
