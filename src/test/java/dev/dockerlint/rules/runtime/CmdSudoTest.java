package dev.dockerlint.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CmdSudoTest {
  private final RuleTester tester = new RuleTester(new CmdSudo());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nUSER app\nCMD [\"/app\"]\n",
        "FROM debian:12\nENTRYPOINT [\"gosu\", \"app\", \"/app\"]\n",
        "FROM debian:12\nCMD [\"/app\", \"--allow\", \"sudo\"]\n",
        "FROM debian:12\nCMD echo sudo\n",
        "FROM debian:12\nCMD [\"sh\", \"-c\", \"echo sudo is not here\"]\n",
        // sudo during the build is run-sudo's
        "FROM debian:12\nRUN sudo apt-get update\n",
        "FROM debian:12\nHEALTHCHECK CMD sudo true\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nCMD [[|\"sudo\"|], \"-u\", \"app\", \"/app\"]\n",
        "FROM debian:12\nENTRYPOINT [[|\"/usr/bin/sudo\"|], \"/app\"]\n",
        "FROM debian:12\nENTRYPOINT [\"tini\", \"--\", [|\"sudo\"|], \"-E\", \"/app\"]\n",
        "FROM debian:12\nCMD [|sudo|] -u app /app\n",
        "FROM debian:12\nCMD /setup.sh && exec [|sudo|] -u app /app\n",
        "FROM debian:12\nCMD env HOME=/home/app [|sudo|] -E /app\n",
        "FROM debian:12\nENTRYPOINT \\\n  # drop to the app user\n  [|sudo|] -u app /app\n",
        "FROM debian:12 AS base\nCMD [[|\"sudo\"|], \"/app\"]\nFROM base\nRUN true\n",
        "FROM debian:12\nONBUILD CMD [|sudo|] /app\n");
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
  void messageNamesTheInstructionAndSaysWhatToDo() {
    assertThat(tester.check("FROM debian:12\nCMD [|sudo|] /app\n").get(0).message())
        .isEqualTo("'sudo' in CMD needs sudo and a sudoers entry in the image, which let its user become root at run "
            + "time; set USER to the user the process runs as (or drop privileges with gosu or su-exec in an "
            + "entrypoint script that starts as root)");
  }
}
