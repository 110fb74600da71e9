package dev.dockerlint.rules.runtime;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HealthcheckMissingTest {
  private final RuleTester tester = new RuleTester(new HealthcheckMissing());

  static Stream<String> valid() {
    return Stream.of(
        "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
        "FROM alpine:3.20\nHEALTHCHECK NONE\n",
        "FROM alpine:3.20\nhealthcheck --interval=5s \\\n  CMD [\"/bin/check\"]\n",
        "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN echo\n",
        "FROM alpine:3.20 AS a\nHEALTHCHECK NONE\nFROM a AS b\nFROM b\n",
        "");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|nginx:1.27|]\n",
        // a healthcheck in a builder stage does not reach the final image
        "FROM alpine:3.20 AS build\nHEALTHCHECK CMD true\nFROM [|alpine:3.20|]\n",
        "FROM alpine:3.20 AS base\nFROM base AS mid\nFROM [|mid|]\n");
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
}
