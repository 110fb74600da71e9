package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuildToolsInFinalStageTest {
  private final RuleTester tester = new RuleTester(new BuildToolsInFinalStage());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev make \\\n  && make install \\\n  && apk del --no-network .build-deps\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y gcc libc6-dev && make && apt-get purge -y gcc libc6-dev\n",
        // the official images' apt-mark idiom
        "FROM debian:12\nRUN set -eux; \\\n  savedAptMark=\"$(apt-mark showmanual)\"; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends gcc make libssl-dev; \\\n  make; \\\n  apt-mark auto '.*' > /dev/null; \\\n  apt-mark manual $savedAptMark; \\\n  apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n",
        "FROM debian:12\nRUN apt-get install -y dpkg-dev; \\\n  apt-mark showmanual | xargs apt-mark auto > /dev/null; \\\n  apt-get purge -y --auto-remove\n",
        // a builder stage may hold anything
        "FROM debian:12 AS build\nRUN apt-get install -y gcc make\nFROM debian:12-slim\nCOPY --from=build /out /out\n",
        // images made for building
        "FROM buildpack-deps:bookworm-scm\nRUN apt-get install -y gcc\n",
        // runtime libraries, not headers
        "FROM debian:12\nRUN apt-get install -y libssl3 ca-certificates\n",
        "FROM debian:12\nRUN echo 'apt-get install -y gcc'\n",
        "FROM python:3.12\nRUN pip install make\n",
        // a compiler's name and a version number, and nothing else, is a compiler
        "FROM debian:12\nRUN apt-get install -y gcc-12-base clang-format libclang-16 gcc-x gcc-\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y [|build-essential|] curl\n",
        "FROM alpine:3.20\nRUN apk add --no-cache [|gcc|] [|musl-dev|] python3\n",
        // a virtual group that is never deleted
        "FROM alpine:3.20\nRUN apk add --virtual .build-deps [|gcc|]\n",
        // removed in a later RUN: still in the image
        "FROM debian:12\nRUN apt-get install -y [|git|]\nRUN apt-get purge -y git\n",
        "FROM fedora:40\nRUN dnf install -y [|gcc-c++|] [|openssl-devel|]\n",
        "FROM debian:12\nRUN apt-get install -y [|gcc-12|] [|g++-13|] [|clang-16|]\n",
        "FROM debian:12 AS base\nRUN sudo apt-get install -y \\\n    [|cmake|] \\\n    # the compiler\n    [|g++|]\nFROM base\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y [|make=4.3-4.1|]\nEOF\n");
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
  void messageSuggestsAMultiStageBuild() {
    var findings = tester.check("FROM debian:12\nRUN apt-get install -y [|gcc|]\n");
    assertThat(findings.get(0).message()).isEqualTo("'gcc' is a build tool installed in the final image and not "
        + "removed in the same RUN; build in an earlier stage and COPY --from it only what runs");
  }
}
