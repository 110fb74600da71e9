package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageLatestTest {
  private final RuleTester tester = new RuleTester(new ImageLatest());

  static Stream<String> valid() {
    return Stream.of(
        "FROM node:20-alpine\n",
        "FROM node\n",
        "FROM scratch\n",
        "FROM alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM registry.example.com:5000/app:1.2\n",
        "FROM golang:1.22 AS latest\nFROM latest\n",
        "ARG TAG\nFROM node:${TAG}\n",
        "ARG TAG=20\nFROM node:${TAG}\n",
        "FROM node:20 AS Build\nFROM build\n",
        "FROM node:latest-slim\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|node:latest|]\n",
        "from [|ubuntu:latest|] as base\nRUN true\n",
        "ARG VERSION=latest\nFROM [|alpine:${VERSION}|]\n",
        "ARG IMAGE=python:latest\nFROM [|$IMAGE|] AS app\n",
        "FROM [|registry.example.com:5000/team/app:latest|]\n",
        "FROM --platform=$BUILDPLATFORM [|golang:latest|] AS build\nFROM [|alpine:latest|]\nCOPY --from=build /x /x\n",
        "FROM \\\n  [|node:latest|]\n");
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
  void messageNamesTheResolvedImageAndSuggestsAVersion() {
    var findings = tester.check("ARG V=latest\nFROM [|node:${V}|]\n");
    assertThat(findings.get(0).message())
        .isEqualTo("Image 'node:latest' (from node:${V}) uses the mutable 'latest' tag; pin a version such as node:<version>");
  }
}
