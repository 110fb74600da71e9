package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageUntaggedTest {
  private final RuleTester tester = new RuleTester(new ImageUntagged());

  static Stream<String> valid() {
    return Stream.of(
        "FROM node:20\n",
        "FROM node:latest\n",
        "FROM scratch\n",
        "FROM SCRATCH\n",
        "FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM registry.example.com:5000/app:1.0\n",
        "FROM golang:1.22 AS builder\nFROM builder\n",
        "FROM golang:1.22 AS builder\nFROM BUILDER\n",
        "ARG BASE\nFROM $BASE\n",
        "ARG TAG=3.20\nFROM alpine:$TAG\n",
        "FROM --platform=$BUILDPLATFORM golang:1.22\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|ubuntu|]\n",
        "FROM [|registry.example.com:5000/team/app|]\n",
        "FROM [|localhost/app|] AS x\n",
        "ARG BASE=debian\nFROM [|${BASE}|]\n",
        "FROM golang:1.22 AS build\nFROM [|debian|]\nCOPY --from=build /a /a\n",
        "ARG REGISTRY=ghcr.io\nFROM [|${REGISTRY}/org/tool|]\n");
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
  void messageSuggestsPinning() {
    var findings = tester.check("FROM [|ubuntu|]\n");
    assertThat(findings.get(0).message()).contains("'ubuntu'").contains("ubuntu:<version>");
  }
}
