package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InitProcessTest {
  private final RuleTester tester = new RuleTester(new InitProcess());

  static Stream<String> valid() {
    return Stream.of(
        "FROM node:20-slim\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"node\", \"server.js\"]\n",
        "FROM node:20-slim\nENTRYPOINT [\"/usr/bin/dumb-init\", \"--\"]\nCMD [\"node\", \"server.js\"]\n",
        "FROM python:3.12-slim\nENTRYPOINT [\"/sbin/tini\", \"--\", \"python\", \"app.py\"]\n",
        // an entrypoint script decides what PID 1 is
        "FROM node:20-slim\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"node\", \"server.js\"]\n",
        // a bare interpreter is a REPL default
        "FROM python:3.12-slim\nCMD [\"python3\"]\n",
        // shell form runs under /bin/sh
        "FROM node:20-slim\nCMD node server.js\n",
        "FROM node:20-slim\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
        "FROM node:20 AS build\nCMD [\"node\", \"x.js\"]\nFROM nginx:1.27\n",
        "FROM node:20-slim\nCMD [\"node\", \"a.js\"]\nFROM node:20-slim\nENTRYPOINT [\"tini\", \"--\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM node:20-slim\nCMD [[|\"node\"|], \"server.js\"]\n",
        "FROM node:20-slim\nCMD [[|\"npm\"|], \"start\"]\n",
        "FROM python:3.12-slim\nCMD [[|\"/usr/local/bin/python3.12\"|], \"-m\", \"app\"]\n",
        "FROM python:3.12-slim\nENTRYPOINT [[|\"python\"|], \"app.py\"]\n",
        // CMD inherited from a base stage
        "FROM node:20-slim AS base\nCMD [[|\"yarn\"|], \"start\"]\nFROM base\nRUN true\n",
        "FROM node:20-slim\nCMD [\"x\"]\nCMD [[|\"node\"|], \\\n  \"server.js\"]\n");
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
  void message() {
    var findings = tester.check("FROM node:20-slim\nCMD [[|\"node\"|], \"server.js\"]\n");
    assertThat(findings.get(0).message()).isEqualTo("'node' runs as PID 1, which neither forwards signals by "
        + "default nor reaps zombies; start it through an init: ENTRYPOINT [\"tini\", \"--\"] or dumb-init "
        + "(or docker run --init)");
  }
}
