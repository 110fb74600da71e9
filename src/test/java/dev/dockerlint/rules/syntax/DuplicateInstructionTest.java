package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DuplicateInstructionTest {
  private final RuleTester tester = new RuleTester(new DuplicateInstruction());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nCMD [\"a\"]\n",
        "FROM alpine:3.20 AS a\nCMD [\"a\"]\nFROM alpine:3.20\nCMD [\"b\"]\n",
        "FROM alpine:3.20\nENTRYPOINT [\"a\"]\nCMD [\"b\"]\nHEALTHCHECK NONE\n",
        "FROM alpine:3.20\nCMD [\"a\"]\nONBUILD CMD [\"b\"]\n",
        "FROM alpine:3.20 AS base\nCMD [\"a\"]\nFROM base\nCMD [\"b\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nCMD [\"a\"]\n[|CMD|] [\"b\"]\n",
        "FROM alpine:3.20\nCMD a\n[|CMD|] b\n[|cmd|] c\n",
        "FROM alpine:3.20\nENTRYPOINT [\"a\"]\n[|ENTRYPOINT|] [\"b\"]\n",
        "FROM alpine:3.20\nHEALTHCHECK CMD true\n[|HEALTHCHECK|] NONE\n",
        "FROM alpine:3.20\nCMD a \\\n  b\n[|CMD|] c\n");
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
    assertThat(tester.check("FROM alpine:3.20\nCMD [\"a\"]\n[|CMD|] [\"b\"]\n").get(0).message()).contains("CMD repeated").contains("line 2").contains("remove the earlier");
  }

  @Test
  void eachInstructionCarriesItsOwnCode() {
    assertThat(tester.check("FROM alpine:3.20\nCMD a\n[|CMD|] b\n").get(0).aliases())
        .containsExactly("DL4003", "MultipleInstructionsDisallowed");
    assertThat(tester.check("FROM alpine:3.20\nENTRYPOINT a\n[|ENTRYPOINT|] b\n").get(0).aliases())
        .containsExactly("DL4004", "MultipleInstructionsDisallowed");
    assertThat(tester.check("FROM alpine:3.20\nHEALTHCHECK NONE\n[|HEALTHCHECK|] NONE\n").get(0).aliases())
        .containsExactly("DL3012", "MultipleInstructionsDisallowed");
  }
}
