package dev.dockerlint.rules.variables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VarUndefinedTest {
  private final RuleTester tester = new RuleTester(new VarUndefined());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nARG APP=/app\nWORKDIR $APP\n",
        "FROM alpine:3.20\nENV HOME_DIR=/srv\nCOPY . ${HOME_DIR}/\n",
        "FROM alpine:3.20\nARG UID\nUSER $UID\n",
        "FROM alpine:3.20\nRUN echo $UNDEFINED_IN_SHELL\nCMD echo $NOPE\n",
        "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n",
        "FROM golang:1.22\nWORKDIR $GOPATH/src/app\n",
        "FROM mycompany/base:1\nWORKDIR $APP_HOME\n",
        "FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n",
        "FROM alpine:3.20\nARG TARGETARCH\nCOPY bin-$TARGETARCH /bin/app\n",
        "FROM alpine:3.20\nLABEL description='costs $5'\n",
        "FROM alpine:3.20\nONBUILD ENV X=$LATER\n",
        "FROM alpine:3.20\nCOPY <<EOF /etc/x\n$NOT_EXPANDED_HERE\nEOF\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nWORKDIR [|$APP|]\n",
        "FROM alpine:3.20\nARG APP_DIR=/app\nWORKDIR [|${APP_DIRR}|]/src\n",
        "ARG VERSION=1\nFROM alpine:3.20\nLABEL version=[|$VERSION|]\n",
        "FROM alpine:3.20\nENV A=1 B=[|$A|]\n",
        "FROM alpine:3.20\nCOPY --chown=[|$USER_ID|]:0 app /app\n",
        "FROM alpine:3.20\nENV DATA=/data\nVOLUME [\"[|$DAT|]\"]\n",
        "FROM alpine:3.20\nARG PORT=80\nEXPOSE [|$PROT|]\n",
        "FROM alpine:3.20\nENV X=\"[|${MISSING:-default}|]\"\n",
        "FROM alpine:3.20\nARG CACHE=/root/.cache\nRUN --mount=type=cache,target=[|$CACHEDIR|] true\n",
        "FROM scratch\nCOPY app [|$DEST|]\n",
        "FROM alpine:3.20\nENV LOG_DIR=/var/log \\\n    OUT=[|${LOGDIR}|]/out\n",
        "FROM alpine:3.20\nARG X=1\nFROM alpine:3.20\nENV Y=[|$X|]\n");
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
  void suggestsTheClosestName() {
    assertThat(tester.check("FROM alpine:3.20\nARG APP_DIR=/app\nWORKDIR [|${APP_DIRR}|]/src\n").get(0).message())
        .isEqualTo("'$APP_DIRR' is not defined by any ARG or ENV before this WORKDIR (did you mean $APP_DIR?); declare it with ARG or ENV first");
  }

  @Test
  void explainsGlobalArgs() {
    assertThat(tester.check("ARG VERSION=1\nFROM alpine:3.20\nLABEL version=[|$VERSION|]\n").get(0).message())
        .isEqualTo("'$VERSION' is not defined by any ARG or ENV before this LABEL; it is declared before the first FROM, so add ARG VERSION in the stage to use it here");
  }

  @Test
  void caseOnlyDifference() {
    assertThat(tester.check("FROM alpine:3.20\nENV FOO=1\nWORKDIR /[|$foo|]\n").get(0).message())
        .isEqualTo("'$foo' is not defined by any ARG or ENV before this WORKDIR (did you mean $FOO?); declare it with ARG or ENV first");
  }
}
