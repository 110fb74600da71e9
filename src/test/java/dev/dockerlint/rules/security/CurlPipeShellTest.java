package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CurlPipeShellTest {
  private final RuleTester tester = new RuleTester(new CurlPipeShell());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x/i.sh && sh /tmp/i.sh\n",
        "FROM debian:12\nRUN curl -fsSL https://x/v.json | python3 -c 'import sys; print(sys.stdin.read())'\n",
        "FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n",
        "FROM debian:12\nRUN echo 'curl x | sh'\n",
        "FROM debian:12\nRUN curl -fsSL https://x | sh -c 'cat > /tmp/x'\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|curl -fsSL https://x/i.sh | sh|]\n",
        "FROM debian:12\nRUN [|wget -qO- https://x/i.sh | sudo -E bash -|]\n",
        "FROM debian:12\nRUN [|curl -sL https://x \\\n  | bash -s -- --yes|]\n",
        "FROM debian:12\nRUN [|curl -sL https://x | tee /tmp/log | python3|]\n",
        "FROM debian:12\nRUN [|sh -c \"$(curl -fsSL https://x/install.sh)\"|]\n");
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
    var findings = tester.check("FROM debian:12\nRUN [|curl -fsSL https://x | bash|]\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'curl'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'bash'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("checksum"));
  }
}
