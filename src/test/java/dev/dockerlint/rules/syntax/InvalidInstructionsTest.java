package dev.dockerlint.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An instruction Docker rejects gets the syntax error and nothing else: no rule reads it as the
 * instruction it looks like (a flag missing its value swallowing the first argument, say). Each
 * case's second line is such an instruction, which the other rules did misread before.
 */
class InvalidInstructionsTest {
  private static final Linter ALL = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);

  static Stream<String> cases() {
    return Stream.of(
        // copy-dest-slash took 'build' for a source
        "FROM nginx:1.27\nCOPY --from build /app/public/* /usr/share/nginx/html\n",
        "FROM alpine:3.20\nCOPY --chown app.txt b.txt /app\n",
        // the apt rules read 'type=cache,target=... apt-get install curl' as the command
        "FROM debian:12\nRUN --mount type=cache,target=/var/cache/apt apt-get install curl\n",
        "FROM debian:12\nRUN --network=nonee apt-get install curl\n",
        // workdir-relative, user-root
        "FROM alpine:3.20\nWORKDIR --foo app\n",
        "FROM alpine:3.20\nUSER --foo root\n",
        // json-args, duplicate-instruction
        "FROM alpine:3.20\nCMD --foo run.sh\nCMD [\"run.sh\"]\n",
        // the whole context copied before an install
        "FROM node:20\nCOPY --link=yes . .\nRUN npm ci\n");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void onlyTheSyntaxErrorIsReportedOnIt(String source) {
    List<String> onLine2 = new ArrayList<>();
    for (Finding f : ALL.lint(DockerfileParser.parse("Dockerfile", source))) {
      if (f.line() == 2) {
        onLine2.add(f.rule());
      }
    }
    assertThat(onLine2).as(source).containsExactly("syntax-error");
  }
}
