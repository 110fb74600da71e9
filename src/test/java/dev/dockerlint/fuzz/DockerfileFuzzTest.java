package dev.dockerlint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzz targets (Jazzer). In {@code ./mvnw verify} they run in regression mode: each
 * seed under {@code src/test/resources/dev/dockerlint/fuzz/DockerfileFuzzTestInputs/<method>/} (and
 * any crash Jazzer saved there) is run once. To fuzz for real, see "Fuzzing and mutation testing" in
 * the README: {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=DockerfileFuzzTest#parser}.
 */
class DockerfileFuzzTest {
  /** Bytes are decoded as the command line decodes a file: UTF-8, invalid sequences replaced. */
  static String decode(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  @FuzzTest(maxDuration = "30s")
  void parser(byte[] data) {
    Invariants.parse(decode(data));
  }

  @FuzzTest(maxDuration = "30s")
  void linter(byte[] data) {
    Invariants.parseLintAndReport(decode(data));
  }
}
