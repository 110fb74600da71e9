package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CacheMountSuggestedTest {
  private final RuleTester tester = new RuleTester(new CacheMountSuggested());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt \\\n  apt-get update && apt-get install -y curl\n",
        "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n",
        "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n",
        "FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
        "FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build ./...\n",
        "FROM rust:1.79\nRUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release\n",
        "FROM maven:3\nRUN --mount=type=cache,dst=/root/.m2 mvn -B package\n",
        "FROM debian:12\nRUN apt-get update\n",
        "FROM debian:12\nRUN echo 'apt-get install -y curl'\n",
        "FROM node:20\nRUN npm run build\n",
        "FROM golang:1.22\nRUN go version\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && [|apt-get install -y curl|]\n",
        "FROM alpine:3.20\nRUN [|apk add --no-cache curl|]\n",
        "FROM python:3.12\nRUN [|pip install -r requirements.txt|] && [|python -m pip install gunicorn|]\n",
        "FROM node:20 AS build\nRUN [|npm ci|] && npm run build\nFROM nginx:1.27\n",
        "FROM node:20\nRUN [|yarn install --frozen-lockfile|]\n",
        "FROM golang:1.22\nRUN [|go mod download|]\nRUN [|CGO_ENABLED=0 go build -o /app .|]\n",
        "FROM rust:1.79\nRUN [|cargo build --release|]\n",
        "FROM maven:3\nRUN [|./mvnw -B package|]\n",
        "FROM gradle:8\nRUN [|gradle build|]\n",
        // a cache mount on another directory does not count
        "FROM debian:12\nRUN --mount=type=cache,target=/root/.npm sudo [|apt-get install -y \\\n  curl|]\n",
        "FROM debian:12\nRUN --mount=type=bind,target=/var/cache/apt [|apt-get install -y curl|]\n",
        "FROM debian:12\nRUN <<EOF\n[|apt-get install -y curl|]\nEOF\n");
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
  void messageNamesTheCacheDirectory() {
    var findings = tester.check("FROM python:3.12\nRUN [|pip install flask|]\n");
    assertThat(findings.get(0).message()).isEqualTo("'pip' downloads into its cache on every build; add "
        + "RUN --mount=type=cache,target=/root/.cache/pip to keep it between builds");
  }
}
