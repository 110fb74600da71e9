package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF with fixes passes Microsoft's SARIF multitool ({@code validate}), beside the schema test:
 * the npm package {@code @microsoft/sarif-multitool} installed from the registry into
 * target/sarif-multitool-cache. Skipped, with the reason, without node and npm or when the
 * registry cannot be reached.
 */
class SarifMultitoolTest {
  private static final String PACKAGE = "@microsoft/sarif-multitool@5.7.0";
  private static final Path CACHE = Path.of("target", "sarif-multitool-cache").toAbsolutePath();
  private static final Path TOOL = CACHE.resolve("node_modules/.bin/sarif-multitool");

  @TempDir Path dir;

  @BeforeAll
  static void install() throws Exception {
    assumeTrue(Checkout.available("node", "npm"), "node and npm are needed to install the SARIF multitool");
    if (!Files.isExecutable(TOOL)) {
      Files.createDirectories(CACHE);
      Checkout.Run r = Checkout.run(CACHE, Map.of(), "npm", "install", "--no-audit", "--no-fund", "--no-save",
          "--prefix", CACHE.toString(), PACKAGE);
      assumeTrue(r.code() == 0 && Files.isExecutable(TOOL), "npm could not install " + PACKAGE + " (no registry?): " + r.out());
    }
  }

  private Checkout.Run validate(Path sarif) throws Exception {
    Path log = dir.resolve(sarif.getFileName() + ".validation.sarif");
    Files.deleteIfExists(log);
    return Checkout.run(dir, Map.of(), TOOL.toString(), "validate", sarif.toString(), "-o", log.toString());
  }

  @Test
  void aReportWithFixesIsValid() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:22.04\nrun apt-get update && apt-get install -y curl\n"
        + "MAINTAINER me@example.com\nENV A 1\nCMD node server.js\n");
    BaselineTest.Result r = BaselineTest.run(dir, "--no-shellcheck", "--format", "sarif", "--output", "out.sarif",
        "Dockerfile");
    assertThat(r.code()).isEqualTo(1);
    Path sarif = dir.resolve("out.sarif");
    assertThat(Files.readString(sarif)).contains("\"fixes\"").contains("\"artifactChanges\"").contains("\"replacements\"");
    Checkout.Run v = validate(sarif);
    assertThat(v.code()).as(v.out()).isZero();
    assertThat(v.out()).doesNotContainPattern("(?m): error [A-Z]+[0-9]+");
  }

  @Test
  void aBrokenReportFails() throws Exception {
    Path sarif = dir.resolve("bad.sarif");
    Files.writeString(sarif, "{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}");
    Checkout.Run v = validate(sarif);
    assertThat(v.out()).containsPattern("(?m): error [A-Z]+[0-9]+");
  }
}
