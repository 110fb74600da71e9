package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstructionCasingTest {
  private final RuleTester tester = new RuleTester(new InstructionCasing());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN true\nCMD [\"sh\"]\n",
        "from alpine:3.20\nrun true\n",
        "arg V=1\nFROM alpine:3.20\nRUN true\n",
        "FROM alpine:3.20\nONBUILD run true\n",
        "FROM alpine:3.20\nRUN echo \\\n  from here\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\n[|run|] true\nCMD [\"sh\"]\n",
        "from alpine:3.20\nrun true\n[|RUN|] false\n",
        "FROM alpine:3.20\n[|Run|] true\n",
        "from alpine:3.20\nrun true\n[|Run|] false\n",
        "[|from|] alpine:3.20\nRUN true\n",
        "FROM golang:1.22 AS build\nRUN go build\n[|from|] alpine:3.20\nCOPY --from=build /x /x\n",
        "FROM alpine:3.20\nRUN <<EOF\necho from\nEOF\n[|workdir|] /app\n");
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
  void messageNamesTheMajorityCase() {
    assertThat(tester.check("FROM alpine:3.20\n[|run|] true\n").get(0).message())
        .isEqualTo("Instruction 'run' is not uppercase like most instructions in this file; write 'RUN'");
  }
}
