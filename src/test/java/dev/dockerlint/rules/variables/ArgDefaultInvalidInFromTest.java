package dev.dockerlint.rules.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArgDefaultInvalidInFromTest {
  private final RuleTester tester = new RuleTester(new ArgDefaultInvalidInFrom());

  static Stream<String> valid() {
    return Stream.of(
        "ARG V=3.20\nFROM alpine:$V\n",
        "FROM alpine:3.20\n",
        "ARG IMAGE=alpine:3.20\nFROM $IMAGE\n",
        "ARG V\nFROM alpine:${V:-3.20}\n",
        "FROM golang:1.22 AS Build\nARG X\nFROM build\n",
        "ARG BASE=build\nFROM alpine:3.20 AS build\nFROM $BASE\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "ARG VERSION\nFROM [|busybox:$VERSION|]\n",
        "ARG IMAGE\nFROM [|$IMAGE|]\n",
        "ARG IMAGE=Alpine:3.20\nFROM [|${IMAGE}|] AS app\n",
        "ARG TAG=\"3.20 \"\nFROM [|alpine:$TAG|]\n");
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
  void messageShowsTheResult() {
    assertThat(tester.check("ARG VERSION\nFROM [|busybox:$VERSION|]\n").get(0).message())
        .isEqualTo("With the ARG defaults, FROM busybox:$VERSION gives 'busybox:', not a valid image reference; give the ARG a default that makes a valid image");
  }

  @Test
  void emptyName() {
    assertThat(tester.check("ARG IMAGE\nFROM [|$IMAGE|]\n").get(0).message())
        .isEqualTo("With the ARG defaults, FROM $IMAGE gives an empty image name; give the ARG a default that makes a valid image");
  }
}
