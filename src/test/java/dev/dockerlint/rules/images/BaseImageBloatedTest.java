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
        "FROM buildpack-deps:bookworm\nENV PYTHON_VERSION=3.12.4\nRUN ./build-python.sh\nCMD [\"python3\"]\n",
        // php's apache images have no slim or alpine variant: nothing smaller to suggest
        "FROM php:5.6-apache\n",
        "FROM php:8.3-apache-bookworm\n",
        "FROM php:apache\n",
        // already the small variant of each scheme
        "FROM php:8.3-fpm-alpine\n",
        "FROM php:8.3-alpine\n",
        "FROM node:22-bookworm-slim\n",
        "FROM python:3.11-slim-bookworm\n",
        "FROM perl:5.40-slim-threaded\n",
        "FROM eclipse-temurin:21-jre-jammy\n",
        "FROM openjdk:11-jre-slim\n",
        "FROM python:3.13-windowsservercore-ltsc2022\n",
        "FROM ghcr.io/acme/python:3.12\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|python:3.12|]\n",
        "FROM [|node:20-bookworm|] AS base\nRUN npm ci\nFROM base\nCMD [\"node\", \"app.js\"]\n",
        "FROM [|eclipse-temurin:21-jdk|]\n",
        "FROM [|golang|]\n",
        "ARG PY=3.12\nFROM [|python:${PY}|]\n",
        "FROM [|docker.io/library/ruby:3.3|]\n",
        "FROM [|buildpack-deps:bookworm|]\nENV APP_VERSION=1\nCOPY . /app\n",
        "FROM [|php:8.3-fpm|]\n",
        "FROM [|mirror.gcr.io/library/node:lts|]\n");
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
        .isEqualTo("The final image is based on 'python:3.12', a full development image with compilers and build tools; use the slim variant (python:3.12-slim) or copy the result of a build stage into one");
  }

  @Test
  void jdkBecomesJre() {
    assertThat(tester.check("FROM [|eclipse-temurin:21-jdk|]\n").get(0).message())
        .isEqualTo("The final image is based on 'eclipse-temurin:21-jdk', a full development image with compilers and build tools; use the JRE variant (eclipse-temurin:21-jre) or copy the result of a build stage into one");
  }

  /** Each image's smaller variant as its own tag list names it (docker-library/official-images). */
  @ParameterizedTest(name = "[{index}] {0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "python:3.12                | the slim variant (python:3.12-slim)",
      "python:3.11-bookworm       | the slim variant (python:3.11-slim-bookworm)",
      "python:bookworm            | the slim variant (python:slim-bookworm)",
      "python:3.15-rc             | the slim variant (python:3.15-rc-slim)",
      "python:3.15.0a2-trixie     | the slim variant (python:3.15.0a2-slim-trixie)",
      "python:latest              | the slim variant (python:<version>-slim)",
      "python                     | the slim variant (python:<version>-slim)",
      "ruby:3.3-bullseye          | the slim variant (ruby:3.3-slim-bullseye)",
      "node:22                    | the slim variant (node:22-slim)",
      "node:22-bookworm           | the slim variant (node:22-bookworm-slim)",
      "node:latest                | the slim variant (node:<version>-slim)",
      "node:lts                   | the slim variant (node:lts-slim)",
      "node:lts-iron              | the slim variant (node:iron-slim)",
      "node:iron-bookworm         | the slim variant (node:iron-bookworm-slim)",
      "node:bookworm              | the slim variant (node:bookworm-slim)",
      "perl:5.40                  | the slim variant (perl:5.40-slim)",
      "perl:5.40-threaded-bookworm | the slim variant (perl:5.40-slim-threaded-bookworm)",
      "perl:stable                | the slim variant (perl:stable-slim)",
      "php:8.3                    | the alpine variant (php:8.3-cli-alpine)",
      "php:8.3-cli-bookworm       | the alpine variant (php:8.3-cli-alpine)",
      "php:7.4-fpm-buster         | the alpine variant (php:7.4-fpm-alpine)",
      "php:8.2-zts                | the alpine variant (php:8.2-zts-alpine)",
      "php:fpm                    | the alpine variant (php:fpm-alpine)",
      "eclipse-temurin:21-jdk     | the JRE variant (eclipse-temurin:21-jre)",
      "eclipse-temurin:21         | the JRE variant (eclipse-temurin:21-jre)",
      "eclipse-temurin:21-noble   | the JRE variant (eclipse-temurin:21-jre-noble)",
      "eclipse-temurin:8u412-b08-jdk-focal | the JRE variant (eclipse-temurin:8u412-b08-jre-focal)",
      "openjdk:11-jdk-bullseye    | the JRE variant (openjdk:11-jre-bullseye)",
      "openjdk:8u222              | the JRE variant (openjdk:8u222-jre)",
      "openjdk:17                 | the slim variant (openjdk:17-slim)",
      "openjdk:17-jdk-bullseye    | the slim variant (openjdk:17-jdk-slim-bullseye)",
      "openjdk:17-oracle          | copy the result of a build stage into a smaller runtime image",
      "python:3.12-onbuild        | copy the result of a build stage into a smaller runtime image",
      "golang:1.22                | build in it and COPY the result into a small runtime image"})
  void suggestionFollowsTheImagesTagScheme(String image, String advice) {
    var findings = tester.lint("FROM " + image + "\n");
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains(" " + advice));
  }
}
