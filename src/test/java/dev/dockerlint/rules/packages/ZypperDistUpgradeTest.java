package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ZypperDistUpgradeTest {
  private final RuleTester tester = new RuleTester(new ZypperDistUpgrade());

  static Stream<String> valid() {
    return Stream.of(
        "FROM opensuse/leap:15.6\nRUN zypper install -y curl\n",
        "FROM opensuse/leap:15.6\nRUN zypper update -y\n",
        "FROM opensuse/leap:15.6\nRUN echo zypper dist-upgrade\n",
        "FROM opensuse/leap:15.6\nRUN zypper install -y dup\n",
        "FROM opensuse/leap:15.6\nRUN [\"zypper\", \"lr\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM opensuse/leap:15.6\nRUN [|zypper dist-upgrade|] -y\n",
        "FROM opensuse/leap:15.6\nRUN [|zypper -n dup|]\n",
        "FROM opensuse/leap:15.6\nRUN zypper refresh && [|zypper --non-interactive dist-upgrade|]\n",
        "FROM opensuse/leap:15.6\nRUN sudo [|zypper --root /mnt dup|]\n",
        "FROM opensuse/leap:15.6\nRUN set -e; \\\n  [|zypper \\\n    dup|] -y\n",
        "FROM opensuse/leap:15.6\nONBUILD RUN [|zypper dup|] -y\n",
        "FROM opensuse/leap:15.6\nRUN <<EOF\n[|zypper dup|] -y\nEOF\n");
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
  void messageQuotesTheCommandAndSaysWhatToDo() {
    var findings = tester.check("FROM opensuse/leap:15.6\nRUN [|zypper dup|]\n");
    assertThat(findings.get(0).message()).contains("'zypper dup'", "newer base image").doesNotEndWith(".");
  }
}
