package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipefailTest {
  private final RuleTester tester = new RuleTester(new Pipefail());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -O- x | tar x\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN wget -O- x | tar x\n",
        "FROM debian:12 AS base\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN wget -O- x | tar x\n",
        "FROM debian:12\nRUN set -o pipefail && wget -O- x | tar x\n",
        "FROM debian:12\nRUN set -euxo pipefail; wget -O- x | tar x\n",
        "FROM debian:12\nRUN bash -o pipefail -c 'wget -O- x | tar x'\n",
        "FROM debian:12\nRUN echo \"$SUM  f\" | sha256sum -c -\n",
        "FROM debian:12\nRUN echo 'a | b'\n",
        "FROM debian:12\nRUN <<EOF\nset -o pipefail\nwget -O- x | tar x\nEOF\n",
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Get-Item x | Remove-Item\n",
        "FROM debian:12\nRUN [\"sh\", \"-c\", \"a | b\"]\n",
        // a heredoc script of a shell started with -o pipefail, or one that sets it first
        "FROM debian:12\nRUN bash -o pipefail <<EOT\nwget -O- x | tar x\nEOT\n",
        "FROM debian:12\nRUN <<EOT bash -euxo pipefail\nwget -O- x | tar x\nEOT\n",
        "FROM debian:12\nRUN <<EOT bash\nset -o pipefail\nwget -O- x | tar x\nEOT\n",
        "FROM debian:12\nRUN python3 <<EOT\nimport a | b\nEOT\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|wget -O- x | tar x|]\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN true\nFROM debian:12\nRUN [|wget -O- x | tar x|]\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nSHELL [\"/bin/sh\", \"-c\"]\nRUN [|wget -O- x | tar x|]\n",
        "FROM debian:12\nRUN [|wget -O- x | tar x|] && set -o pipefail\n",
        "FROM debian:12\nRUN set -eux; \\\n  [|wget -O- x \\\n  | tar x|]; \\\n  curl y | sh\n",
        "FROM debian:12\nRUN set -o pipefail; set +o pipefail; [|a | b|]\n",
        "FROM debian:12\nRUN <<EOT bash\n[|wget -O- x | tar x|]\nEOT\n",
        // the pipefail shell runs its own heredoc, not the one before it
        "FROM debian:12\nRUN bash <<A && bash -o pipefail <<B\n[|wget -O- x | tar x|]\nA\ntrue\nB\n",
        "FROM debian:12\nRUN ([|wget -O- x | tar x|]); bash -o pipefail\n");
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
    var findings = tester.check("FROM debian:12\nRUN [|wget -O- x | tar x|]\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'wget'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("pipefail"));
  }
}
