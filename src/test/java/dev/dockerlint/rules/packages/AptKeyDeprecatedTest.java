package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AptKeyDeprecatedTest {
  private final RuleTester tester = new RuleTester(new AptKeyDeprecated());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/example.gpg\n",
        "FROM debian:12\nRUN apt-key del 7FA2AF80\n",
        "FROM debian:12\nRUN apt-key list\n",
        "FROM debian:12\nRUN echo 'apt-key add is gone' > /notes\n",
        "FROM debian:12\nRUN apt-get install -y apt-key-helper\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:11\nRUN curl -sSL https://example.com/key.asc | [|apt-key add|] -\n",
        "FROM debian:11\nRUN [|apt-key adv|] --keyserver keyserver.ubuntu.com --recv-keys 0123456789ABCDEF\n",
        "FROM debian:11\nRUN [|apt-key --keyring /etc/apt/trusted.gpg.d/x.gpg add|] /tmp/key.gpg\n",
        "FROM debian:11\nRUN wget -qO- https://example.com/key | sudo [|apt-key add|] -\n",
        "FROM debian:11\nRUN <<EOF\ncurl -fsSL https://example.com/key.asc -o /tmp/key.asc\n[|apt-key add|] /tmp/key.asc\nEOF\n",
        "FROM debian:11\nONBUILD RUN [|apt-key add|] /key.asc\n",
        "FROM debian:11 AS tools\nRUN [|apt-key adv|] --fetch-keys https://example.com/k.asc\nFROM debian:12\n",
        "FROM debian:11\nRUN curl -fsSL https://example.com/key.asc \\\n  # the repository key\n  | [|apt-key add|] -\n");
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
    assertThat(tester.check("FROM debian:11\nRUN [|apt-key add|] /k.asc\n").get(0).message())
        .isEqualTo("'apt-key add' is deprecated and trusts the key for every repository (apt 3.0 no longer has it); "
            + "store the key in /etc/apt/keyrings/ and name it with [signed-by=...] in the repository's sources entry");
  }
}
