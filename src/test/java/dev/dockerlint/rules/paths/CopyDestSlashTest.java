package dev.dockerlint.rules.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyDestSlashTest {
  private final RuleTester tester = new RuleTester(new CopyDestSlash());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nCOPY a b /app/\n",
        "FROM alpine:3.20\nCOPY a /app\n",
        "FROM alpine:3.20\nWORKDIR /app\nCOPY a b ./\n",
        "FROM alpine:3.20\nWORKDIR /app\nCOPY a b .\n",
        "FROM alpine:3.20\nCOPY [\"a\", \"b\", \"/app/\"]\n",
        "FROM alpine:3.20\nARG DEST=/app/\nCOPY a b $DEST\n",
        "FROM alpine:3.20\nARG DEST\nCOPY a b $DEST\n",
        "FROM alpine:3.20\nCOPY a b \"/app/\"\n",
        "FROM alpine:3.20\nADD a.tar b.tar /opt/\n",
        "FROM alpine:3.20\nCOPY a \\\n  b \\\n  /app/\n",
        "FROM alpine:3.20\nCOPY --from=build /a /b /out/\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nCOPY a \\\n# comment\n  b [|/app|]\n",
        "FROM alpine:3.20\nCOPY a b [|/app|]\n",
        "FROM alpine:3.20\nADD a b [|/app|]\n",
        "FROM alpine:3.20\nCOPY [\"a\", \"b\", [|\"/app\"|]]\n",
        "FROM alpine:3.20\nARG DEST=/app\nCOPY a b [|$DEST|]\n",
        "FROM alpine:3.20\nCOPY a \\\n  b \\\n  [|/app|]\n",
        "FROM alpine:3.20\nCOPY <<one <<two [|/app|]\nx\none\ny\ntwo\n",
        "FROM alpine:3.20\nONBUILD COPY a b [|/app|]\n");
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
    assertThat(tester.check("FROM alpine:3.20\nCOPY a b [|/app|]\n").get(0).message()).contains("2 sources").contains("'/app'").contains("'/app/'");
  }
}
