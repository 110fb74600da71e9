package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageDigestTest {
  private final RuleTester tester = new RuleTester(new ImageDigest());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM scratch\n",
        "FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS base\nFROM base\n",
        "ARG IMAGE\nFROM $IMAGE\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|alpine:3.20|]\n",
        "ARG V=3.20\nFROM [|alpine:${V}|] AS a\nFROM a\n",
        "FROM [|golang:1.22|] AS build\nFROM [|gcr.io/distroless/static:nonroot|]\n");
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
    assertThat(tester.check("FROM [|alpine:3.20|]\n").get(0).message())
        .isEqualTo("Image 'alpine:3.20' is not pinned by digest; append @sha256:<digest> so every build uses the same image");
  }
}
