package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every rule together on a large file. A hang guard, not a benchmark (bench/ measures speed): a rule
 * that searches to the end of the file once per instruction turned this into minutes.
 */
class LargeFileTest {
  @Test
  @Timeout(60)
  void everyRuleStaysLinearOnALargeFile() {
    StringBuilder text = new StringBuilder("ARG BASE=debian:12\n");
    for (int stage = 0; stage < 50; stage++) {
      text.append("FROM ${BASE} AS s").append(stage).append('\n');
      for (int i = 0; i < 500; i++) {
        text.append("ENV K").append(i).append("=v").append(i).append('\n');
        text.append("RUN apt-get update && apt-get install -y pkg").append(i).append(" | tee /log \\\n")
            .append("    && rm -rf /var/lib/apt/lists/*\n");
      }
    }
    Set<String> all = new java.util.HashSet<>();
    BuiltinRules.all().forEach(r -> all.add(r.info().id()));
    Linter linter = new Linter(BuiltinRules.all(), new LintSettings(Set.of(), all, Map.of(), List.of("docker.io")));
    List<Finding> findings = linter.lint(DockerfileParser.parse("Dockerfile", text.toString()));
    assertThat(findings).isNotEmpty().noneMatch(f -> f.rule().equals(Linter.INTERNAL_ERROR));
  }
}
