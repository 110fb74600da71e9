package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HealthcheckMissingTest {
  private final RuleTester tester = new RuleTester(new HealthcheckMissing());

  static Stream<String> valid() {
    return Stream.of(
        "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
        "FROM alpine:3.20\nEXPOSE 80\nHEALTHCHECK NONE\n",
        "FROM alpine:3.20\nEXPOSE 80\nhealthcheck --interval=5s \\\n  CMD [\"/bin/check\"]\n",
        "FROM alpine:3.20 AS base\nEXPOSE 80\nHEALTHCHECK CMD true\nFROM base\nRUN echo\n",
        "FROM alpine:3.20 AS a\nEXPOSE 80\nHEALTHCHECK NONE\nFROM a AS b\nFROM b\n",
        // nothing to probe with: scratch, distroless, Windows
        "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nEXPOSE 8080\n"
            + "ENTRYPOINT [\"/app\"]\n",
        "FROM gcr.io/distroless/static-debian12\nCOPY app /app\nEXPOSE 8080\nCMD [\"/app\"]\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nEXPOSE 80\nCMD [\"app.exe\"]\n",
        "FROM python:3.13-windowsservercore-ltsc2022\nEXPOSE 8000\n",
        // php-fpm speaks FastCGI
        "FROM php:8.3-fpm\nCOPY . /var/www/html\n",
        "FROM php:8.3-fpm-alpine\nEXPOSE 9000\n",
        "FROM debian:12-slim\nRUN apt-get update && apt-get install -y php-fpm\nEXPOSE 9000\nCMD [\"php-fpm8.2\", \"-F\"]\n",
        // nothing listens: a command-line tool, a base image, a batch job
        "FROM alpine:3.20\nRUN apk add --no-cache jq\nENTRYPOINT [\"jq\"]\n",
        "FROM python:3.12-slim\nCOPY job.py /job.py\nCMD [\"python\", \"/job.py\"]\n",
        "FROM golang:1.22\n",
        "FROM php:8.3-cli\nCMD [\"php\", \"-a\"]\n",
        "FROM node:22-bookworm\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"node\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|nginx:1.27|]\n",
        "FROM alpine:3.20 AS build\nHEALTHCHECK CMD true\nFROM [|alpine:3.20|]\nEXPOSE 8080\n",
        "FROM alpine:3.20 AS base\nEXPOSE 80\nFROM base AS mid\nFROM [|mid|]\n",
        "FROM [|php:8.3-apache|]\nCOPY src/ /var/www/html/\n",
        "FROM [|postgres:16|]\n",
        "FROM [|alpine:3.20|]\nRUN apk add --no-cache tor\nEXPOSE 9050\nENTRYPOINT [\"tor\"]\n",
        "ARG PORT=8080\nFROM [|node:22-slim|]\nARG PORT\nEXPOSE $PORT\nCMD [\"node\", \"server.js\"]\n");
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

  /** The example probe runs with a program the image has, or there is no example. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "'FROM nginx:1.27'                                        | (for example HEALTHCHECK CMD curl -f http://localhost/ || exit 1)",
      "'FROM nginx:1.27-alpine'                                 | (for example HEALTHCHECK CMD wget -qO- http://localhost/ || exit 1)",
      "'FROM python:3.12\\nEXPOSE 8000'                          | (for example HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1)",
      "'FROM node:22-alpine\\nEXPOSE 3000'                       | (for example HEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1)",
      "'FROM debian:12-slim\\nRUN apt-get install -y curl=7.88\\nEXPOSE 8080' | (for example HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1)",
      "'FROM debian:12-slim\\nRUN apt-get install -y wget\\nEXPOSE 8080' | (for example HEALTHCHECK CMD wget -qO- http://localhost:8080/ || exit 1)",
      "'FROM debian:bookworm-slim\\nRUN apt-get install -y $PHPIZE_DEPS ca-certificates curl\\nEXPOSE 80\\nCMD [\"apache2-foreground\"]' | (for example HEALTHCHECK CMD curl -f http://localhost/ || exit 1)",
      "'FROM postgres:16-alpine'                                | (for example HEALTHCHECK CMD pg_isready -U postgres || exit 1)",
      "'FROM debian:12-slim\\nRUN apt-get install -y postgresql\\nEXPOSE 5432' | (for example HEALTHCHECK CMD pg_isready -U postgres || exit 1)",
      "'FROM mariadb:11'                                        | (for example HEALTHCHECK CMD healthcheck.sh --connect --innodb_initialized || exit 1)",
      "'FROM redis:7'                                           | (for example HEALTHCHECK CMD redis-cli ping || exit 1)",
      // no curl in slim images, and no HTTP on other ports: no example
      "'FROM python:3.12-slim\\nEXPOSE 8000'                     | add one that checks the service on port 8000 with a program the image contains",
      "'FROM node:22-bookworm-slim\\nEXPOSE 3000'                | add one that checks the service on port 3000 with a program the image contains",
      "'FROM debian:12\\nEXPOSE 80'                              | add one that checks the service on port 80 with a program the image contains",
      "'FROM alpine:3.20\\nEXPOSE 9050'                          | add one that checks the service on port 9050 with a program the image contains",
      "'FROM memcached:1.6'                                     | add one that checks the service on port 11211 with a program the image contains"})
  void probeFitsTheImage(String dockerfile, String expected) {
    var findings = tester.lint(dockerfile.replace("\\n", "\n") + "\n");
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains(expected));
  }

  @Test
  void messageSaysWhatToDo() {
    assertThat(tester.check("FROM [|nginx:1.27|]\n").get(0).message())
        .isEqualTo("The final stage has no HEALTHCHECK; add one (for example HEALTHCHECK CMD curl -f http://localhost/ "
            + "|| exit 1) or state HEALTHCHECK NONE if the image is not a service");
  }
}
