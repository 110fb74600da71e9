package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UseraddNoLogInitTest {
  private final RuleTester tester = new RuleTester(new UseraddNoLogInit());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN useradd -u 1000 app\n",
        "FROM debian:12\nRUN useradd -l -u 123456 app\n",
        "FROM debian:12\nRUN useradd --no-log-init --uid=123456 app\n",
        "FROM debian:12\nRUN useradd -lu 123456 app\n",
        "FROM debian:12\nRUN useradd -u \"$APP_UID\" app\n",
        "FROM debian:12\nRUN useradd -g 123456 app\n",
        "FROM debian:12\nRUN echo 'useradd -u 123456 app'\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN useradd -u [|123456|] app\n",
        "FROM debian:12\nRUN useradd [|--uid=123456|] app\n",
        "FROM debian:12\nRUN useradd [|-u123456|] app\n",
        "FROM debian:12\nRUN useradd -m -s /bin/bash --uid [|100000|] app\n",
        "FROM debian:12\nRUN groupadd -g 200000 app \\\n  && sudo useradd -r -g app -u [|200000|] app\n",
        "FROM debian:12\nRUN [\"useradd\", \"-u\", [|\"123456\"|], \"app\"]\n");
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
    assertThat(tester.check("FROM debian:12\nRUN useradd -u [|123456|] app\n").get(0).message())
        .isEqualTo("useradd with UID 123456 and without -l/--no-log-init makes a sparse /var/log/lastlog of gigabytes in the layer; add --no-log-init");
  }
}
