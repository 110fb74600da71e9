package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpmCiTest {
  private final RuleTester tester = new RuleTester(new NpmCi());

  static Stream<String> valid() {
    return Stream.of(
        "FROM node:22\nRUN npm ci\n",
        "FROM node:22\nRUN npm install -g typescript@5.4.5\n",
        "FROM node:22\nRUN npm install express@4.19.2\n",
        "FROM node:22\nCOPY package.json ./\nRUN npm install\n",
        "FROM node:22\nRUN npm install --package-lock-only\n",
        "FROM node:22\nRUN echo 'npm install'\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM node:22\nCOPY package.json package-lock.json ./\nRUN [|npm install|]\n",
        "FROM node:22\nCOPY . .\nRUN [|npm i|] --production\n",
        "FROM node:22\nCOPY package*.json ./\nRUN cd /app && [|npm install|] --omit=dev\n");
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
  void messageQuotesTheValueAndSaysWhatToDo() {
    var findings = tester.check("FROM node:22\nCOPY . .\nRUN [|npm install|] --production\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'npm ci --omit=dev'"));
  }
}
