package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InlineIgnorePragmaTest {
  private final RuleTester tester = new RuleTester(new InlineIgnorePragma());

  static Stream<String> valid() {
    return Stream.of(
        "# hadolint global ignore=DL3006\nFROM debian\n",
        "# dockerlint global ignore=image-untagged\nFROM debian\n",
        "# hadolint stage ignore=DL3011\nFROM debian:12\nEXPOSE 80000\n",
        "# hadolint shell=powershell\nFROM debian:12\n",
        "FROM debian:12\n# about the hadolint ignore=DL3008 pragma\nRUN true\n",
        "# check=skip=JSONArgsRecommended\nFROM debian:12\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "[|# hadolint ignore=DL3006|]\nFROM debian\n",
        "FROM debian:12\n[|# dockerlint ignore=run-cd|]\nRUN cd /x && make\n",
        "FROM debian:12\n  [|#   hadolint   ignore = DL3008, DL3015|]\nRUN apt-get install -y x\n",
        "FROM debian:12\nRUN apt-get update \\\n  [|# hadolint ignore=DL3009|]\n  && true\n");
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
  void offByDefaultAndTheMessageSaysWhatToDo() {
    assertThat(new InlineIgnorePragma().info().enabledByDefault()).isFalse();
    var findings = tester.check("[|# hadolint ignore=DL3006|]\nFROM debian\n");
    assertThat(findings.get(0).message()).contains("'# hadolint ignore=DL3006'", "configuration").doesNotEndWith(".");
  }
}
