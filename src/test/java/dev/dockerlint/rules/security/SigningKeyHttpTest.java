package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SigningKeyHttpTest {
  private final RuleTester tester = new RuleTester(new SigningKeyHttp());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/x.gpg\n",
        "FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | apt-key add -\n",
        "FROM debian:12\nRUN wget -qO- https://example.com/key.asc | apt-key add -\n",
        // plain http for packages is fine: apt checks their signatures with the key
        "FROM debian:12\nRUN echo 'deb [signed-by=/etc/apt/keyrings/x.asc] http://apt.example.com stable main' "
            + "> /etc/apt/sources.list.d/x.list\n",
        "FROM debian:12\nRUN curl -fsSL http://example.com/app.tgz | tar -xz -C /opt\n",
        // a keyserver by fingerprint: gpg checks the key it receives against what it asked for
        "FROM debian:12\nRUN gpg --keyserver http://keyserver.example.com --recv-keys "
            + "B42F6819007F00F88E364FD4036A9C25BF357DD4\n",
        "FROM debian:12\nRUN curl -o /tmp/key.asc http://example.com/key.asc && echo done\n",
        "FROM debian:12\nRUN curl http://example.com/key.asc -o /tmp/other && gpg --import /tmp/key.asc\n",
        "FROM fedora:40\nRUN rpm --import https://example.com/RPM-GPG-KEY\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:11\nRUN curl -fsSL [|http://example.com/key.asc|] | apt-key add -\n",
        "FROM debian:11\nRUN wget -qO- [|http://example.com/key.asc|] | sudo apt-key add -\n",
        "FROM debian:12\nRUN curl -fsSL [|http://example.com/key.asc|] | gpg --dearmor | tee /usr/share/keyrings/x.gpg\n",
        "FROM debian:12\nRUN curl -fsSL [|http://example.com/key.asc|] | gpg --dearmor -o /etc/apt/keyrings/x.gpg\n",
        "FROM debian:12\nRUN curl -fsSL [|http://example.com/key.asc|] | tee /etc/apt/trusted.gpg.d/x.asc\n",
        "FROM debian:12\nRUN curl -fsSL -o /etc/apt/keyrings/x.asc [|http://example.com/key.asc|]\n",
        "FROM debian:12\nRUN curl -fsSL [|http://example.com/key.asc|] -o /tmp/key.asc && gpg --import /tmp/key.asc\n",
        "FROM debian:12\nRUN wget [|http://example.com/release.key|] && apt-key add release.key\n",
        "FROM debian:12\nRUN wget -q -O /tmp/k.gpg [|http://example.com/k.gpg|] && mv /tmp/k.gpg /usr/share/keyrings/\n",
        "FROM debian:11\nRUN apt-key adv --fetch-keys [|http://example.com/key.asc|]\n",
        "FROM fedora:40\nRUN rpm --import [|http://example.com/RPM-GPG-KEY|]\n",
        "FROM debian:11\nRUN <<EOF\ncurl -fsSL [|http://example.com/key.asc|] | apt-key add -\nEOF\n",
        "FROM debian:11\nONBUILD RUN curl -fsSL [|http://example.com/key.asc|] | apt-key add -\n",
        "FROM debian:11\nRUN curl -fsSL [|http://example.com/key.asc|] \\\n  # the repository key\n  | apt-key add -\n");
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
  void messageNamesTheKeyAndWhereItGoes() {
    assertThat(tester.check("FROM debian:11\nRUN curl -s [|http://x.example/k.asc|] | apt-key add -\n").get(0).message())
        .isEqualTo("The signing key 'http://x.example/k.asc' is fetched over plain http into 'apt-key add', so anyone "
            + "on the network path can swap it and sign packages the image then trusts; fetch it over https and "
            + "check its fingerprint");
  }
}
