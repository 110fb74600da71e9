package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WgetAndCurlTest {
  private final RuleTester tester = new RuleTester(new WgetAndCurl());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get install -y curl wget\nRUN curl -fsSLO https://x\n",
        "FROM debian:12 AS a\nRUN wget -q https://x\nFROM debian:12\nRUN curl -fsSLO https://x\n",
        "FROM debian:12\nRUN command -v wget || curl -fsSLO https://x\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN wget -q https://x\nRUN [|curl|] -fsSLO https://y\nRUN curl -fsSLO https://z\n",
        "FROM debian:12\nRUN curl -fsSLO https://x && [|wget|] -q https://y && wget -q https://z\n");
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
    var findings = tester.check("FROM debian:12\nRUN wget -q x\nRUN [|curl|] -O y\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'curl'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'wget' (line 2)"));
  }
}
