package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExposeSshTest {
  private final RuleTester tester = new RuleTester(new ExposeSsh());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nEXPOSE 80\n",
        "FROM alpine:3.20\nEXPOSE 2222\n",
        "FROM alpine:3.20\nEXPOSE 22/udp\n",
        "FROM alpine:3.20\nEXPOSE 20-25\n",
        "FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n",
        "FROM alpine:3.20\n# EXPOSE 22\nRUN echo 22\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nEXPOSE [|22|]\n",
        "FROM alpine:3.20\nEXPOSE 80 [|22/tcp|]\n",
        "FROM alpine:3.20\nARG SSH_PORT=22\nEXPOSE [|${SSH_PORT}|]\n",
        "FROM alpine:3.20\nEXPOSE 80 \\\n  [|22|]\n");
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
    assertThat(tester.check("FROM alpine:3.20\nEXPOSE [|22|]\n").get(0).message()).contains("'22'").contains("SSH").contains("docker exec");
  }
}
