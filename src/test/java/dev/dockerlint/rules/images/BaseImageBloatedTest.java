package dev.dockerlint.rules.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BaseImageBloatedTest {
  private final RuleTester tester = new RuleTester(new BaseImageBloated());

  static Stream<String> valid() {
    return Stream.of(
        "FROM python:3.12-slim\n",
        "FROM node:20-alpine\n",
        "FROM eclipse-temurin:21-jre\n",
        "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n",
        "FROM debian:12\n",
        "FROM bitnami/python:3.12\n",
        "FROM buildpack-deps:bookworm-curl\n",
        "ARG TAG\nFROM python:$TAG\n",
        "FROM openjdk:17-jdk-slim\n",
        "FROM buildpack-deps:bookworm\nENV PYTHON_VERSION=3.12.4\nRUN ./build-python.sh\nCMD [\"python3\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|python:3.12|]\n",
        "FROM [|node:20-bookworm|] AS base\nRUN npm ci\nFROM base\nCMD [\"node\", \"app.js\"]\n",
        "FROM [|eclipse-temurin:21-jdk|]\n",
        "FROM [|golang|]\n",
        "ARG PY=3.12\nFROM [|python:${PY}|]\n",
        "FROM [|docker.io/library/ruby:3.3|]\n",
        "FROM [|buildpack-deps:bookworm|]\nENV APP_VERSION=1\nCOPY . /app\n");
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
  void messageSuggestsTheSlimVariant() {
    assertThat(tester.check("FROM [|python:3.12|]\n").get(0).message())
        .isEqualTo("The final image is based on 'python:3.12', a full development image with compilers and build tools; use a slim variant (python:3.12-slim) or copy the result of a build stage into one");
  }

  @Test
  void jdkBecomesJre() {
    assertThat(tester.check("FROM [|eclipse-temurin:21-jdk|]\n").get(0).message())
        .isEqualTo("The final image is based on 'eclipse-temurin:21-jdk', a full development image with compilers and build tools; use a jre variant (eclipse-temurin:21-jre) or copy the result of a build stage into one");
  }
}
