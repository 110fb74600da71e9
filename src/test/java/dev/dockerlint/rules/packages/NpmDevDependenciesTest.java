package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpmDevDependenciesTest {
  private final RuleTester tester = new RuleTester(new NpmDevDependencies());

  static Stream<String> valid() {
    return Stream.of(
        "FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\n",
        "FROM node:20-slim\nRUN npm ci --omit dev\n",
        "FROM node:20-slim\nRUN npm install --production\n",
        "FROM node:20-slim\nRUN npm ci --only=production\n",
        "FROM node:20-slim\nENV NODE_ENV=production\nRUN npm ci\n",
        "FROM node:20-slim\nARG NODE_ENV=production\nRUN npm ci\n",
        "FROM node:20-slim\nENV NPM_CONFIG_OMIT=dev\nRUN npm ci\n",
        "FROM node:20-slim\nRUN NODE_ENV=production npm ci\n",
        "FROM node:20-slim\nRUN export NODE_ENV=production && npm ci\n",
        "FROM node:20-slim\nRUN npm ci && npm run build && npm prune --omit=dev\n",
        "FROM node:20-slim\nRUN npm ci\nRUN npm run build\nRUN npm prune --production\n",
        // a builder stage may install what it likes
        "FROM node:20 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
        // packages by name, global tools: not the project's dependencies
        "FROM node:20-slim\nRUN npm install -g pm2\n",
        "FROM node:20-slim\nRUN npm install left-pad\n",
        "FROM node:20-slim\nRUN npm run build\n",
        "FROM node:20-slim\nONBUILD RUN npm ci\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM node:20-slim\nCOPY package*.json ./\nRUN [|npm ci|]\n",
        "FROM node:20-slim\nRUN [|npm install|]\n",
        "FROM node:20-slim\nRUN [|npm i|] && npm run build\n",
        "FROM node:20-slim\nENV NODE_ENV=development\nRUN [|npm ci|]\n",
        "FROM node:20-slim\nRUN [|npm ci|] --no-audit --loglevel warn\n",
        "FROM node:20 AS deps\nRUN [|npm ci|]\nFROM deps\nCMD [\"node\", \"server.js\"]\n",
        "FROM node:20-slim\nRUN <<EOF\n[|npm ci|]\nnpm run build\nEOF\n",
        "FROM node:20-slim\nRUN npm config set fund false \\\n  # dependencies\n  && [|npm ci|]\n",
        // ENV set after the install does not change it
        "FROM node:20-slim\nRUN [|npm ci|]\nENV NODE_ENV=production\n",
        // pruning the dev dependencies of another stage does not help
        "FROM node:20 AS build\nRUN npm ci && npm prune --omit=dev\nFROM node:20-slim\nRUN [|npm ci|]\n");
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
  void messageSaysWhatToDo() {
    assertThat(tester.check("FROM node:20-slim\nRUN [|npm ci|]\n").get(0).message())
        .isEqualTo("'npm ci' in the final stage installs devDependencies too (test runners, bundlers, type checkers), "
            + "which then ship in the image; use 'npm ci --omit=dev', or build in an earlier stage (or run npm prune "
            + "--omit=dev after the build)");
  }
}
