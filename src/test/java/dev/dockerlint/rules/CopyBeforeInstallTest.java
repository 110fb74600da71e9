package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyBeforeInstallTest {
  private final RuleTester tester = new RuleTester(new CopyBeforeInstall());

  static Stream<String> valid() {
    return Stream.of(
        "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n",
        "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
        "FROM node:20\nCOPY . .\nRUN npm install -g serve\n",
        "FROM node:20\nCOPY . .\nRUN npm install lodash\n",
        "FROM node:20\nCOPY . .\nRUN npm run build\n",
        "FROM python:3.12\nCOPY . .\nRUN pip install flask\n",
        "FROM golang:1.22 AS build\nCOPY . .\nFROM golang:1.22\nRUN go mod download\n",
        "FROM golang:1.22 AS build\nFROM golang:1.22\nCOPY --from=build . .\nRUN go mod download\n",
        "FROM node:20\nCOPY src/ ./src/\nRUN yarn install\n",
        "FROM node:20\nCOPY . .\nRUN echo 'npm ci'\n",
        "FROM node:20\nCOPY . .\nRUN yarn build\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM node:20\nWORKDIR /app\n[|COPY . .|]\nRUN npm ci\n",
        "FROM node:20\n[|COPY ./ /app/|]\nRUN npm install --production\n",
        "FROM node:20\n[|ADD . /app|]\nRUN yarn\n",
        "FROM node:20\n[|COPY --chown=node:node . .|]\nRUN yarn install --frozen-lockfile\n",
        "FROM node:20\n[|COPY . .|]\nRUN pnpm install\n",
        "FROM python:3.12\n[|COPY . /app|]\nRUN pip install --no-cache-dir -r requirements.txt\n",
        "FROM python:3.12\n[|COPY . .|]\nRUN python -m pip install -r requirements-dev.txt\n",
        "FROM python:3.12\n[|COPY . .|]\nRUN pip install poetry && poetry install --no-root\n",
        "FROM python:3.12\n[|COPY . .|]\nRUN pipenv install --deploy\n",
        "FROM ruby:3.3\n[|COPY . .|]\nRUN bundle install\n",
        "FROM golang:1.22\n[|COPY . .|]\nRUN go mod download\n",
        "FROM composer:2\n[|COPY . .|]\nRUN composer install --no-dev\n",
        "FROM maven:3.9\n[|COPY . .|]\nRUN mvn -B dependency:go-offline\n",
        "FROM gradle:8\n[|COPY . .|]\nRUN gradle dependencies\n",
        "FROM rust:1.80\n[|COPY . .|]\nRUN cargo fetch\n",
        "FROM node:20\n[|COPY \\\n  . \\\n  .|]\nRUN \\\n  npm ci\n");
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
  void messageNamesTheManifestAndTheInstallLine() {
    var findings = tester.check("FROM node:20\n[|COPY . .|]\nRUN npm ci\n");
    assertThat(findings.get(0).message()).contains("line 3").contains("package.json and package-lock.json");
  }
}
