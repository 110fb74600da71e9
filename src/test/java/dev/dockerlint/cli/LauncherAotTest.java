package dev.dockerlint.cli;

import static dev.dockerlint.cli.LauncherRunner.awaitArchive;
import static dev.dockerlint.cli.LauncherRunner.count;
import static dev.dockerlint.cli.LauncherRunner.shared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.cli.LauncherRunner.Run;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on JDK 25 or newer (JAVA25_HOME, or Temurin 25 under /usr/lib/jvm; skipped without
 * one): two AOT caches, one for runs of paths and the common options and one for the rest, made
 * with the class linking and adapter/stub caching options the JDK has (probed once per JDK
 * build), checked once when made and never fatal when damaged.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherAotTest {
  private static final String PROBE = "-XX:+AOTClassLinking -XX:+UnlockDiagnosticVMOptions -XX:+AOTAdapterCaching "
      + "-XX:+AOTStubCaching -version";

  @TempDir Path dir;
  private LauncherRunner runner;

  static Path jdk25() {
    String configured = System.getenv("JAVA25_HOME");
    Path home = Path.of(configured != null ? configured : "/usr/lib/jvm/temurin-25-jdk-amd64");
    return Files.isExecutable(home.resolve("bin").resolve("java")) && Files.isRegularFile(home.resolve("release")) ? home : null;
  }

  @BeforeEach
  void setUp() throws IOException {
    Path home = jdk25();
    assumeTrue(home != null, "no JDK 25 here (set JAVA25_HOME)");
    runner = new LauncherRunner(dir, home);
  }

  @AfterEach
  void noTrainerLeftBehind() throws Exception {
    if (runner != null) {
      runner.awaitTrainers();
    }
  }

  /** The first run; returns the two caches once both are made. */
  private Path[] firstRun() throws Exception {
    assertThat(runner.launch("Dockerfile").result()).isEqualTo(runner.expected());
    Path options = awaitArchive(runner.cacheDir(), ".options.aot");
    Path paths = awaitArchive(runner.cacheDir(), ".paths.aot");
    assertThat(paths).isNotNull();
    assertThat(options).isNotNull();
    return new Path[] {paths, options};
  }

  @Test
  void twoCachesAreMadeOnceAndEachRunUsesItsOwnWithoutChecksums() throws Exception {
    Path[] caches = firstRun();
    List<String> made = runner.javaRuns();
    assertThat(count(made, PROBE)).as("probe").isEqualTo(1);
    assertThat(Files.readString(runner.cacheDir().resolve("dockerlint-" + LauncherTest.versionOf(jdk25()) + ".aot-options")))
        .isEqualTo("linking+code\n");
    List<String> trainings = new ArrayList<>();
    for (String line : made) {
      if (line.contains("-XX:AOTCacheOutput=")) {
        trainings.add(line);
      }
    }
    // the cache for paths first: that is what the first run wanted; it is trained without SARIF
    assertThat(trainings).hasSize(2);
    assertThat(trainings.get(0)).contains("-XX:AOTCacheOutput=", "-XX:+AOTClassLinking", "-XX:+AOTAdapterCaching")
        .doesNotContain("dockerlint.cds.train");
    assertThat(trainings.get(1)).contains("-Ddockerlint.cds.train=true", "-Ddockerlint.cds.config=");
    assertThat(count(made, "-XX:AOTMode=on -XX:+VerifySharedSpaces")).as("checks").isEqualTo(2);

    Path classes = dir.resolve("paths.classes");
    assertThat(runner.launchLogged(classes, "--failure-threshold", "error", "Dockerfile").code()).isZero();
    assertThat(shared(classes, "dev.dockerlint.cli.Main")).isTrue();
    Path sarifClasses = dir.resolve("sarif.classes");
    Files.writeString(runner.work.resolve("lint.yaml"), "ignore: [pipefail]\n");
    Run sarif = runner.launchLogged(sarifClasses, "--format", "sarif", "--config", "lint.yaml", "Dockerfile");
    assertThat(sarif.result()).isEqualTo(runner.expected("--format", "sarif", "--config", "lint.yaml", "Dockerfile"));
    assertThat(shared(sarifClasses, "com.fasterxml.jackson.core.JsonFactory")).isTrue();
    assertThat(shared(sarifClasses, "org.yaml.snakeyaml.LoaderOptions")).isTrue();
    List<String> runs = runner.javaRuns().subList(made.size(), runner.javaRuns().size());
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).contains("-XX:AOTCache=" + caches[0]).doesNotContain("VerifySharedSpaces");
    assertThat(runs.get(1)).contains("-XX:AOTCache=" + caches[1]).doesNotContain("VerifySharedSpaces");

    // the probe's answer is remembered with the cache: new caches need no second probe
    Files.delete(caches[0]);
    Files.delete(caches[1]);
    assertThat(runner.launch("--format", "json", "Dockerfile").result())
        .isEqualTo(runner.expected("--format", "json", "Dockerfile"));
    assertThat(awaitArchive(runner.cacheDir(), ".paths.aot")).isNotNull();
    assertThat(awaitArchive(runner.cacheDir(), ".options.aot")).isNotNull();
    assertThat(count(runner.javaRuns(), PROBE)).isEqualTo(1);
    assertThat(count(runner.javaRuns(), "-XX:AOTCacheOutput=")).isEqualTo(4);
  }

  @Test
  void aTruncatedOrHeaderCorruptedCacheIsNeitherFatalNorUsedAndIsMadeAgain() throws Exception {
    Path paths = firstRun()[0];
    long size = Files.size(paths);
    try (RandomAccessFile file = new RandomAccessFile(paths.toFile(), "rw")) {
      file.setLength(size / 2);
    }
    Path classes = dir.resolve("truncated.classes");
    assertThat(runner.launchLogged(classes, "Dockerfile").result()).isEqualTo(runner.expected());
    assertThat(shared(classes, "dev.dockerlint.cli.Main")).isFalse();
    Path again = awaitArchive(runner.cacheDir(), ".paths.aot");
    assertThat(Files.getLastModifiedTime(again)).isEqualTo(runner.jarTime());

    byte[] bytes = Files.readAllBytes(again);
    for (int i = 16; i < 200; i++) {
      bytes[i] ^= 0x33;
    }
    Files.write(again, bytes);
    classes = dir.resolve("corrupted.classes");
    assertThat(runner.launchLogged(classes, "Dockerfile").result()).isEqualTo(runner.expected());
    assertThat(shared(classes, "dev.dockerlint.cli.Main")).isFalse();
    Path third = awaitArchive(runner.cacheDir(), ".paths.aot");
    assertThat(Files.getLastModifiedTime(third)).isEqualTo(runner.jarTime());
    classes = dir.resolve("again.classes");
    assertThat(runner.launchLogged(classes, "Dockerfile").result()).isEqualTo(runner.expected());
    assertThat(shared(classes, "dev.dockerlint.cli.Main")).isTrue();
  }
}
