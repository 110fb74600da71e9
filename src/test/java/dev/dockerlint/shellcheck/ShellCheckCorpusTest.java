package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Analyzer;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real ShellCheck on part of the shared corpus: checking many Dockerfiles together (batches,
 * shared scripts) gives each exactly what checking it alone gives, with fewer processes than files.
 */
class ShellCheckCorpusTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus");

  @Test
  void batchedAndSharedAnswersAreThoseOfOneDockerfileAtATime() throws IOException {
    Optional<Path> shellcheck = ShellCheck.onPath(System.getenv("PATH"));
    Assumptions.assumeTrue(shellcheck.isPresent(), "shellcheck is not on the PATH (apt-get install shellcheck)");
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is not present");
    List<Dockerfile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      for (Path path : walk.filter(p -> p.getFileName().toString().endsWith("Dockerfile")).sorted().limit(60).toList()) {
        files.add(DockerfileParser.parse(CORPUS.relativize(path).toString(), Files.readString(path, StandardCharsets.UTF_8)));
      }
    }
    ShellCheckRunner shared = new ShellCheckRunner(shellcheck.get(), 2, 60);
    Analyzer together = new ShellCheckAnalyzer(shared);
    List<Analyzer.Pending> pending = new ArrayList<>();
    for (Dockerfile file : files) {
      pending.add(together.start(file));
    }
    int findings = 0;
    for (int i = 0; i < files.size(); i++) {
      Analyzer.Outcome batched = pending.get(i).await();
      Analyzer.Outcome alone = new ShellCheckAnalyzer(new ShellCheckRunner(shellcheck.get(), 1, 60)).start(files.get(i)).await();
      assertThat(batched.warning()).isNull();
      assertThat(describe(batched.findings())).as(files.get(i).path()).isEqualTo(describe(alone.findings()));
      assertThat(batched.checked()).isEqualTo(alone.checked());
      findings += batched.findings().size();
    }
    assertThat(findings).as("ShellCheck has something to say about these files").isPositive();
    assertThat(shared.processesStarted()).isLessThan(files.size() / 2);
  }

  private static List<String> describe(List<Finding> findings) {
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(f.rule() + " " + f.severity() + " " + f.range() + " " + f.message());
    }
    return out;
  }
}
