package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AptUseAptGetTest {
  private final RuleTester tester = new RuleTester(new AptUseAptGet());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-cache policy curl\n",
        "FROM debian:12\nRUN echo 'apt install'\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|apt install|] -y curl\n",
        "FROM debian:12\nRUN [|apt update|] && [|apt -y install|] curl\n",
        "FROM debian:12\nRUN sudo [|apt|]\n");
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
    var findings = tester.check("FROM debian:12\nRUN [|apt search|] curl\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'apt search'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'apt-cache search'"));
  }
}
