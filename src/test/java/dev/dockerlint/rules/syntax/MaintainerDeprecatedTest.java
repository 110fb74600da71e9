package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MaintainerDeprecatedTest {
  private final RuleTester tester = new RuleTester(new MaintainerDeprecated());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"jane@example.com\"\n",
        "FROM alpine:3.20\n# MAINTAINER jane\nRUN echo MAINTAINER\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\n[|MAINTAINER|] Jane Doe <jane@example.com>\n",
        "FROM alpine:3.20\n[|maintainer|] jane\n",
        "[|MAINTAINER|] jane\n",
        // BuildKit warns before it rejects the flag, so the invalid instruction is still deprecated
        "FROM alpine:3.20\n[|MAINTAINER|] --foo someone\n");
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
    assertThat(tester.check("FROM alpine:3.20\n[|MAINTAINER|] Jane <jane@example.com>\n").get(0).message()).contains("MAINTAINER is deprecated").contains("org.opencontainers.image.authors=\"Jane <jane@example.com>\"");
  }
}
