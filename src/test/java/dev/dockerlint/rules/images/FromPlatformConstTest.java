package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FromPlatformConstTest {
  private final RuleTester tester = new RuleTester(new FromPlatformConst());

  static Stream<String> valid() {
    return Stream.of(
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n",
        "FROM alpine:3.20\n",
        "FROM --platform=linux/amd64 alpine:3.20 AS build-amd64\n",
        "FROM --platform=linux/arm64 alpine:3.20 AS linux-base\n",
        "ARG P=linux/amd64\nFROM --platform=$P alpine:3.20\n",
        "FROM --platform=not/a/valid/platform alpine:3.20\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|--platform=linux/amd64|] alpine:3.20\n",
        "FROM [|--platform=linux/arm64/v8|] alpine:3.20 AS builder\n",
        "FROM [|--platform=aarch64|] alpine:3.20 AS app\n");
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
    assertThat(tester.check("FROM [|--platform=linux/amd64|] alpine:3.20\n").get(0).message())
        .isEqualTo("FROM --platform=linux/amd64 pins the stage to one platform; use --platform=$BUILDPLATFORM for build tools, drop the flag, or name the stage after the platform");
  }
}
