package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AptCleanupTest {
  private final RuleTester tester = new RuleTester(new AptCleanup());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12\nRUN apt-get update; apt-get install -y curl; rm -rf /var/lib/apt/lists\n",
        "FROM debian:12\nRUN set -eux; \\\n  apt-get update; \\\n  # tools we need\n  apt-get install -y --no-install-recommends curl; \\\n  rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists \\\n  apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists/ apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n",
        "FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl && sudo rm -rf /var/lib/apt/lists/*\n",
        // builder stages may keep the lists; update and install are together
        "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /x /x\n",
        // quoted text is data, not a command
        "FROM debian:12\nRUN echo 'apt-get install -y curl'\n",
        "FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n",
        "FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:13\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends curl; \\\n\tapt-get dist-clean\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|apt-get update|]\nRUN [|[|apt-get install -y curl|]|]\n",
        "FROM debian:12\nRUN apt-get update && [|apt-get install -y curl|]\n",
        "FROM debian:12\nRUN apt-get update \\\n  && [|apt-get install -y \\\n     curl|]\n",
        "FROM debian:12\nRUN [|apt install -y curl|] && apt update && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12 AS build\nRUN [|apt-get install -y gcc|]\nFROM scratch\n",
        "FROM debian:12 AS base\nRUN apt-get update && [|apt-get install -y curl|]\nFROM base\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\n[|apt-get install -y curl|]\nEOF\n");
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
  void everyFindingCarriesDl3009SoIgnoringItSilencesTheRule() {
    var findings = tester.check("FROM debian:12\nRUN [|[|apt-get install -y curl|]|]\nRUN [|apt-get update|]\n");
    assertThat(findings).extracting(f -> f.aliases()).containsOnly(java.util.List.of("DL3009"));
  }

  @Test
  void listsLeftByAnUpdateBeforeAnUpgradeAreReportedAtTheUpdate() {
    tester.check("FROM debian:12\nRUN [|apt-get update|] && apt-get upgrade -y\n");
    tester.check("FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n");
  }

  @Test
  void onbuildTriggersAreChecked() {
    var findings = tester.check("FROM debian:12\nONBUILD RUN apt-get update && [|apt-get install python|]\n");
    assertThat(findings.get(0).message()).contains("package lists stay");
    tester.check("FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n");
  }
}
