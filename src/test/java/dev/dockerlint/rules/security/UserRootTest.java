package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UserRootTest {
  private final RuleTester tester = new RuleTester(new UserRoot());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nUSER app\n",
        "FROM alpine:3.20\nUSER 1000:1000\n",
        "FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER 10001\n",
        "FROM alpine:3.20\nARG UID=1000\nUSER ${UID}\n",
        "FROM alpine:3.20\nENV APP_USER=app\nUSER $APP_USER:$APP_USER\n",
        // unknown until build time: no default
        "FROM alpine:3.20\nARG UID\nUSER ${UID}\n",
        // builder stages are never reported
        "FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nUSER nobody\n",
        // inherited through FROM <stage>
        "FROM alpine:3.20 AS base\nUSER app\nFROM base\nRUN echo hi\n",
        "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
        "FROM golang:1.22 AS build\nFROM gcr.io/distroless/base:nonroot AS runtime\nFROM runtime\n",
        "FROM alpine:3.20\nUSER 01000\n",
        "FROM alpine:3.20\nUSER \\\n  app\n",
        // Windows: Nano Server runs as ContainerUser unless told otherwise
        "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/app.exe\n",
        "FROM golang:1.22-nanoserver-ltsc2022\nCOPY app.exe C:/app/app.exe\n",
        "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\n"
            + "RUN setx /M PATH \"%PATH%;C:\\app\"\nUSER ContainerUser\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n",
        // a user whose name merely contains the word
        "FROM alpine:3.20\nUSER containeradministrators-readonly\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM [|alpine:3.20|]\nRUN echo hi\n",
        "FROM alpine:3.20\nUSER [|root|]\n",
        "FROM alpine:3.20\nUSER app\nUSER [|0|]\n",
        "FROM alpine:3.20\nUSER [|root:root|]\n",
        "FROM alpine:3.20\nUSER [|0:0|]\n",
        "FROM alpine:3.20\nUSER [|000|]\n",
        "FROM alpine:3.20\nARG RUN_AS=root\nUSER [|${RUN_AS}|]\n",
        "FROM alpine:3.20 AS base\nUSER app\nFROM [|alpine:3.20|]\n",
        "FROM alpine:3.20 AS base\nUSER [|root|]\nFROM base\n",
        "FROM golang:1.22 AS build\nUSER app\nFROM [|scratch|]\n",
        "FROM alpine:3.20\nuser [|ROOT|]\n",
        "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER [|ContainerAdministrator|]\n",
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER [|containeradministrator|]\n",
        "FROM [|mcr.microsoft.com/windows/servercore:ltsc2025|]\nRUN echo hi\n",
        "FROM [|python:3.13-windowsservercore-ltsc2022|]\n",
        "ARG ADMIN=ContainerAdministrator\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nARG ADMIN\n"
            + "USER [|${ADMIN}|]\n");
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
  void messagesSayWhatToDo() {
    assertThat(tester.check("FROM alpine:3.20\nUSER [|root|]\n").get(0).message())
        .startsWith("The final stage switches to root (USER root)");
    assertThat(tester.check("FROM [|alpine:3.20|]\n").get(0).message())
        .contains("no USER is set").contains("USER 10001");
    assertThat(tester.check("FROM nanoserver-base:1\nUSER [|ContainerAdministrator|]\n").get(0).message())
        .isEqualTo("The final stage switches to ContainerAdministrator (USER ContainerAdministrator), the Windows "
            + "container's administrator; switch to USER ContainerUser after the steps that need it");
    assertThat(tester.check("FROM [|mcr.microsoft.com/windows/servercore:ltsc2022|]\n").get(0).message())
        .contains("ContainerAdministrator").endsWith("add USER ContainerUser");
  }
}
