package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstallFailureIgnoredTest {
  private final RuleTester tester = new RuleTester(new InstallFailureIgnored());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get install -y curl || exit 1\n",
        "FROM debian:12\nRUN apt-get install -y curl || (cat /var/log/apt/term.log; exit 1)\n",
        "FROM debian:12\nRUN apt-get install -y curl || { echo 'install failed' >&2; exit 1; }\n",
        "FROM debian:12\nRUN apt-get install -y curl || echo 'install failed' && exit 1\n",
        "FROM debian:12\nRUN apt-get install -y curl || { echo 'install failed'; false; }\n",
        // a fallback that can fail is not a swallow
        "FROM debian:12\nRUN apt-get install -y libssl3 || apt-get install -y libssl1.1\n",
        // not installs
        "FROM debian:12\nRUN apt-get update || true\n",
        "FROM debian:12\nRUN apt-get install -s curl || true\n",
        "FROM debian:12\nRUN make install || true\n",
        "FROM debian:12\nRUN dpkg -i /tmp/x.deb || true\n",
        "FROM golang:1.22\nRUN go get github.com/org/tool || true\n",
        "FROM debian:12\nRUN echo 'apt-get install -y x || true' > /notes\n",
        "FROM debian:12\nRUN [\"sh\", \"-c\", \"apt-get install -y x\"]\n",
        // '|| true' on a later, separate list
        "FROM debian:12\nRUN apt-get install -y curl; rm -f /tmp/x || true\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl || [|true|]\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl || [|exit 0|]\n",
        "FROM python:3.12\nRUN pip install -r requirements.txt || [|:|]\n",
        "FROM python:3.12\nRUN python3 -m pip install flask || [|echo \"pip failed\"|]\n",
        "FROM debian:12\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/* || [|true|]\n",
        "FROM debian:12\nRUN sudo apt-get install -y curl || [|/bin/true|]\n",
        "FROM fedora:40\nRUN dnf install -y curl | tee /tmp/log || [|true|]\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl || [|true|]\nEOF\n",
        "FROM node:20\nONBUILD RUN npm ci || [|true|]\n",
        "FROM debian:12\nRUN apt-get install -y \\\n  # tools\n  curl \\\n  || [|true|]\n",
        "FROM debian:12\nRUN (apt-get install -y curl || [|true|]) && echo done\n",
        "FROM ruby:3.3\nRUN gem install bundler || [|printf 'skipped\\n'|]; echo next\n",
        "FROM debian:12\nRUN apt-get install -y curl || { [|echo 'no curl'|]; exit; }\n",
        "FROM opensuse/leap:15\nRUN zypper -n in curl || [|true|]\n",
        "FROM debian:12 AS build\nRUN apt-get install -y gcc || [|true|]\nFROM debian:12\nRUN apt-get install -y curl || [|true|]\n");
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
  void messageQuotesTheSwallowAndTheInstall() {
    assertThat(tester.check("FROM debian:12\nRUN apt-get install -y curl || [|true|]\n").get(0).message())
        .isEqualTo("'|| true' swallows a failure of 'apt-get install', so the build goes on without the packages; "
            + "remove it, or handle the one failure you expect");
    assertThat(tester.check("FROM python:3.12\nRUN python3 -m pip install x || [|exit 0|]\n").get(0).message())
        .startsWith("'|| exit 0' swallows a failure of 'python3 -m pip install'");
  }

  @Test
  void oneFindingPerSwallowEvenWhenSeveralInstallsFallIntoIt() {
    assertThat(tester.check("FROM debian:12\nRUN apt-get install -y a && apt-get install -y b || [|true|]\n")).hasSize(1);
  }
}
