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
        "FROM debian:12\nRUN echo 'apt-get install curl'\n",
        // heredoc bodies that no shell runs
        "FROM debian:12\nRUN python3 <<EOT\napt-get install curl\nEOT\n",
        "FROM debian:12\nRUN <<EOT\n#!/usr/bin/env python3\napt-get install curl\nEOT\n",
        "FROM debian:12\nRUN cat <<EOT > /setup.sh\napt-get install curl\nEOT\n",
        "FROM debian:12\nRUN bash -c 'apt-get install -y curl' <<EOT\napt-get install curl\nEOT\n",
        "FROM debian:12\nRUN bash 3<<EOT\napt-get install curl\nEOT\n",
        "FROM debian:12\nRUN <<A <<B\napt-get install curl\nA\napt-get install git\nB\n");
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
        "FROM debian:12\nRUN <<EOF\n[|apt-get install|] curl\nEOF\n",
        // heredocs a shell runs: the finding is in the body
        "FROM debian:12\nRUN <<EOT bash\n  set -ex\n  [|apt-get install|] curl\nEOT\n",
        "FROM debian:12\nRUN bash <<EOT\n[|apt-get install|] curl\nEOT\n",
        "FROM debian:12\nRUN sh -e <<'EOT'\n[|apt-get install|] $PKG\nEOT\n",
        "FROM debian:12\nRUN <<-EOT\n\t\t[|apt-get install|] curl\n\tEOT\n",
        "FROM debian:12\nRUN <<EOT\n#!/bin/bash\n[|apt-get install|] curl\nEOT\n",
        "FROM debian:12\nRUN <<A bash && <<B sh\n[|apt-get install|] curl\nA\n[|apt-get install|] git\nB\n",
        "FROM debian:12\nONBUILD RUN <<EOT bash\n[|apt-get install|] curl\nEOT\n");
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
