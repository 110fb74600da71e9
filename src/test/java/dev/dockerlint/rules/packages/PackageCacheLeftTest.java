package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PackageCacheLeftTest {
  private final RuleTester tester = new RuleTester(new PackageCacheLeft());

  static Stream<String> valid() {
    return Stream.of(
        "FROM fedora:41\nRUN dnf install -y x-1.0 && rm -rf /var/cache/libdnf5*\n",
        "FROM fedora:41\nRUN dnf install -y x-1.0 && rm -rf /var/cache/dnf*\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
        "FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n",
        "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
        "FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\nCOPY --from=build /x /x\n",
        "FROM centos:7\nRUN yum install -y tar && yum clean all\n",
        "FROM fedora:40\nRUN dnf install -y tar && rm -rf /var/cache/dnf\n",
        "FROM rockylinux:9\nRUN yum install -y tar && dnf clean all\n",
        "FROM opensuse/leap:15\nRUN zypper -n install curl && zypper clean -a\n",
        "FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
        "FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN [|apk add|] curl && rm -rf *\n",
        "FROM alpine:3.20\nONBUILD RUN [|apk add|] curl\n",
        "FROM fedora:40\nONBUILD RUN [|dnf install|] -y x-1.0\n",
        "FROM alpine:3.20\nRUN [|apk add|] curl\n",
        "FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && [|apk add|] curl\n",
        "FROM alpine:3.20 AS base\nRUN [|apk add|] curl\nFROM base\n",
        "FROM centos:7\nRUN [|yum install|] -y tar\n",
        "FROM fedora:40\nRUN [|microdnf install|] -y tar\n",
        "FROM opensuse/leap:15\nRUN [|zypper -n install|] curl\n",
        "FROM node:22\nRUN [|yarn install|] --frozen-lockfile\n");
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
    var findings = tester.check("FROM alpine:3.20\nRUN [|apk add|] curl && [|yum install|] -y tar\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'apk add' without --no-cache"));
    assertThat(findings).extracting(f -> f.aliases()).containsExactly(java.util.List.of("DL3019"), java.util.List.of("DL3032"));
  }
}
