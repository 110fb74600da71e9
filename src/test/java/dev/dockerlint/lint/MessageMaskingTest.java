package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message quoting source text that holds a secret shows it masked, as code frames do. */
class MessageMaskingTest {
  private static final String TOKEN = "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void syntaxErrorsQuotingASecretMaskIt() {
    String text = "FROM alpine:3.20\nSTOPSIGNAL " + TOKEN + "\nRUN --mount=type=bind,tok=" + TOKEN + " true\n";
    List<Finding> findings = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS)
        .lint(DockerfileParser.parse("Dockerfile", text));
    assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains(TOKEN));
    assertThat(findings).extracting(Finding::message).contains("invalid signal: ghp_****");
  }
}
