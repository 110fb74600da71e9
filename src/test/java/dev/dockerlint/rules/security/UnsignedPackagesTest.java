package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnsignedPackagesTest {
  private final RuleTester tester = new RuleTester(new UnsignedPackages());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n",
        "FROM debian:12\nRUN apt-get install -y --allow-downgrades curl\n",
        "FROM debian:12\nRUN echo 'apt-get install --allow-unauthenticated x'\n",
        "FROM rockylinux:9\nRUN rpm -qa --nodeps\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN apk add [|--allow-untrusted|] /tmp/x.apk\n",
        "FROM debian:12\nRUN apt-get install -y [|--allow-unauthenticated|] curl\n",
        "FROM debian:12\nRUN sudo apt-get install [|--force-yes|] curl\n",
        "FROM debian:12\nRUN apt-get update [|-o Acquire::AllowInsecureRepositories=true|]\n",
        "FROM rockylinux:9\nRUN dnf install -y [|--nogpgcheck|] x-1.2\n",
        "FROM rockylinux:9\nRUN yum install -y [|--setopt=gpgcheck=0|] x-1.2\n",
        "FROM rockylinux:9\nRUN rpm -i [|--nosignature|] x.rpm\n");
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
    var findings = tester.check("FROM alpine:3.20\nRUN apk add [|--allow-untrusted|] x.apk && apt-get install [|--force-yes|] y\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'apk --allow-untrusted'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("signing key"));
    assertThat(findings).extracting(f -> f.aliases()).containsExactly(java.util.List.of("CKV2_DOCKER_7"), java.util.List.of("CKV2_DOCKER_11"));
  }
}
