package dev.dockerlint.cli;

import static dev.dockerlint.cli.LauncherRunner.awaitArchive;
import static dev.dockerlint.cli.LauncherRunner.chown;
import static dev.dockerlint.cli.LauncherRunner.count;
import static dev.dockerlint.cli.LauncherRunner.mode;
import static dev.dockerlint.cli.LauncherRunner.shared;
import static dev.dockerlint.cli.LauncherRunner.uid;
import static dev.dockerlint.cli.LauncherRunner.writableByOthers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.cli.LauncherRunner.Run;
import dev.dockerlint.cli.LauncherRunner.Started;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/dockerlint}, the launcher a user and the pre-commit hook run, on the JDK running the
 * tests (a static CDS archive on JDK 17-24; {@link LauncherAotTest} covers JDK 25's AOT caches).
 * Its archive is only an optimisation, so a missing, damaged, stale or planted one, or a cache
 * directory someone else can write to, must never change a run's output or exit code, and never
 * be used; the cache must be private whatever the umask.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  @TempDir Path dir;
  private LauncherRunner runner;

  @BeforeEach
  void setUp() throws IOException {
    runner = new LauncherRunner(dir, LauncherRunner.testJdk());
  }

  @AfterEach
  void noTrainerLeftBehind() throws Exception {
    runner.awaitTrainers();
  }

  /** A first run in the default cache; returns the archive it left behind. */
  private Path firstRun() throws Exception {
    assertThat(runner.launch("Dockerfile").result()).isEqualTo(runner.expected());
    Path archive = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(archive).as("class-data archive").isNotNull();
    return archive;
  }

  private Run loggedRun(String name, String... args) throws Exception {
    Path classLog = dir.resolve(name + ".classes");
    Run run = runner.launchLogged(classLog, args);
    return run;
  }

  @Test
  void theFirstRunMakesAnArchiveThatLaterRunsUseAndEveryRunPrintsTheSame() throws Exception {
    Run first = runner.launchLogged(dir.resolve("first.classes"), "Dockerfile");
    assertThat(first.result()).isEqualTo(runner.expected());
    assertThat(first.code()).isEqualTo(1);
    assertThat(shared(dir.resolve("first.classes"), "dev.dockerlint.cli.Main")).as("no archive yet").isFalse();
    Path archive = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(archive).isNotNull();
    assertThat(archive.getFileName().toString()).startsWith("dockerlint-").contains("_lib_dockerlint.jar");
    assertThat(Files.getLastModifiedTime(archive)).as("the jar's time").isEqualTo(runner.jarTime());
    assertThat(uid(archive)).isEqualTo(uid(dir));
    assertThat(writableByOthers(archive)).isFalse();
    assertThat(mode(runner.cacheDir())).isEqualTo("rwx------");

    Run second = loggedRun("second", "Dockerfile");
    assertThat(second.result()).isEqualTo(first.result());
    assertThat(shared(dir.resolve("second.classes"), "dev.dockerlint.cli.Main")).isTrue();
    assertThat(shared(dir.resolve("second.classes"), "dev.dockerlint.rules.BuiltinRules")).isTrue();

    // the training also ran SARIF with a config file: Jackson and SnakeYAML come from the archive
    Files.writeString(runner.work.resolve("lint.yaml"), "ignore: [pipefail]\n");
    Run sarif = loggedRun("sarif", "--format", "sarif", "--config", "lint.yaml", "Dockerfile");
    assertThat(sarif.result()).isEqualTo(runner.expected("--format", "sarif", "--config", "lint.yaml", "Dockerfile"));
    assertThat(shared(dir.resolve("sarif.classes"), "com.fasterxml.jackson.core.JsonFactory")).isTrue();
    assertThat(shared(dir.resolve("sarif.classes"), "org.yaml.snakeyaml.LoaderOptions")).isTrue();

    Run options = runner.launch("--failure-threshold", "error", "Dockerfile");
    assertThat(options.code()).isZero();
    assertThat(options.out()).isEqualTo(first.out());
    assertThat(runner.launch(Map.of("DOCKERLINT_CDS", "0"), "Dockerfile").result()).isEqualTo(first.result());
  }

  @Test
  void theArchiveIsVerifiedOnceWhenItIsMadeNotOnEveryRun() throws Exception {
    firstRun();
    runner.launch("Dockerfile");
    List<String> runs = runner.javaRuns();
    List<String> lints = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    for (String line : runs) {
      if (line.contains("-Xshare:on")) {
        checks.add(line);
      } else if (line.endsWith("-jar " + runner.jar + " Dockerfile")) {
        lints.add(line);
      }
    }
    assertThat(checks).singleElement().asString().contains("-XX:+VerifySharedSpaces", "-XX:SharedArchiveFile=");
    assertThat(lints).hasSize(2);
    assertThat(lints.get(0)).doesNotContain("SharedArchiveFile");
    assertThat(lints.get(1)).contains("-XX:SharedArchiveFile=" + runner.cacheDir()).doesNotContain("VerifySharedSpaces");
    assertThat(count(runs, "-XX:DumpLoadedClassList=")).as("training runs").isEqualTo(1);
  }

  @Test
  void aTruncatedOrHeaderCorruptedArchiveIsNeitherFatalNorUsedAndIsMadeAgain() throws Exception {
    Path archive = firstRun();
    long size = Files.size(archive);
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.setLength(size / 2);
    }
    Run truncated = loggedRun("truncated", "Dockerfile");
    assertThat(truncated.result()).isEqualTo(runner.expected());
    assertThat(shared(dir.resolve("truncated.classes"), "dev.dockerlint.cli.Main")).isFalse();
    Path again = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(Files.size(again)).isEqualTo(size);
    assertThat(Files.getLastModifiedTime(again)).isEqualTo(runner.jarTime());

    byte[] bytes = Files.readAllBytes(again);
    for (int i = 16; i < 200; i++) {
      bytes[i] ^= 0x33;
    }
    Files.write(again, bytes);
    Run corrupted = loggedRun("corrupted", "Dockerfile");
    assertThat(corrupted.result()).isEqualTo(runner.expected());
    assertThat(shared(dir.resolve("corrupted.classes"), "dev.dockerlint.cli.Main")).isFalse();
    Path third = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(Files.getLastModifiedTime(third)).isEqualTo(runner.jarTime());
    assertThat(runner.launch("Dockerfile").result()).isEqualTo(runner.expected());
    try (Stream<Path> crashes = Files.list(runner.work)) {
      assertThat(crashes.filter(p -> p.getFileName().toString().startsWith("hs_err")).toList()).isEmpty();
    }
  }

  @Test
  void anArchiveOlderThanTheJarIsMadeAgain() throws Exception {
    Path archive = firstRun();
    Files.setLastModifiedTime(runner.jar, FileTime.fromMillis(System.currentTimeMillis() / 1000 * 1000 - 5_000));
    Run stale = loggedRun("stale", "Dockerfile");
    assertThat(stale.result()).isEqualTo(runner.expected());
    assertThat(shared(dir.resolve("stale.classes"), "dev.dockerlint.cli.Main")).isFalse();
    Path again = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(again).isEqualTo(archive);
    assertThat(Files.getLastModifiedTime(again)).isEqualTo(runner.jarTime());
    loggedRun("fresh", "Dockerfile");
    assertThat(shared(dir.resolve("fresh.classes"), "dev.dockerlint.cli.Main")).isTrue();
  }

  @Test
  void aCacheOwnedByAnotherUserIsNeitherUsedNorWritten() throws Exception {
    assumeTrue(runner.canChown(), "only root can give a directory to another user (uid 65534) here");
    Path cache = Files.createDirectories(runner.cacheDir(), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    chown(cache, 65534);
    Run run = runner.launch("Dockerfile");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(runner.expected().out());
    assertThat(run.err()).isEqualTo("dockerlint: warning: cache directory '" + cache
        + "' is not owned by you, so no class-data archive is used; remove it or make it yours with mode 700\n");
    runner.awaitTrainers();
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.toList()).isEmpty();
    }
    assertThat(runner.javaRuns()).hasSize(1);
  }

  @Test
  void anArchivePlantedByAnotherUserIsNotUsedAndIsReplaced() throws Exception {
    assumeTrue(runner.canChown(), "only root can give a file to another user (uid 65534) here");
    Path archive = firstRun();
    chown(archive, 65534); // as if someone else had put their own file there, with the right time
    Run run = loggedRun("planted", "Dockerfile");
    assertThat(run.result()).isEqualTo(runner.expected());
    assertThat(shared(dir.resolve("planted.classes"), "dev.dockerlint.cli.Main")).isFalse();
    Path again = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(uid(again)).isEqualTo(uid(dir));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rwxrwx---", "rwx---rwx", "rwxrwxrwt"})
  void aCacheOthersCanWriteToIsNeitherUsedNorWritten(String permissions) throws Exception {
    Path cache = Files.createDirectories(runner.cacheDir());
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString(permissions.replace('t', 'x')));
    if (permissions.endsWith("t")) {
      new ProcessBuilder("chmod", "+t", cache.toString()).start().waitFor();
    }
    Run run = runner.launch("Dockerfile");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(runner.expected().out());
    assertThat(run.err()).isEqualTo("dockerlint: warning: cache directory '" + cache
        + "' is writable by group or others, so no class-data archive is used; remove it or make it yours with mode 700\n");
    runner.awaitTrainers();
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.toList()).isEmpty();
    }
    // once the user makes it private again, it is used
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
    assertThat(runner.launch("Dockerfile").err()).isEmpty();
    assertThat(awaitArchive(cache, ".jsa")).isNotNull();
  }

  @Test
  void theCacheIsPrivateWhateverTheUmask() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("XDG_CACHE_HOME", null);
    Path home = Path.of(runner.env.get("HOME"));
    Started started = runner.start(env, List.of("sh", "-c", "umask 000 && exec sh \"$0\" \"$@\"",
        LauncherRunner.LAUNCHER.toString()), "Dockerfile");
    Run run = runner.finish(started);
    assertThat(run.result()).isEqualTo(runner.expected());
    Path cache = home.resolve(".cache").resolve("dockerlint");
    Path archive = awaitArchive(cache, ".jsa");
    assertThat(archive).isNotNull();
    assertThat(mode(home.resolve(".cache"))).isEqualTo("rwx------");
    assertThat(mode(cache)).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : files.toList()) {
        assertThat(writableByOthers(file)).as(file.toString()).isFalse();
      }
    }
  }

  @Test
  void withoutHomeTheCacheIsADirectoryOfTheUsersOwnInTmpdir() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Map<String, String> env = new HashMap<>();
    env.put("HOME", null);
    env.put("XDG_CACHE_HOME", null);
    env.put("TMPDIR", tmp.toString());
    assertThat(runner.launch(env, "Dockerfile").result()).isEqualTo(runner.expected());
    Path own = tmp.resolve("dockerlint-" + uid(dir));
    assertThat(awaitArchive(own, ".jsa")).isNotNull();
    assertThat(mode(own)).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.toList()).containsExactly(own);
    }
    if (runner.canChown()) {
      chown(own, 65534); // someone else made it first
      Run run = runner.launch(env, "Dockerfile");
      assertThat(run.out()).isEqualTo(runner.expected().out());
      assertThat(run.err()).contains("cache directory '" + own + "' is not owned by you");
    }
  }

  @Test
  void aRelativeXdgCacheHomeIsIgnored() throws Exception {
    Run run = runner.launch(Map.of("XDG_CACHE_HOME", "relative-cache"), "Dockerfile");
    assertThat(run.result()).isEqualTo(runner.expected());
    assertThat(awaitArchive(Path.of(runner.env.get("HOME"), ".cache", "dockerlint"), ".jsa")).isNotNull();
    assertThat(runner.work.resolve("relative-cache")).doesNotExist();
  }

  @Test
  void aSymbolicLinkInPlaceOfTheArchiveIsNeitherUsedNorFollowed() throws Exception {
    Path archive = firstRun();
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("real.jsa");
    Files.move(archive, elsewhere);
    Files.createSymbolicLink(archive, elsewhere);
    byte[] before = Files.readAllBytes(elsewhere);
    Run run = loggedRun("link", "Dockerfile");
    assertThat(run.result()).isEqualTo(runner.expected());
    assertThat(shared(dir.resolve("link.classes"), "dev.dockerlint.cli.Main")).isFalse();
    Path again = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(again).isEqualTo(archive);
    assertThat(Files.isSymbolicLink(again)).isFalse();
    assertThat(Files.readAllBytes(elsewhere)).isEqualTo(before);
  }

  @Test
  void symbolicLinksInPlaceOfTheTrainingDirectoryOrTheCacheAreNotFollowed() throws Exception {
    Path target = Files.createDirectories(dir.resolve("target"));
    Path cache = Files.createDirectories(runner.cacheDir(), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    // the launcher's training directory is <archive name without .jsa>.new
    runner.launch(Map.of("DOCKERLINT_CDS", "0"), "Dockerfile");
    String version = versionOf(LauncherRunner.testJdk());
    Path training = cache.resolve("dockerlint-" + version + "-" + key(runner.jar) + ".new");
    Files.createSymbolicLink(training, target);
    assertThat(runner.launch("Dockerfile").result()).isEqualTo(runner.expected());
    Thread.sleep(500);
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.toList()).isEmpty();
    }
    assertThat(runner.javaRuns()).as("no trainer started").hasSize(2);

    Files.delete(training);
    Files.delete(cache);
    Files.createSymbolicLink(cache, target);
    Run run = runner.launch("Dockerfile");
    assertThat(run.out()).isEqualTo(runner.expected().out());
    assertThat(run.err()).isEqualTo("dockerlint: warning: cache directory '" + cache
        + "' is a symbolic link, so no class-data archive is used; remove it or make it yours with mode 700\n");
    Thread.sleep(500);
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void concurrentFirstRunsMakeOneArchiveAndNoneWaitsForIt() throws Exception {
    int n = 4;
    // the same runs without archives, started alike: what each costs under this much contention
    long plain = slowest(n, Map.of("DOCKERLINT_CDS", "0"));
    // the trainer waits before its training run (5 s, longer on a loaded machine), so a run that
    // waited for it would show
    long delay = Math.max(5, 4 * plain / 1000 + 1);
    Map<String, String> env = Map.of("FAKE_JAVA_TRAIN_DELAY", Long.toString(delay));
    List<Started> started = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      started.add(runner.start(env, "Dockerfile"));
    }
    long slowest = 0;
    for (Started s : started) {
      Run run = runner.finish(s);
      assertThat(run.result()).isEqualTo(runner.expected());
      slowest = Math.max(slowest, run.millis());
    }
    assertThat(LauncherRunner.training(runner.cacheDir())).as("all runs ended while the trainer works").isTrue();
    assertThat(slowest).as("slowest first run vs slowest plain run (%d ms)", plain).isLessThan(2 * plain + 1000);
    Path archive = awaitArchive(runner.cacheDir(), ".jsa");
    assertThat(archive).isNotNull();
    assertThat(count(runner.javaRuns(), "-XX:DumpLoadedClassList=")).as("training runs").isEqualTo(1);
    assertThat(count(runner.javaRuns(), "-Xshare:dump")).as("archives written").isEqualTo(1);
    try (Stream<Path> files = Files.list(runner.cacheDir())) {
      assertThat(files.filter(p -> p.toString().endsWith(".jsa")).toList()).containsExactly(archive);
    }
  }

  /** Starts N launchers at once with ENV and returns the slowest one's time. */
  private long slowest(int n, Map<String, String> env) throws Exception {
    List<Started> started = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      started.add(runner.start(env, "Dockerfile"));
    }
    long slowest = 0;
    for (Started s : started) {
      slowest = Math.max(slowest, runner.finish(s).millis());
    }
    return slowest;
  }

  @Test
  void theCommonPathForksNothingBeforeJava() throws Exception {
    assumeTrue(strace(), "strace is not available (or may not trace) here");
    firstRun();
    // JAVA_HOME set: nothing to look up
    assertThat(forksBeforeJava(Map.of())).isZero();
    // java found on the PATH through a symbolic link, as /usr/bin/java is: resolved once, then remembered
    Path bin = Files.createDirectories(dir.resolve("usr").resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), runner.jdk.resolve("bin").resolve("java"));
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", null);
    env.put("PATH", bin + ":/usr/bin:/bin");
    assertThat(runner.launch(env, "Dockerfile").result()).isEqualTo(runner.expected());
    assertThat(Files.readString(runner.cacheDir().resolve("java-home")))
        .isEqualTo(bin.resolve("java") + "\n" + runner.jdk.toRealPath() + "\n");
    assertThat(forksBeforeJava(env)).isZero();
  }

  private static boolean strace() throws Exception {
    try {
      Process p = new ProcessBuilder("strace", "-qq", "-e", "trace=none", "true").redirectErrorStream(true).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The processes the launcher's shell forks before it execs java, counted by strace. */
  private long forksBeforeJava(Map<String, String> env) throws Exception {
    Path trace = dir.resolve("strace.log");
    Files.deleteIfExists(trace);
    Started started = runner.start(env, List.of("strace", "-f", "-qq", "-e", "trace=process", "-o", trace.toString(),
        "sh", LauncherRunner.LAUNCHER.toString()), "Dockerfile");
    assertThat(runner.finish(started).result()).isEqualTo(runner.expected());
    String shell = null;
    long forks = 0;
    for (String line : Files.readAllLines(trace)) {
      String pid = line.substring(0, line.indexOf(' '));
      String call = line.substring(line.indexOf(' ') + 1).strip(); // strace pads short pids
      if (shell == null && call.startsWith("execve(")) {
        shell = pid;
      } else if (pid.equals(shell) && call.startsWith("execve(")) {
        assertThat(call).contains(runner.jdk.resolve("bin").resolve("java").getFileName().toString());
        return forks;
      } else if (pid.equals(shell) && (call.startsWith("clone") || call.startsWith("fork") || call.startsWith("vfork"))) {
        forks++;
      }
    }
    throw new AssertionError("the launcher never started java: " + Files.readString(trace));
  }

  @Test
  void theReadmeInstallsTheLauncherAndTheJarWhereTheyFindEachOther() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("### Installing the command");
    int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
    String block = readme.substring(start, readme.indexOf("```", start));
    Path home = Path.of(runner.env.get("HOME"));
    for (String line : block.strip().split("\n")) {
      String command = line.replace("~", home.toString()).replace("target/dockerlint.jar", runner.jar.toString());
      Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      assertThat(p.waitFor()).as(command).isZero();
    }
    Path installed = home.resolve(".local/bin/dockerlint");
    assertThat(Files.isSymbolicLink(installed)).isFalse();
    Map<String, String> env = new HashMap<>();
    env.put("DOCKERLINT_JAR", null);
    Started started = runner.start(env, List.of("sh", installed.toString()), "Dockerfile");
    assertThat(runner.finish(started).result()).isEqualTo(runner.expected());
    assertThat(awaitArchive(runner.cacheDir(), "_.local_bin_.._share_dockerlint_dockerlint.jar.jsa")).isNotNull();
  }

  @Test
  void noArchiveAndNoCacheWithDockerlintCds0() throws Exception {
    assertThat(runner.launch(Map.of("DOCKERLINT_CDS", "0"), "Dockerfile").result()).isEqualTo(runner.expected());
    assertThat(runner.cacheDir().getParent()).doesNotExist();
  }

  @Test
  void aCacheDirectoryThatCannotBeCreatedOnlyCostsTheArchive() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("cache-file"), "x");
    Run run = runner.launch(Map.of("XDG_CACHE_HOME", notADirectory.toString()), "Dockerfile");
    assertThat(run.result()).isEqualTo(runner.expected());
  }

  @Test
  void anInstallerPutsTheArchiveNextToTheJarAndEveryUserRunsWithIt() throws Exception {
    Run install = runner.launch(Map.of("DOCKERLINT_CDS", "install"));
    Path archive = runner.jar.resolveSibling("dockerlint-" + versionOf(LauncherRunner.testJdk()) + ".jsa");
    assertThat(install.code()).as(install.err()).isZero();
    assertThat(install.out()).isEqualTo("dockerlint: wrote " + archive + "\n");
    assertThat(mode(archive)).isEqualTo("rw-r--r--");
    assertThat(Files.getLastModifiedTime(archive)).isEqualTo(runner.jarTime());
    try (Stream<Path> files = Files.list(runner.jar.getParent())) {
      assertThat(files.toList()).containsExactlyInAnyOrder(runner.jar, archive);
    }
    // a user whose cache cannot be created still gets the archive
    Path notADirectory = Files.writeString(dir.resolve("cache-file"), "x");
    Path classLog = dir.resolve("installed.classes");
    Run run = runner.launch(Map.of("XDG_CACHE_HOME", notADirectory.toString(),
        "DOCKERLINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "Dockerfile");
    assertThat(run.result()).isEqualTo(runner.expected());
    assertThat(shared(classLog, "dev.dockerlint.cli.Main")).isTrue();
    // and a new jar makes it stale rather than wrong
    Files.setLastModifiedTime(runner.jar, FileTime.fromMillis(System.currentTimeMillis() / 1000 * 1000 - 5_000));
    runner.launch(Map.of("XDG_CACHE_HOME", notADirectory.toString(),
        "DOCKERLINT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "Dockerfile");
    assertThat(shared(classLog, "dev.dockerlint.cli.Main")).isFalse();
  }

  /** JAVA_RUNTIME_VERSION from a JDK's release file, as the launcher reads it. */
  static String versionOf(Path javaHome) throws IOException {
    String version = null;
    for (String line : Files.readAllLines(javaHome.resolve("release"))) {
      if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
        return line.substring(line.indexOf('=') + 1).replace("\"", "");
      }
      if (line.startsWith("JAVA_VERSION=")) {
        version = line.substring(line.indexOf('=') + 1).replace("\"", "");
      }
    }
    return version;
  }

  /** The jar's path as one file name, as the launcher writes it. */
  static String key(Path jar) {
    return jar.toAbsolutePath().toString().replace('/', '_');
  }

  static boolean isRegular(Path file) {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }
}
