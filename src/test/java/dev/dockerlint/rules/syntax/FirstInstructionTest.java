package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FirstInstructionTest {
  private final RuleTester tester = new RuleTester(new FirstInstruction());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\n",
        "ARG V=3.20\nFROM alpine:$V\n",
        "# comment\n# syntax=x\nFROM alpine:3.20\n",
        "RUNN x\nFROM alpine:3.20\n",
        // Docker reports the bad flag first (syntax-error), before it looks for a stage
        "RUN --foo x\nFROM alpine:3.20\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "[|WORKDIR|] /app\nFROM alpine:3.20\n",
        "ARG V=1\n[|ENV|] A=1\n[|RUN|] true\nFROM alpine:3.20\n",
        "[|run|] echo hello\n");
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
    assertThat(tester.check("[|WORKDIR|] /app\nFROM alpine:3.20\n").get(0).message())
        .isEqualTo("WORKDIR comes before the first FROM (Docker: no build stage in current context); start the "
            + "Dockerfile with FROM (only ARG may precede it)");
  }
}
