package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PackageUnpinnedTest {
  private final RuleTester tester = new RuleTester(new PackageUnpinned());

  static Stream<String> valid() {
    return Stream.of(
        "FROM golang:1.22\nRUN go run github.com/org/tool@v1.2.3 generate ./...\n",
        "FROM golang:1.22\nRUN go run ./cmd/gen && go run main.go\n",
        "FROM python:3.12\nRUN pip install git+https://github.com/org/p.git@0.6-alpha#egg=p\n",
        "FROM python:3.12\nRUN pip install 'p @ git+https://github.com/org/p.git@v1.0'\n",
        "FROM ruby:3.3\nRUN gem install bundler --version='2.0.1'\n",
        "FROM ruby:3.3\nRUN gem install bundler:2.0.1 && gem install rake -v \"13.0\"\n",
        "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n",
        "FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl/bookworm-backports ./x.deb\n",
        "FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confold curl=7.88\n",
        "FROM debian:12\nARG V=7.88\nRUN apt-get install -y curl=$V\n",
        "FROM debian:12\nRUN apt-get install -y $UNKNOWN\n",
        "FROM debian:12\nRUN apt-get install -y gcc && make && apt-get purge -y gcc\n",
        "FROM debian:12\nRUN apt-get install -y gcc && make && apt-mark auto '.*' && apt-get purge -y --auto-remove\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9 bash~5.2\n",
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc && make && apk del .deps\n",
        "FROM python:3.12\nRUN pip install -r requirements.txt\n",
        "FROM python:3.12\nRUN pip install . ./lib flask==3 'django>=4' https://x/y.whl\n",
        "FROM python:3.12\nRUN pip install --index-url https://x flask==3\n",
        "FROM node:22\nRUN npm install\n",
        "FROM node:22\nRUN npm install -g npm@10.8.2 @scope/pkg@1.2\n",
        "FROM ruby:3\nRUN gem install bundler -v 2.5.0\n",
        "FROM ruby:3\nRUN gem install rails:7.1.0\n",
        "FROM fedora:40\nRUN dnf install -y tar-1.35 openssl-1:3.1.1 @development-tools\n",
        "FROM opensuse/leap:15\nRUN zypper -n install curl=8.0\n",
        "FROM golang:1.22\nRUN go install golang.org/x/tools/cmd/stringer@v0.20.0 ./cmd/...\n",
        "FROM debian:12\nRUN echo 'apt-get install curl'\n",
        "FROM debian:12\nRUN apt-get install -s curl\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM golang:1.22\nRUN go run [|github.com/org/tool|] -flag x\n",
        "FROM golang:1.22\nRUN go run -mod=mod [|github.com/org/tool@latest|] generate\n",
        "FROM python:3.12\nRUN pip install [|git+https://github.com/org/p.git#egg=p|]\n",
        "FROM python:3.12\nRUN pip install [|git+ssh://git@github.com/org/p.git|]\n",
        "FROM python:3.12\nRUN pip install [|git+https://github.com/org/p.git@main#egg=p|]\n",
        "FROM ruby:3.3\nRUN gem install [|rails|]\n",
        "FROM debian:12\nRUN apt-get install -y [|curl|] [|wget|]\n",
        "FROM debian:12\nRUN sudo apt-get install -y \\\n  # tools\n  [|curl|] \\\n  git=1:2.39\n",
        "FROM debian:12\nARG PKGS=curl\nRUN apt-get install -y [|$PKGS|]\n",
        "FROM alpine:3.20\nRUN apk add --no-cache [|curl|]\n",
        "FROM python:3.12\nRUN pip install [|flask|] [|'requests[socks]'|]\n",
        "FROM python:3.12\nRUN python3 -m pip install --upgrade [|pip|]\n",
        "FROM python:3.12\nRUN pipx install [|black|]\n",
        "FROM node:22\nRUN npm install -g [|typescript|] [|npm@latest|]\n",
        "FROM ruby:3\nRUN gem install [|rails|]\n",
        "FROM centos:7\nRUN yum install -y [|java-17-openjdk|]\n",
        "FROM fedora:40\nRUN dnf install -y [|tar|]\n",
        "FROM opensuse/leap:15\nRUN zypper -n install [|curl|]\n",
        "FROM golang:1.22\nRUN go install [|golang.org/x/tools/cmd/stringer@latest|]\n",
        "FROM debian:12\nRUN <<EOF\napt-get install -y [|curl|]\nEOF\n");
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
    var findings = tester.check("FROM debian:12\nRUN apt-get install -y [|curl|] && pip install [|flask|] && npm i -g [|typescript|]\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'curl'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("curl=<version>"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("flask==<version>"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("typescript@<version>"));
    assertThat(findings).extracting(f -> f.aliases()).containsExactly(java.util.List.of("DL3008"), java.util.List.of("DL3013"), java.util.List.of("DL3016"));
  }
}
