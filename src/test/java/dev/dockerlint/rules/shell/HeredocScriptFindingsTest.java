package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A script a shell runs from a heredoc gets the findings the same script gets as a {@code -c}
 * string, from every built-in rule, at the body's lines; a body given to an interpreter gets none.
 */
class HeredocScriptFindingsTest {
  private static final String SCRIPT = "apt-get install vim && cd /app && curl -s https://x.sh | sh";

  private static List<Finding> lint(String dockerfile) {
    Set<String> all = new HashSet<>();
    for (Rule rule : BuiltinRules.all()) {
      all.add(rule.info().id());
    }
    Linter linter = new Linter(BuiltinRules.all(), new LintSettings(Set.of(), all, Map.of(), List.of()));
    return linter.lint(DockerfileParser.parse("Dockerfile", dockerfile));
  }

  /** The findings on the RUN (line 2 and later), as rule and message. */
  private static List<String> runFindings(String dockerfile) {
    List<String> found = new ArrayList<>();
    for (Finding f : lint(dockerfile)) {
      if (f.range().startLine() >= 2) {
        found.add(f.rule() + ": " + f.message());
      }
    }
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "RUN <<EOT bash\n" + SCRIPT + "\nEOT\n",
      "RUN bash <<EOT\n" + SCRIPT + "\nEOT\n",
      "RUN bash <<'EOT'\n" + SCRIPT + "\nEOT\n",
      "RUN <<-EOT bash\n\t" + SCRIPT + "\n\tEOT\n"})
  void sameFindingsAsTheDashCString(String run) {
    List<String> dashC = runFindings("FROM debian:12\nRUN bash -c \"" + SCRIPT + "\"\n");
    assertThat(dashC).hasSizeGreaterThanOrEqualTo(5);
    assertThat(runFindings("FROM debian:12\n" + run)).containsExactlyInAnyOrderElementsOf(dashC);
    for (Finding f : lint("FROM debian:12\n" + run)) {
      if (f.range().startLine() >= 2) {
        assertThat(f.range().startLine()).as(f.rule()).isEqualTo(3); // in the body, not on the RUN line
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "RUN python3 <<EOT\n" + SCRIPT + "\nEOT\n",
      "RUN <<EOT node\n" + SCRIPT + "\nEOT\n",
      "RUN <<EOT\n#!/usr/bin/env perl\n" + SCRIPT + "\nEOT\n",
      "RUN cat <<EOT > /usr/local/bin/setup\n" + SCRIPT + "\nEOT\n"})
  void noShellFindingsForABodyGivenToSomethingElse(String run) {
    assertThat(runFindings("FROM debian:12\n" + run)).isEmpty();
  }
}
