package dev.dockerlint.compose.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.compose.ComposeException;
import dev.dockerlint.compose.ComposeLinter;
import dev.dockerlint.compose.ComposeLoader;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.rules.RuleTester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one compose rule through the loader and the compose linter, as a run does. The files are
 * written to a fresh directory (a repository: it has a {@code .git}); the first is the base, the
 * others named {@code compose*.yaml} after it are merged onto it, and any other file (a
 * {@code .env}, an included file, a Dockerfile) is just there. Expected findings are marked in any
 * file with {@code [|...|]}, as {@link RuleTester} marks them.
 */
public final class ComposeRuleTester {
  private final ComposeRule rule;

  public ComposeRuleTester(ComposeRule rule) {
    this.rule = rule;
  }

  /** Asserts the rule reports exactly the marked ranges of a single compose.yaml. */
  public List<Finding> check(String marked) {
    return check(Map.of("compose.yaml", marked));
  }

  /** {@link #check(String)} over several files, each possibly marked; in order, the first the base. */
  public List<Finding> check(Map<String, String> files) {
    Map<String, RuleTester.Marked> marked = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : ordered(files).entrySet()) {
      marked.put(file.getKey(), RuleTester.Marked.of(file.getValue()));
    }
    List<Finding> findings = lintFiles(marked);
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, RuleTester.Marked> file : marked.entrySet()) {
      for (var range : file.getValue().ranges()) {
        expected.add(file.getKey() + " " + range);
      }
    }
    assertThat(findings).allSatisfy(f -> assertThat(f.rule()).isEqualTo(rule.info().id()));
    assertThat(findings.stream().map(f -> f.file() + " " + f.range()).sorted().toList())
        .as("findings of %s: %s", rule.info().id(), findings.stream().map(Finding::message).toList())
        .containsExactlyElementsOf(expected.stream().sorted().toList());
    return findings;
  }

  /** The findings of the files, unmarked. */
  public List<Finding> lint(Map<String, String> files) {
    Map<String, RuleTester.Marked> marked = new LinkedHashMap<>();
    for (Map.Entry<String, String> file : ordered(files).entrySet()) {
      marked.put(file.getKey(), new RuleTester.Marked(file.getValue(), List.of()));
    }
    return lintFiles(marked);
  }

  /** Map.of has no order: compose.yaml first, then the other compose files by name, then the rest. */
  private static Map<String, String> ordered(Map<String, String> files) {
    Map<String, String> ordered = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(files.keySet());
    java.util.Collections.sort(names);
    if (files.containsKey("compose.yaml")) {
      ordered.put("compose.yaml", files.get("compose.yaml"));
    }
    for (String name : names) {
      ordered.putIfAbsent(name, files.get(name));
    }
    return ordered;
  }

  private List<Finding> lintFiles(Map<String, RuleTester.Marked> files) {
    Path dir;
    try {
      dir = Files.createTempDirectory("compose-rule");
      Files.createDirectory(dir.resolve(".git"));
      List<ComposeLoader.Input> inputs = new ArrayList<>();
      for (Map.Entry<String, RuleTester.Marked> file : files.entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue().text());
        String name = path.getFileName().toString();
        if (name.startsWith("compose") && name.endsWith(".yaml") && !file.getKey().contains("/")) {
          inputs.add(new ComposeLoader.Input(file.getKey(), path, file.getValue().text()));
        }
      }
      ComposeProject project;
      try {
        project = new ComposeLoader(dir).load(inputs);
      } catch (ComposeException e) {
        throw new AssertionError("does not load: " + e.problems(), e);
      }
      Linter settings = new Linter(List.of(), new LintSettings(Set.of(), Set.of(rule.info().id()), Map.of(), List.of()));
      List<Finding> findings = new ArrayList<>();
      for (ComposeLinter.FileFindings file : new ComposeLinter(List.of(rule), settings, true).lint(project)) {
        findings.addAll(file.findings());
      }
      delete(dir);
      return findings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
