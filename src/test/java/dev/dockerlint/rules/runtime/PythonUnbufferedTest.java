package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PythonUnbufferedTest {
  private final RuleTester tester = new RuleTester(new PythonUnbuffered());

  static Stream<String> valid() {
    return Stream.of(
        "FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCMD [\"python\", \"app.py\"]\n",
        "FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\n",
        "FROM python:3.12-slim AS base\nENV PYTHONUNBUFFERED 1\nFROM base\n",
        "FROM python:3.12 AS build\nRUN pip wheel .\nFROM gcr.io/distroless/cc\n",
        "FROM node:20-alpine\n",
        "FROM pythonista/tool:1\n",
        "ARG BASE\nFROM $BASE\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|python:3.12-slim|]\nCMD [\"python\", \"app.py\"]\n",
        "FROM [|pypy:3.10|]\n",
        "FROM [|docker.io/library/python:3.12-alpine|]\n",
        "FROM [|tiangolo/uvicorn-gunicorn:python3.11|]\n",
        "ARG PY=3.12\nFROM [|python:${PY}-slim|] AS base\nENV PYTHONPATH=/app\nFROM base\n",
        "FROM [|python:3.12|] AS base\nFROM base AS final\nRUN echo PYTHONUNBUFFERED=1\n");
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
    var findings = tester.check("FROM [|python:3.12-slim|]\n");
    assertThat(findings.get(0).message()).isEqualTo("The final stage runs on Python image 'python:3.12-slim' without "
        + "PYTHONUNBUFFERED; add 'ENV PYTHONUNBUFFERED=1' so log lines are not held in a buffer");
  }
}
