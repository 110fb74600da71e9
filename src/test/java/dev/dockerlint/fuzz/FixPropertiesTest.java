package dev.dockerlint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.fix.Fixer;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code --fix --unsafe-fixes} promises, on every file of {@code ../shared/corpus} (skipped
 * when absent), on its CRLF and backtick-escape variants, and on generated Dockerfiles: the result
 * parses no worse, has as many instructions, no finding of a rule more often than before, fewer
 * findings by at least the number fixed, no fix left that could be applied, no fix dropped, and a
 * second run changes nothing.
 */
class FixPropertiesTest {
  static final Path CORPUS = Path.of("..", "shared", "corpus");
  private static final Linter LINTER = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);

  static Fixer fixer() {
    return new Fixer(new Fixer.Checker() {
      @Override
      public Fixer.Checked check(String text) {
        Dockerfile file = DockerfileParser.parse("Dockerfile", text);
        return new Fixer.Checked(file, LINTER.lint(file));
      }
    }, true);
  }

  /** The properties of one text; returns what went wrong, or nothing. */
  static List<String> check(String text) {
    Fixer fixer = fixer();
    Fixer.Outcome outcome = fixer.fix(text);
    List<String> problems = new ArrayList<>();
    for (Fixer.Dropped dropped : outcome.dropped()) {
      problems.add("dropped " + dropped.finding().rule() + " at " + dropped.finding().line() + ": " + dropped.reason());
    }
    Dockerfile before = outcome.before().file();
    Dockerfile after = outcome.after().file();
    if (after.syntaxErrors().size() > before.syntaxErrors().size()) {
      problems.add("parses worse: " + after.syntaxErrors());
    }
    if (after.instructions().size() != before.instructions().size()) {
      problems.add("instructions " + before.instructions().size() + " -> " + after.instructions().size());
    }
    // checked again from scratch, not with what the engine saw
    Dockerfile reparsed = DockerfileParser.parse("Dockerfile", outcome.text());
    List<Finding> now = LINTER.lint(reparsed);
    Map<String, Integer> was = counts(outcome.before().findings());
    Map<String, Integer> is = counts(now);
    for (Map.Entry<String, Integer> entry : is.entrySet()) {
      if (entry.getValue() > was.getOrDefault(entry.getKey(), 0)) {
        problems.add("new " + entry.getKey() + " finding: " + was.getOrDefault(entry.getKey(), 0) + " -> " + entry.getValue());
      }
    }
    if (now.size() > outcome.before().findings().size() - outcome.fixed()) {
      problems.add(outcome.fixed() + " fixed but " + outcome.before().findings().size() + " -> " + now.size() + " findings");
    }
    for (Finding finding : now) {
      if (fixer.applies(finding.fix())) {
        problems.add("still fixable: " + finding.rule() + " at " + finding.line() + ":" + finding.column());
      }
    }
    Fixer.Outcome again = fixer.fix(outcome.text());
    if (again.changed()) {
      problems.add("a second --fix changes it again");
    }
    return problems;
  }

  private static Map<String, Integer> counts(List<Finding> findings) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Finding finding : findings) {
      counts.merge(finding.rule(), 1, Integer::sum);
    }
    return counts;
  }

  static List<Path> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS, 2)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(CORPUS)).sorted().toList();
    }
  }

  /** The file with CRLF line breaks. */
  static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** The file with {@code # escape=`} and backtick continuations, or null when it sets its own escape. */
  static String backtick(String text) {
    if (text.toLowerCase(java.util.Locale.ROOT).contains("escape=")) {
      return null;
    }
    return "# escape=`\n" + text.replace("\\\n", "`\n");
  }

  @Test
  void everyCorpusFileAndItsVariantsFixCleanly() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is not present");
    List<Path> files = corpusFiles();
    assertThat(files).hasSizeGreaterThan(100);
    List<String> problems = new ArrayList<>();
    for (Path path : files) {
      String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      String name = CORPUS.relativize(path).toString();
      for (String problem : check(text)) {
        problems.add(name + ": " + problem);
      }
      for (String problem : check(crlf(text))) {
        problems.add(name + " (CRLF): " + problem);
      }
      String backtick = backtick(text);
      if (backtick != null) {
        for (String problem : check(backtick)) {
          problems.add(name + " (escape=`): " + problem);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void generatedDockerfilesFixCleanly() {
    DockerfilePropertiesTest.forAll("--fix --unsafe-fixes", text -> assertThat(check(text)).isEmpty());
  }
}
