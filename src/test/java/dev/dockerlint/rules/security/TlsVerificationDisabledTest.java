package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TlsVerificationDisabledTest {
  private final RuleTester tester = new RuleTester(new TlsVerificationDisabled());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN curl -fsSL https://x\n",
        "FROM debian:12\nRUN echo 'curl -k https://x'\n",
        "FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n",
        "FROM python:3.12\nENV PYTHONHTTPSVERIFY=1\n",
        "FROM debian:12\nRUN wget -q https://x && tar -xkf x.tar\n",
        "FROM node:22\nRUN npm config set strict-ssl true\n",
        "FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False tar-1.35\n",
        "FROM debian:12\nARG GIT_SSL_NO_VERIFY\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN curl [|-fsSLk|] https://x\n",
        "FROM debian:12\nRUN sudo curl [|--insecure|] https://x\n",
        "FROM debian:12\nRUN wget [|--no-check-certificate|] https://x\n",
        "FROM python:3.12\nRUN pip install [|--trusted-host|] pypi.example.com requests==2\n",
        "FROM python:3.12\nENV [|PYTHONHTTPSVERIFY=0|]\n",
        "FROM node:22\nARG [|NODE_TLS_REJECT_UNAUTHORIZED=0|]\n",
        "FROM node:22\nRUN [|NODE_TLS_REJECT_UNAUTHORIZED=0|] npm ci\n",
        "FROM node:22\nRUN export [|NPM_CONFIG_STRICT_SSL=false|] && npm ci\n",
        "FROM node:22\nRUN npm config set [|strict-ssl false|]\n",
        "FROM debian:12\nENV [|GIT_SSL_NO_VERIFY=false|]\n",
        "FROM debian:12\nRUN git -c [|http.sslVerify=false|] clone https://x\n",
        "FROM debian:12\nRUN git config --global [|http.sslverify 0|]\n",
        "FROM fedora:40\nRUN dnf install -y [|--setopt=sslverify=0|] tar-1.35\n",
        "FROM python:3.12\nARG OFF=0\nENV [|PYTHONHTTPSVERIFY=$OFF|]\n",
        "FROM python:3.12\nENV [|PIP_TRUSTED_HOST=pypi.example.com|]\n");
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
    var findings = tester.check("FROM debian:12\nRUN curl [|-k|] https://x && wget [|--no-check-certificate|] https://y\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'curl -k'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("CA certificate"));
    assertThat(findings).extracting(f -> f.aliases()).containsExactly(java.util.List.of("CKV2_DOCKER_2"), java.util.List.of("CKV2_DOCKER_3"));
  }
}
