package dev.dockerlint.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.syntax.SyntaxErrorRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints the real Dockerfiles of {@code ../shared/corpus} (official images and a personal
 * collection), which Docker builds: no rule may fail and none may be a syntax error. Skipped when
 * the corpus is absent, as in a user's fresh clone.
 */
class CorpusTest {
  static final Path CORPUS = Path.of("..", "shared", "corpus");

  static List<Path> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS, 2)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getParent().equals(CORPUS)) // README.md, SOURCES.txt
          .sorted().toList();
    }
  }

  @Test
  void everyCorpusFileLintsWithoutErrors() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is not present");
    List<Path> files = corpusFiles();
    assertThat(files).hasSizeGreaterThan(100);
    Linter linter = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);
    List<String> problems = new ArrayList<>();
    for (Path path : files) {
      String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      Dockerfile file = DockerfileParser.parse(CORPUS.relativize(path).toString(), text);
      for (Finding finding : linter.lint(file)) {
        if (finding.rule().equals(Linter.INTERNAL_ERROR) || finding.rule().equals(SyntaxErrorRule.ID)) {
          problems.add(finding.file() + ":" + finding.line() + ":" + finding.column() + " " + finding.rule() + ": "
              + finding.message());
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
