package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunConsecutiveTest {
  private final RuleTester tester = new RuleTester(new RunConsecutive());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN make\n",
        "FROM debian:12\nRUN a; b\nRUN c\n",
        "FROM debian:12\nRUN make\nWORKDIR /app\nRUN make install\n",
        "FROM debian:12\nRUN --mount=type=cache,target=/root/.cache make\nRUN make install\n",
        "FROM debian:12\nRUN make\nFROM debian:12\nRUN make install\n",
        // heredoc RUNs are scripts of their own
        "FROM debian:12\nRUN <<EOF\nmake\nEOF\nRUN <<EOF\nmake install\nEOF\n",
        "FROM debian:12\nRUN make\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN make\n[|RUN|] make install\n",
        "FROM debian:12\nRUN make\n# install it\n\n[|RUN|] make install\n[|RUN|] [\"rm\", \"-rf\", \"/src\"]\n",
        "FROM debian:12\nRUN --network=none make\n[|run|] --network=none make test\n",
        "FROM debian:12\nRUN sudo make \\\n  install\n[|RUN|] echo \"$(date)\" > /built\n");
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
  void messageNamesTheOtherRun() {
    var findings = tester.check("FROM debian:12\nRUN make\n[|RUN|] make install\n");
    assertThat(findings.get(0).message()).isEqualTo("This RUN and the RUN on line 2 each run one command; join "
        + "them with '&&' into one RUN to save a layer");
    assertThat(findings.get(0).aliases()).containsExactly("DL3059");
  }

  @Test
  void offByDefault() {
    assertThat(new RunConsecutive().info().enabledByDefault()).isFalse();
  }
}
