package dev.dockerlint.rules.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyRelativeNoWorkdirTest {
  private final RuleTester tester = new RuleTester(new CopyRelativeNoWorkdir());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nCOPY <<EOF /app/x\nhi\nEOF\n",
        "FROM alpine:3.20\nCOPY a /app/\n",
        "FROM alpine:3.20\nWORKDIR /app\nCOPY a .\n",
        "FROM alpine:3.20\nWORKDIR /app\nCOPY a b ./\n",
        "FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nCOPY a .\n",
        "FROM alpine:3.20 AS one\nWORKDIR /app\nFROM one AS two\nRUN true\nFROM two\nCOPY a b/\n",
        "FROM alpine:3.20\nARG DEST=/app\nCOPY a $DEST\n",
        "FROM alpine:3.20\nCOPY a ${DEST}\n",
        "FROM alpine:3.20\nCOPY a \"/app/\"\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a C:/app/\n",
        "FROM alpine:3.20\nONBUILD COPY a .\n",
        "FROM alpine:3.20\nCOPY [\"a\", \"/app/\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nCOPY <<EOF [|x|]\nhi\nEOF\n",
        "FROM alpine:3.20\nCOPY a [|.|]\n",
        "FROM alpine:3.20\nADD a [|app/|]\n",
        "FROM alpine:3.20\nCOPY a [|app/|]\nWORKDIR /app\nCOPY b .\n",
        "FROM alpine:3.20 AS a\nWORKDIR /app\nFROM alpine:3.20\nCOPY x [|.|]\n",
        "FROM alpine:3.20\nCOPY --from=build /out [|bin/|]\n",
        "FROM alpine:3.20\nARG DEST=app\nCOPY a [|$DEST|]\n",
        "FROM alpine:3.20\nCOPY [\"a\", [|\"app/\"|]]\n",
        "FROM alpine:3.20\nCOPY a \\\n  [|app/|]\n");
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
    assertThat(tester.check("FROM alpine:3.20\nCOPY a [|app/|]\n").get(0).message()).contains("'app/'").contains("WORKDIR").contains("absolute");
  }
}
