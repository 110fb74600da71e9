package dev.dockerlint.rules.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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
        "FROM node:20\nCOPY . .\nRUN yarn build\n",
        "FROM node:20\nCOPY . .\nRUN npm install --global\n",
        "FROM python:3.12\nCOPY . .\nRUN pipenv run app\n",
        // pip reads requirements but installs nothing, or is not run at all
        "FROM python:3.12\nCOPY . .\nRUN pip download -r requirements.txt\n",
        "FROM python:3.12\nCOPY . .\nRUN python setup.py install -r requirements.txt\n",
        "FROM python:3.12\nCOPY . .\nRUN python -m venv /venv -r requirements.txt\n",
        "FROM python:3.12\nCOPY . .\nRUN python -r requirements.txt -m pip install\n",
        // incomplete commands name no manifest
        "FROM python:3.12\nCOPY . .\nRUN pip install -r\n",
        "FROM python:3.12\nCOPY . .\nRUN python -m\n",
        "FROM golang:1.22\nCOPY . .\nRUN go mod\n",
        "FROM golang:1.22\nCOPY . .\nRUN go mod tidy\n",
        // the install came first
        "FROM node:20\nRUN npm ci\nCOPY . .\n",
        // an incomplete COPY is a syntax error (Docker rejects it), not read as a copy of the context
        "FROM node:20\nCOPY .\nRUN npm ci\n");
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
        "FROM node:20\n[|COPY \\\n  . \\\n  .|]\nRUN \\\n  npm ci\n",
        "FROM node:20\n[|COPY . .|]\nRUN npm i\n",
        "FROM node:20\n[|COPY * ./|]\nRUN pnpm i\n",
        "FROM node:20\n[|COPY ./* /app/|]\nRUN npm ci\n",
        "FROM node:20\n[|COPY package.json . /app/|]\nRUN npm ci\n",
        "FROM python:3.12\n[|COPY . .|]\nRUN pipenv sync\n",
        // one finding per COPY, for the first whole copy, at the first install after it
        "FROM node:20\n[|COPY . .|]\nCOPY ./ /app/\nRUN npm ci\nRUN npm ci\n",
        "FROM node:20\n[|COPY . .|]\nRUN npm ci\n[|COPY . .|]\nRUN npm ci\n",
        "FROM node:20 AS a\n[|COPY . .|]\nRUN npm ci\nFROM node:20\n[|COPY . .|]\nRUN yarn\n");
  }

  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n", "COPY", 3, "requirements.txt"),
        Arguments.of("FROM python:3.12\nCOPY . .\n\nRUN pip3 install --requirement req/base.txt\n", "COPY", 4, "req/base.txt"),
        Arguments.of("FROM python:3.12\nCOPY . .\nRUN pip install --requirement=dev.txt\n", "COPY", 3, "dev.txt"),
        Arguments.of("FROM python:3.12\nCOPY . .\nRUN pip install -rprod.txt\n", "COPY", 3, "prod.txt"),
        Arguments.of("FROM python:3.12\nCOPY . .\nRUN python3 -m pip install --upgrade -r r.txt\n", "COPY", 3, "r.txt"),
        Arguments.of("FROM python:3.12\nADD . /app\nRUN pipenv install\n", "ADD", 3, "Pipfile and Pipfile.lock"),
        Arguments.of("FROM python:3.12\nCOPY . .\nRUN poetry install\n", "COPY", 3, "pyproject.toml and poetry.lock"),
        Arguments.of("FROM node:20\nCOPY . .\nRUN yarn\n", "COPY", 3, "package.json and yarn.lock"),
        Arguments.of("FROM node:20\nCOPY . .\nRUN pnpm install\n", "COPY", 3, "package.json and pnpm-lock.yaml"),
        Arguments.of("FROM ruby:3.3\nCOPY . .\nRUN bundle install\n", "COPY", 3, "Gemfile and Gemfile.lock"),
        Arguments.of("FROM golang:1.22\nCOPY . .\nRUN go mod download\n", "COPY", 3, "go.mod and go.sum"),
        Arguments.of("FROM composer:2\nCOPY . .\nRUN composer install\n", "COPY", 3, "composer.json and composer.lock"),
        Arguments.of("FROM maven:3.9\nCOPY . .\nRUN mvn dependency:resolve\n", "COPY", 3, "pom.xml"),
        Arguments.of("FROM gradle:8\nCOPY . .\nRUN gradle dependencies\n", "COPY", 3,
            "build.gradle (or build.gradle.kts) and settings.gradle"),
        Arguments.of("FROM rust:1.80\nCOPY . .\nRUN cargo fetch\n", "COPY", 3, "Cargo.toml and Cargo.lock"));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void messageNamesTheInstructionTheLineAndTheManifest(String source, String keyword, int line, String manifest) {
    assertThat(tester.lint(source)).extracting(f -> f.message()).containsExactly(keyword
        + " of the whole build context comes before the dependency install on line " + line
        + ", so every source change reinstalls them; copy " + manifest + " first, install, then copy the rest");
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
