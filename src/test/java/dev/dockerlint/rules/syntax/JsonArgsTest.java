package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonArgsTest {
  private final RuleTester tester = new RuleTester(new JsonArgs());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
        "FROM alpine:3.20\nENTRYPOINT [\"/entrypoint.sh\"]\n",
        "FROM alpine:3.20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD nginx -g 'daemon off;'\n",
        "FROM alpine:3.20 AS base\nSHELL [\"/bin/ash\", \"-c\"]\nFROM base\nCMD nginx\n",
        "FROM alpine:3.20\nCMD exec nginx -g 'daemon off;'\n",
        "FROM alpine:3.20\nCMD cd /app && exec node server.js\n",
        "FROM alpine:3.20\nCMD ['nginx']\n",
        "FROM alpine:3.20\nRUN echo hi\n",
        "FROM alpine:3.20\nHEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1\n",
        "FROM alpine:3.20\nONBUILD CMD echo hi\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nCMD Write-Host hi\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nCMD [|node \\\n# the port\n  server.js|]\n",
        "FROM alpine:3.20\nCMD [|env NODE_ENV=production node server.js|]\n",
        "FROM alpine:3.20\nCMD [|nginx -g 'daemon off;'|]\n",
        "FROM alpine:3.20\nENTRYPOINT [|/entrypoint.sh|]\n",
        "FROM alpine:3.20\ncmd [|echo hi|]\n",
        "FROM alpine:3.20\nCMD [|echo \"[not json]\"|]\n",
        "FROM alpine:3.20\nCMD [|node server.js \\\n  --port 80|]\n",
        "FROM alpine:3.20\nCMD [|sh -c 'exec nginx'|]\n",
        "FROM alpine:3.20 AS a\nSHELL [\"/bin/bash\", \"-c\"]\nFROM alpine:3.20\nCMD [|nginx|]\n",
        "FROM alpine:3.20\nCMD [|nginx|]\nSHELL [\"/bin/bash\", \"-c\"]\n");
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
    assertThat(tester.check("FROM alpine:3.20\nCMD [|nginx|]\n").get(0).message()).contains("CMD in shell form").contains("JSON array").contains("exec");
  }
}
