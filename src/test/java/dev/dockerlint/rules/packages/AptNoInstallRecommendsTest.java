package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AptNoInstallRecommendsTest {
  private final RuleTester tester = new RuleTester(new AptNoInstallRecommends());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
        "FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n",
        "FROM debian:12\nRUN apt-get install -s curl\n",
        "FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/01norec\nRUN apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update\n",
        "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|apt-get install|] -y curl\n",
        "FROM debian:12\nRUN [|apt install|] -y curl\n",
        "FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive [|apt-get -q install|] -y \\\n  curl\n");
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
    var findings = tester.check("FROM debian:12\nRUN [|apt-get install|] -y curl\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("--no-install-recommends"));
  }
}
