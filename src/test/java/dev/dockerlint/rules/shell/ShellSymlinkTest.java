package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShellSymlinkTest {
  private final RuleTester tester = new RuleTester(new ShellSymlink());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n",
        "FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/mysh\n",
        "FROM debian:12\nRUN ln /bin/bash /bin/sh\n",
        "FROM debian:12\nRUN echo 'ln -sf /bin/bash /bin/sh' > notes.txt\n",
        "FROM debian:12\nRUN ln -sf -t /bin /opt/sh\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN ln -sf /bin/bash [|/bin/sh|]\n",
        "FROM debian:12\nRUN apt-get update \\\n  && ln -s -f bash [|/bin/sh|]\n",
        "FROM debian:12\nRUN sudo ln -sf /bin/bash [|/bin/sh|]\n",
        "FROM debian:12\nRUN [\"ln\", \"-sf\", \"/bin/bash\", [|\"/bin/sh\"|]]\n",
        "FROM debian:12\nRUN <<EOF\nset -e\nln -sf /bin/bash [|/bin/sh|]\nEOF\n");
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
  void message() {
    assertThat(tester.check("FROM debian:12\nRUN ln -sf /bin/bash [|/bin/sh|]\n").get(0).message())
        .isEqualTo("RUN re-links /bin/sh to '/bin/bash', changing the shell of every later step and of the image's users; use SHELL [\"/bin/bash\", \"-c\"] instead");
  }
}
