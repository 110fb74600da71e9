package dev.dockerlint.rules.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyFromUnknownStageTest {
  private final RuleTester tester = new RuleTester(new CopyFromUnknownStage());

  static Stream<String> valid() {
    return Stream.of(
        "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out /app/\n",
        "FROM golang:1.22 AS Build\nFROM alpine:3.20\nCOPY --from=build /out /app/\n",
        "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /out /app/\n",
        "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx/\n",
        "FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool /tool /usr/bin/\n",
        "FROM alpine:3.20\nCOPY --from=docker/buildx-bin /buildx /usr/bin/\n",
        "FROM alpine:3.20\nCOPY --from=tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /t /t\n",
        "FROM alpine:3.20 AS me\nCOPY --from=me /a /b\n",
        "FROM alpine:3.20\nCOPY --from=$IMG /a /b\n",
        "FROM alpine:3.20\nCOPY a /b\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nCOPY [|--from=builder|] /out /app/\n",
        "FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY [|--from=buidl|] /out /app/\n",
        "FROM golang:1.22\nFROM alpine:3.20\nCOPY [|--from=2|] /out /app/\n",
        "FROM alpine:3.20\nCOPY [|--from=hello-world|] /hello /\n",
        "FROM alpine:3.20\nCOPY [|--from=build|] /out /app/\nFROM golang:1.22 AS build\n",
        "FROM alpine:3.20\nCOPY --chown=1:1 \\\n  [|--from=builder|] /out /app/\n");
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
    assertThat(tester.check("FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY [|--from=buidl|] /out /app/\n").get(0).message()).contains("--from=buidl").contains("did you mean --from=build").contains("buidl:1.0");
    assertThat(tester.check("FROM alpine:3.20\nCOPY [|--from=build|] /out /app/\nFROM golang:1.22 AS build\n").get(0).message()).contains("defined later");
  }
}
