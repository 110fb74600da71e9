package dev.dockerlint.rules.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArgUndefinedInFromTest {
  private final RuleTester tester = new RuleTester(new ArgUndefinedInFrom());

  static Stream<String> valid() {
    return Stream.of(
        "ARG V=3.20\nFROM alpine:$V\n",
        "ARG V\nFROM alpine:${V}\n",
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.20\n",
        "FROM alpine:3.20\nARG V\nRUN echo $V\n",
        "ARG BASE=alpine\nFROM ${BASE}:3.20 AS one\nFROM one\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:[|$V|]\n",
        "ARG VERSION=3.20\nFROM alpine:[|${VERSOIN}|]\n",
        "FROM --platform=[|$PLATFORM|] alpine:3.20\n",
        "FROM alpine:3.20\nARG TAG=3.19\nFROM alpine:[|${TAG:-3.18}|]\n",
        "FROM \\\n  alpine:[|$V|]\n");
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
  void suggestsTheClosestName() {
    assertThat(tester.check("ARG VERSION=3.20\nFROM alpine:[|${VERSOIN}|]\n").get(0).message())
        .isEqualTo("FROM uses '$VERSOIN', which is not declared (did you mean $VERSION?); declare ARG VERSOIN before the first FROM");
  }

  @Test
  void explainsStageArgs() {
    assertThat(tester.check("FROM alpine:3.20\nARG TAG=3.19\nFROM alpine:[|${TAG:-3.18}|]\n").get(0).message())
        .isEqualTo("FROM uses '$TAG', which is not declared; ARG TAG is declared inside a stage, which FROM cannot see: move it before the first FROM");
  }
}
