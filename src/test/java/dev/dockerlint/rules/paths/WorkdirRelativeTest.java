package dev.dockerlint.rules.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkdirRelativeTest {
  private final RuleTester tester = new RuleTester(new WorkdirRelative());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nWORKDIR /app\n",
        "FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\n",
        "FROM alpine:3.20\nARG DIR=/srv\nWORKDIR $DIR/app\n",
        "FROM alpine:3.20\nENV APP_HOME=/opt/app\nWORKDIR ${APP_HOME}\n",
        "FROM alpine:3.20\nWORKDIR $HOME/app\n",
        "FROM alpine:3.20\nARG DIR\nWORKDIR ${DIR}\n",
        "FROM alpine:3.20\nWORKDIR \"/my app\"\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:/app\n",
        "FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n",
        "FROM alpine:3.20\nWORKDIR \\\n  /app\n",
        "FROM alpine:3.20\n# WORKDIR app\nRUN echo hi\n",
        "FROM alpine:3.20\nONBUILD WORKDIR app\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nWORKDIR \\\n# where\n  [|app|]\n",
        "FROM alpine:3.20\nWORKDIR [|app|]\n",
        "FROM alpine:3.20\nWORKDIR [|app|]\nWORKDIR /srv\n",
        "FROM alpine:3.20\nWORKDIR [|\"app/\"|]\n",
        "FROM alpine:3.20\nARG DIR=app\nWORKDIR [|$DIR|]\n",
        "FROM alpine:3.20\nWORKDIR [|app/$UNSET|]\n",
        "FROM alpine:3.20 AS base\nRUN echo hi\nFROM base\nWORKDIR [|src|]\n",
        "FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR [|src|]\n",
        "FROM alpine:3.20\nworkdir [|./app|]\n",
        "FROM alpine:3.20\nWORKDIR \\\n  [|app|]\n");
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
    assertThat(tester.check("FROM alpine:3.20\nWORKDIR [|app/|]\n").get(0).message()).contains("'app/'").contains("/app/");
    assertThat(tester.check("FROM alpine:3.20\nWORKDIR [|./src|]\n").get(0).message()).contains("'./src'").contains("/src");
  }
}
