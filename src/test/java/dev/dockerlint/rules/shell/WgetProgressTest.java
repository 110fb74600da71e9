package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WgetProgressTest {
  private final RuleTester tester = new RuleTester(new WgetProgress());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN wget -q https://x\n",
        "FROM debian:12\nRUN wget --quiet https://x\n",
        "FROM debian:12\nRUN wget -qO- https://x | tar -xz\n",
        "FROM debian:12\nRUN wget -nv https://x\n",
        "FROM debian:12\nRUN wget --no-verbose https://x\n",
        "FROM debian:12\nRUN wget --progress=dot:giga https://x\n",
        "FROM debian:12\nRUN wget -o /tmp/log https://x\n",
        "FROM debian:12\nRUN wget --output-file=/tmp/log https://x\n",
        "FROM debian:12\nRUN wget -a /tmp/log https://x\n",
        "FROM debian:12\nRUN wget --append-output /tmp/log https://x\n",
        "FROM debian:12\nRUN apt-get install -y wget\n",
        "FROM debian:12\nRUN command -v wget\n",
        "FROM debian:12\nRUN echo wget https://x\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|wget|] https://x\n",
        "FROM debian:12\nRUN [|wget|] -O /tmp/x https://x\n",
        "FROM debian:12\nRUN apt-get update && [|wget|] --tries=3 https://x\n",
        "FROM debian:12\nRUN sudo [|wget|] https://x\n",
        "FROM debian:12\nRUN [|/usr/bin/wget|] https://x\n",
        "FROM debian:12\nRUN set -e; \\\n  # fetch\n  [|wget|] https://x\n",
        "FROM debian:12\nRUN [[|\"wget\"|], \"https://x\"]\n",
        "FROM debian:12\nONBUILD RUN [|wget|] https://x\n",
        "FROM debian:12\nRUN <<EOF\n[|wget|] https://x\nEOF\n");
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
  void messageSaysWhatToDo() {
    var findings = tester.check("FROM debian:12\nRUN [|wget|] https://x\n");
    assertThat(findings.get(0).message()).contains("'wget'", "-q", "--progress=dot:giga").doesNotEndWith(".");
  }
}
