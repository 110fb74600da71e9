package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunUselessCommandTest {
  private final RuleTester tester = new RuleTester(new RunUselessCommand());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get install -y vim ssh\n",
        "FROM debian:12\nRUN command -v ps\n",
        "FROM debian:12\nRUN echo 'service nginx start'\n",
        "FROM debian:12\nRUN mysqld & sleep 5; mysql < init.sql; kill %1\n",
        "FROM debian:12\nRUN [\"service\", \"nginx\", \"start\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|service|] nginx start\n",
        "FROM debian:12\nRUN [|ps|] aux | grep x\n",
        "FROM debian:12\nRUN sudo [|shutdown|] -h now\n",
        "FROM debian:12\nRUN [|kill|] -9 1\n",
        "FROM debian:12\nRUN <<EOF\n[|top|] -b -n 1\nEOF\n");
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
    var findings = tester.check("FROM debian:12\nRUN [|service|] nginx start\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'service'"));
  }
}
