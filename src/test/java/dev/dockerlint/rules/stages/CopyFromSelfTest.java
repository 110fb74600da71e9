package dev.dockerlint.rules.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyFromSelfTest {
  private final RuleTester tester = new RuleTester(new CopyFromSelf());

  static Stream<String> valid() {
    return Stream.of(
        "FROM golang:1.22 AS build\nFROM alpine:3.20 AS final\nCOPY --from=build /out /app/\n",
        "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /out /app/\n",
        "FROM alpine:3.20\nCOPY --from=builder /out /app/\n",
        "FROM alpine:3.20 AS app\nCOPY --from=app:1.0 /out /app/\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20 AS build\nCOPY [|--from=build|] /out /app/\n",
        "FROM alpine:3.20 AS build\nCOPY [|--from=BUILD|] /out /app/\n",
        "FROM golang:1.22\nFROM alpine:3.20\nCOPY [|--from=1|] /out /app/\n",
        "FROM alpine:3.20 AS Build\nRUN true\nCOPY \\\n  [|--from=build|] /out /app/\n");
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
    assertThat(tester.check("FROM alpine:3.20 AS build\nCOPY [|--from=build|] /out /app/\n").get(0).message()).contains("--from=build").contains("earlier stage");
  }
}
