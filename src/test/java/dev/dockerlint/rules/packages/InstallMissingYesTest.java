package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstallMissingYesTest {
  private final RuleTester tester = new RuleTester(new InstallMissingYes());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get install -qy curl\n",
        "FROM debian:12\nRUN apt-get -q=2 install curl\n",
        "FROM debian:12\nRUN apt-get install -qq curl\n",
        "FROM debian:12\nRUN apt-get -q -q install curl\n",
        "FROM debian:12\nRUN apt-get --assume-yes install curl\n",
        "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n",
        "FROM debian:12\nRUN apt-get install -s curl\n",
        "FROM debian:12\nRUN yes | apt-get install curl\n",
        "FROM debian:12\nRUN apt-get update\n",
        "FROM fedora:40\nRUN dnf --assumeyes install tar\n",
        "FROM opensuse/leap:15\nRUN zypper --non-interactive install curl\n",
        "FROM debian:12\nRUN echo 'apt-get install curl'\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|apt-get install|] curl\n",
        "FROM debian:12\nRUN [|apt-get -q install|] curl\n",
        "FROM debian:12\nRUN sudo [|apt-get install|] \\\n  # the tools\n  curl\n",
        "FROM centos:7\nRUN [|yum install|] tar\n",
        "FROM fedora:40\nRUN [|dnf install|] tar\n",
        "FROM fedora:40\nRUN [|microdnf install|] tar\n",
        "FROM opensuse/leap:15\nRUN [|zypper install|] curl\n",
        "FROM debian:12\nRUN <<EOF\n[|apt-get install|] curl\nEOF\n");
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
    var findings = tester.check("FROM debian:12\nRUN [|apt-get install|] curl && [|dnf install|] tar\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'apt-get install' without -y"));
    assertThat(findings).extracting(f -> f.aliases()).containsExactly(java.util.List.of("DL3014"), java.util.List.of("DL3038"));
  }
}
