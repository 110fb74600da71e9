package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HealthcheckToolMissingTest {
  private final RuleTester tester = new RuleTester(new HealthcheckToolMissing());

  static Stream<String> valid() {
    return Stream.of(
        "FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n",
        "FROM node:20-alpine\nHEALTHCHECK CMD wget -q --spider http://localhost:3000/ || exit 1\n",
        "FROM php:8.3-apache\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
        "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl "
            + "&& rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\n",
        "FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y wget\nFROM base\n"
            + "HEALTHCHECK CMD wget -qO- http://localhost/\n",
        "FROM scratch\nCOPY --from=curlimages/curl:8.8.0 /usr/bin/curl /usr/bin/curl\n"
            + "HEALTHCHECK CMD [\"/usr/bin/curl\", \"-f\", \"http://localhost/\"]\n",
        "FROM python:3.12-slim\nHEALTHCHECK CMD python -c \"import urllib.request as u; u.urlopen('http://localhost:8000/')\"\n",
        "FROM python:3.12-slim\nHEALTHCHECK NONE\n",
        // images the table does not know: nothing said
        "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
        "FROM example.com/app:1\nHEALTHCHECK CMD curl -f http://localhost/\n",
        "ARG BASE\nFROM $BASE\nHEALTHCHECK CMD curl -f http://localhost/\n",
        // a builder's HEALTHCHECK is not the image's
        "FROM python:3.12-slim AS test\nHEALTHCHECK CMD curl -f http://localhost/\nFROM python:3.12\n"
            + "HEALTHCHECK CMD curl -f http://localhost/\n",
        "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && apt-mark auto '.*' && apt-mark manual curl "
            + "&& apt-get purge -y --auto-remove\nHEALTHCHECK CMD curl -f http://localhost/\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM python:3.12-slim\nHEALTHCHECK CMD [|curl|] -f http://localhost:8000/ || exit 1\n",
        "FROM node:20-bookworm-slim\nHEALTHCHECK --interval=30s CMD [|wget|] -q --spider http://localhost/\n",
        "FROM node:20-alpine\nHEALTHCHECK CMD [|curl|] -f http://localhost:3000/ || exit 1\n",
        "FROM debian:12-slim\nHEALTHCHECK CMD [[|\"curl\"|], \"-f\", \"http://localhost/\"]\n",
        "FROM ubuntu:24.04\nHEALTHCHECK CMD [|curl|] -fs http://localhost/ && [|wget|] -q http://localhost/x\n",
        "FROM scratch\nCOPY app /app\nHEALTHCHECK CMD [[|\"curl\"|], \"-f\", \"http://localhost/\"]\n",
        "FROM gcr.io/distroless/base-debian12\nHEALTHCHECK CMD [[|\"/usr/bin/wget\"|], \"-q\", \"http://localhost/\"]\n",
        "FROM postgres:17\nHEALTHCHECK CMD [|curl|] -f http://localhost:8080/\n",
        // installed, then removed
        "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && apt-get purge -y curl\n"
            + "HEALTHCHECK CMD [|curl|] -f http://localhost/\n",
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .fetch curl && curl -fsSLo /app https://example.com/app "
            + "&& apk del .fetch\nHEALTHCHECK CMD [|curl|] -f http://localhost/\n",
        "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && apt-mark auto '.*' "
            + "&& apt-get purge -y --auto-remove\nHEALTHCHECK CMD [|curl|] -f http://localhost/\n",
        // installed in a builder only
        "FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y curl\nFROM python:3.12-slim\n"
            + "HEALTHCHECK CMD [|curl|] -f http://localhost/\n",
        "ARG PY=3.12\nFROM python:${PY}-slim\nHEALTHCHECK CMD \\\n  # the app's port\n  [|curl|] -f http://localhost:8000/\n",
        "FROM python:3.12-slim AS base\nHEALTHCHECK CMD [|curl|] -f http://localhost/\nFROM base\nCOPY . /app\n");
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
  void messageNamesTheImageAndSuggestsWhatItHas() {
    assertThat(tester.check("FROM node:20-alpine\nHEALTHCHECK CMD [|curl|] -f http://localhost/\n").get(0).message())
        .isEqualTo("HEALTHCHECK runs 'curl', but 'node:20-alpine' does not ship it and the final stage does not "
            + "install it, so every check fails; the image has wget, use it instead");
    assertThat(tester.check("FROM python:3.12-slim\nHEALTHCHECK CMD [|curl|] -f http://localhost/\n").get(0).message())
        .endsWith("install it in the final stage, or probe with a program the image has");
  }
}
