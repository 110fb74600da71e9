package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyntaxErrorTest {
  private final RuleTester tester = new RuleTester(new SyntaxErrorRule());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nRUN echo hi\n",
        "ARG V=3.20\nFROM alpine:$V\n",
        "# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine:3.20\nRUN echo `\n  hi\n",
        "FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n",
        "FROM alpine:3.20\nCMD ['single', 'quotes']\n",
        "FROM alpine:3.20\nrun echo \\\n  # a comment inside\n  done\n",
        // reported by first-instruction and onbuild-forbidden instead
        "WORKDIR /app\nFROM alpine:3.20\n",
        "FROM alpine:3.20\nONBUILD FROM x\nONBUILD ONBUILD RUN x\nONBUILD MAINTAINER me\n",
        // Docker checks an ONBUILD trigger only for ONBUILD, FROM and MAINTAINER: these build today
        "FROM alpine:3.20\nONBUILD COPY app.py\nONBUILD FOO bar\nONBUILD RUN --frobnicate make\n",
        "FROM alpine:3.20\nCOPY --link --chmod=755 --chown=app:app run.sh /usr/local/bin/\n",
        "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk --network=none apk add curl\n",
        "FROM alpine:3.20\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q -O- localhost\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\n[|RUNN|] echo hello\n",
        "FROM alpine:3.20\nCOPY [|x|]\n",
        // the exact token: the flag, its value, the word in excess
        "FROM alpine:3.20\nCOPY [|--from|] build /app/public/* /usr/share/nginx/html\n",
        "FROM alpine:3.20\nCOPY --link=[|yes|] a /b\n",
        "FROM alpine:3.20\nRUN --network=[|foo|] make\n",
        "FROM alpine:3.20\nHEALTHCHECK --retries=[|-1|] CMD true\n",
        "FROM alpine:3.20\nADD --checksum [|x|]\n",
        "FROM alpine:3.20\n[|USER|] --foo\n",
        "FROM alpine:3.20 AS build [|extra|]\n",
        "FROM alpine:3.20\nSTOPSIGNAL [|SIGNOPE|]\n",
        "FROM alpine:3.20\nENV [|A|]\n",
        "[|FROM|]\nRUN echo\n",
        // the parser recovers: errors on lines 2 and 4, the rest still parsed
        "FROM alpine:3.20\n[|RUNN|] a\nRUN b\n[|CPY|] c d\n");
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
  void messagesAreBuildkits() {
    assertThat(tester.check("FROM alpine:3.20\nCOPY [|--frm=b|] x y\n").get(0).message())
        .isEqualTo("unknown flag: --frm (did you mean from?)");
    assertThat(tester.check("FROM alpine:3.20\nHEALTHCHECK --interval=[|abc|] CMD true\n").get(0).message())
        .isEqualTo("time: invalid duration \"abc\"");
    assertThat(tester.check("FROM alpine:3.20\n[|coppy|] a b\n").get(0).message())
        .isEqualTo("unknown instruction: coppy (did you mean copy?)");
  }

  @Test
  void unknownInstructionSuggestsTheClosestKeyword() {
    Finding finding = tester.check("FROM alpine:3.20\n[|RUNN|] echo hello\n").get(0);
    assertThat(finding.message()).isEqualTo("unknown instruction: RUNN (did you mean RUN?)");
  }
}
