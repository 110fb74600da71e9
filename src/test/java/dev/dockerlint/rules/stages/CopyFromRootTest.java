package dev.dockerlint.rules.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyFromRootTest {
  private final RuleTester tester = new RuleTester(new CopyFromRoot());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /app /app\n",
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b / /rootfs/\n",
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /usr/ /\n",
        "FROM debian:12\nCOPY / /\n",
        "FROM debian:12 AS b\nFROM scratch\nCOPY --from=b / /\n",
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=$STAGE / /\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b [|/|] /\n",
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b [|\"/\"|] \"/\"\n",
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b [[|\"/\"|], \"/\"]\n",
        "FROM debian:12\nCOPY --from=ghcr.io/org/rootfs:1 [|/|] /\n",
        "FROM debian:12 AS b\nFROM debian:12\nCOPY --link --from=b \\\n    [|/|] \\\n    /\n");
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
  void messageNamesTheStageAndSaysWhatToDo() {
    var findings = tester.check("FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build [|/|] /\n");
    assertThat(findings.get(0).message()).contains("'build'", "COPY --from=build /app /app").doesNotEndWith(".");
  }
}
