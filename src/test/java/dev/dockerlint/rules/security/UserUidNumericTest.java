package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserUidNumericTest {
  private final RuleTester tester = new RuleTester(new UserUidNumeric());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nUSER 10001\n",
        "FROM alpine:3.20\nUSER 10001:app\n",
        "FROM alpine:3.20\n",
        "FROM alpine:3.20\nUSER root\n",
        "FROM alpine:3.20\nARG UID\nUSER $UID\n",
        "FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 1000\n",
        "FROM alpine:3.20\nARG UID=1000\nUSER ${UID}\n",
        "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nUSER [|app|]\n",
        "FROM alpine:3.20\nUSER [|app:app|]\n",
        "FROM alpine:3.20 AS base\nUSER [|node|]\nFROM base\nCMD [\"node\"]\n",
        "FROM alpine:3.20\nARG NAME=svc\nUSER [|$NAME|]\n");
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
    assertThat(tester.check("FROM alpine:3.20\nUSER [|app:app|]\n").get(0).message())
        .isEqualTo("USER app:app names the user; Kubernetes runAsNonRoot can only verify a numeric UID, so use the UID (for example USER 10001:app)");
  }
}
