package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSingleQuotesTest {
  private final RuleTester tester = new RuleTester(new JsonSingleQuotes());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN echo \"['a']\"\n",
        "FROM alpine:3.20\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
        "FROM alpine:3.20\nCMD echo 'hello'\n",
        "FROM alpine:3.20\nRUN [ -f /etc/os-release ] && echo 'ok'\n",
        "FROM alpine:3.20\nRUN ['a', \"b\"] x\n",
        "FROM alpine:3.20\nCMD [\"echo\", \"it's\"]\n",
        "FROM alpine:3.20\nRUN <<EOF\n['a']\nEOF\n",
        "FROM alpine:3.20\nCMD []\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nCMD [|['nginx', '-g', 'daemon off;']|]\n",
        "FROM alpine:3.20\nENTRYPOINT [|['/entrypoint.sh']|]\n",
        "FROM alpine:3.20\nRUN [|['apk', 'add', 'curl']|]\n",
        "FROM alpine:3.20\nCMD [|['a', \"b\"]|]\n",
        "FROM alpine:3.20\nHEALTHCHECK CMD [|['curl', '-f', 'http://localhost/']|]\n",
        "FROM alpine:3.20\nONBUILD RUN [|['make']|]\n",
        "FROM alpine:3.20\nCMD [|['node', \\\n  'server.js']|]\n");
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
    assertThat(tester.check("FROM alpine:3.20\nCMD [|['nginx']|]\n").get(0).message()).contains("CMD ['nginx']").contains("single quotes").contains("[\"nginx\"]");
  }
}
