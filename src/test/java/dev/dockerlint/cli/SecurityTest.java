package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dockerlint promises when the files, names and links it reads come from an attacker's pull
 * request, and when it shares the machine with other users (README, Security).
 */
class SecurityTest {
  static final String CLEAN = BadInputTest.CLEAN;
  /** The line actions/checkout leaves in .git/config: the CI token, base64-encoded. */
  static final String TOKEN_LINE = "extraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX1NlY3JldFRva2VuMTIz";
  static final String GIT_CONFIG = "[core]\n\tbare = false\n[http \"https://github.com/\"]\n\t" + TOKEN_LINE + "\n";

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  Result run(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Result run(String... args) {
    return run(InputStream.nullInputStream(), args);
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  boolean root() throws IOException {
    return ((Integer) Files.getAttribute(dir, "unix:uid")) == 0;
  }

  static boolean isSpecial(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
  }

  // --- symbolic links and what reports show (issue 17, items 2 and 9)

  @Test
  void aDirectoryScanDoesNotFollowALinkToAFile() throws IOException {
    write(".git/config", GIT_CONFIG);
    write("app/Dockerfile", CLEAN);
    Files.createSymbolicLink(dir.resolve("app/Dockerfile.ci"), Path.of("../.git/config"));
    Result r = run("app");
    assertThat(r.out()).doesNotContain("AUTHORIZATION").doesNotContain("extraheader").doesNotContain("Dockerfile.ci")
        .isEqualTo("No problems found in 1 file\n");
    assertThat(r.err()).isEqualTo("dockerlint: app/Dockerfile.ci: warning: symbolic link not followed in a directory "
        + "scan; name it on the command line to lint it\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void aDirectoryScanDoesNotFollowALinkToADirectory() throws IOException {
    write("elsewhere/Dockerfile", "FROM alpine:latest\n");
    write("app/Dockerfile", CLEAN);
    Files.createSymbolicLink(dir.resolve("app/linked"), dir.resolve("elsewhere"));
    Result r = run("--format", "gnu", "app");
    assertThat(r.out()).doesNotContain("linked");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void aLinkNamedOnTheCommandLineIsFollowed() throws IOException {
    write("real/Dockerfile", BadInputTest.GOOD);
    Files.createSymbolicLink(dir.resolve("Dockerfile.ci"), Path.of("real/Dockerfile"));
    Result r = run("Dockerfile.ci");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Dockerfile.ci:1:6: warning image-latest: ").contains(" 1 | FROM alpine:latest\n");
  }

  @Test
  void aFileWithoutFromIsReportedWithoutItsLines() throws IOException {
    write("repo/.git/config", GIT_CONFIG);
    Result r = run("repo/.git/config");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("repo/.git/config:4:2: error syntax-error: ")
        .doesNotContain("AUTHORIZATION").doesNotContain(" | ").doesNotContain("bare = false");
    // a Dockerfile keeps its code frames
    write("Dockerfile", BadInputTest.GOOD);
    assertThat(run("Dockerfile").out()).contains(" 1 | FROM alpine:latest\n");
  }

  @Test
  void aLinkToADirectoryNamedOnTheCommandLineIsScanned() throws IOException {
    write("services/api/Dockerfile", BadInputTest.GOOD);
    Files.createSymbolicLink(dir.resolve("svc"), Path.of("services"));
    Result r = run("--format", "gnu", "svc");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("svc/api/Dockerfile:1:6: warning: Image 'alpine:latest'");
    assertThat(r.code()).isEqualTo(1);
  }

  // --- where reports and baselines are written (items 6 and 10)

  @Test
  void aFifoOutputIsWrittenInPlace() throws Exception {
    write("Dockerfile", BadInputTest.GOOD);
    Path fifo = dir.resolve("report.fifo");
    assumeTrue(BadInputTest.mkfifo(fifo), "mkfifo is not available");
    CompletableFuture<String> read = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        read.complete(Files.readString(fifo));
      } catch (IOException e) {
        read.completeExceptionally(e);
      }
    });
    reader.setDaemon(true); // if the FIFO were replaced, its reader would wait for ever
    reader.start();
    Result r = run("--format", "json", "--output", "report.fifo", "Dockerfile");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(isSpecial(fifo)).as("still a FIFO").isTrue();
    assertThat(read.get(20, TimeUnit.SECONDS)).contains("\"rule\": \"image-latest\"");
  }

  @Test
  void devNullIsWrittenInPlace() throws IOException {
    assumeFalse(root(), "running as root: a regression would replace this machine's /dev/null (the root case "
        + "uses a device node of its own)");
    assumeTrue(isSpecial(Path.of("/dev/null")), "no /dev/null here");
    write("Dockerfile", BadInputTest.GOOD);
    Result r = run("--format", "sarif", "--output", "/dev/null", "Dockerfile");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(isSpecial(Path.of("/dev/null"))).isTrue();
  }

  @Test
  void aDeviceNodeIsWrittenInPlace() throws Exception {
    assumeTrue(root(), "only root can create a device node");
    Path nullDevice = dir.resolve("null");
    Process mknod = new ProcessBuilder("mknod", nullDevice.toString(), "c", "1", "3").redirectErrorStream(true).start();
    mknod.getInputStream().readAllBytes();
    assumeTrue(mknod.waitFor() == 0 && Files.exists(nullDevice), "mknod failed (a container without that right)");
    write("Dockerfile", BadInputTest.GOOD);
    Result r = run("--format", "sarif", "--output", "null", "Dockerfile");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(isSpecial(nullDevice)).as("still a device").isTrue();
  }

  /**
   * {@code /proc/self/fd/1} is what {@code /dev/stdout} leads to. It is tested in a child JVM (this
   * one's stdout belongs to the test runner), and rather than {@code /dev/stdout} itself, because a
   * regression running as root would replace the machine's {@code /dev/stdout}; nothing can be
   * created in {@code /proc}.
   */
  @Test
  void standardOutputByItsPathIsWrittenInPlace() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/self/fd/1")), "no /proc here");
    write("Dockerfile", BadInputTest.GOOD);
    List<String> paths = new ArrayList<>(List.of("/proc/self/fd/1"));
    if (!root()) {
      paths.add("/dev/stdout");
    }
    for (String path : paths) {
      // a pipe
      Process piped = child("--format", "json", "--output", path, "Dockerfile").start();
      String out = new String(piped.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(piped.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(piped.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(err).as(path).isEmpty();
      assertThat(piped.exitValue()).as(path).isEqualTo(1);
      assertThat(out).as(path).contains("\"rule\": \"image-latest\"");
      // a regular file the shell opened: written in place, after what it already holds
      Path redirected = write("stdout.txt", "before\n");
      Object inode = Files.readAttributes(redirected, BasicFileAttributes.class).fileKey();
      Process toFile = child("--format", "json", "--output", path, "Dockerfile")
          .redirectOutput(ProcessBuilder.Redirect.appendTo(redirected.toFile())).start();
      String fileErr = new String(toFile.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(toFile.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(fileErr).as(path).isEmpty();
      assertThat(Files.readString(redirected)).as(path).startsWith("before\n{").contains("\"rule\": \"image-latest\"");
      assertThat(Files.readAttributes(redirected, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }
  }

  private ProcessBuilder child(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile());
  }

  @Test
  void aLinkAtTheOutputPathIsReplacedNotWrittenThrough() throws IOException {
    write("Dockerfile", BadInputTest.GOOD);
    Path victim = write("home/.bashrc", "keep\n");
    Files.createSymbolicLink(dir.resolve("report.txt"), Path.of("home/.bashrc"));
    Files.createSymbolicLink(dir.resolve("baseline.txt"), Path.of("home/.bashrc"));
    assertThat(run("--output", "report.txt", "Dockerfile").code()).isEqualTo(1);
    assertThat(run("--write-baseline", "baseline.txt", "Dockerfile").code()).isZero();
    assertThat(Files.readString(victim)).isEqualTo("keep\n");
    assertThat(Files.isSymbolicLink(dir.resolve("report.txt"))).isFalse();
    assertThat(Files.readString(dir.resolve("report.txt"))).contains("image-latest");
    assertThat(Files.isSymbolicLink(dir.resolve("baseline.txt"))).isFalse();
    assertThat(Files.readString(dir.resolve("baseline.txt"))).contains("image-latest");
  }

  /** Only the system's links to open descriptors are written through; /dev/shm is anyone's. */
  @Test
  void onlyDescriptorLinksAreWrittenThrough() {
    for (String path : List.of("/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/1", "/proc/4242/fd/3",
        "/dev/./stdout")) {
      assertThat(OutputFile.isSystemPath(Path.of(path))).as(path).isTrue();
    }
    for (String path : List.of("/dev/shm/report.sarif", "/dev/fd", "/proc/self/environ", "/proc/self/fd/1/x",
        "/tmp/dev/stdout", "/dev/mqueue/x", "/proc/x1/fd/1")) {
      assertThat(OutputFile.isSystemPath(Path.of(path))).as(path).isFalse();
    }
  }

  @Test
  void reportsAndBaselinesGetTheUmasksMode() throws IOException {
    // a file created without asking for a mode gets 0666 minus the umask: what a report should get
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
    assumeFalse(expected.equals(PosixFilePermissions.fromString("rw-------")),
        "the umask is 077, so every new file is 0600 and a forced 0600 cannot be told apart");
    write("Dockerfile", BadInputTest.GOOD);
    assertThat(run("--format", "sarif", "--output", "report.sarif", "Dockerfile").code()).isEqualTo(1);
    assertThat(run("--write-baseline", "baseline.txt", "Dockerfile").code()).isZero();
    assertThat(Files.getPosixFilePermissions(dir.resolve("report.sarif"))).isEqualTo(expected);
    assertThat(Files.getPosixFilePermissions(dir.resolve("baseline.txt"))).isEqualTo(expected);
  }

  @Test
  void aReplacedReportOrBaselineKeepsItsMode() throws IOException {
    write("Dockerfile", BadInputTest.GOOD);
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    for (String name : List.of("report.sarif", "baseline.txt")) {
      Files.setPosixFilePermissions(write(name, "old\n"), mode);
    }
    assertThat(run("--format", "sarif", "--output", "report.sarif", "Dockerfile").code()).isEqualTo(1);
    assertThat(run("--write-baseline", "baseline.txt", "Dockerfile").code()).isZero();
    for (String name : List.of("report.sarif", "baseline.txt")) {
      assertThat(Files.readString(dir.resolve(name))).as(name).contains("image-latest");
      assertThat(Files.getPosixFilePermissions(dir.resolve(name))).as(name).isEqualTo(mode);
    }
  }

  // --- input caps (item 7)

  /** Spaces, {@code size} of them, without holding them in memory. */
  static final class Spaces extends InputStream {
    long left;
    long read;

    Spaces(long size) {
      this.left = size;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      read++;
      return ' ';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return len == 0 ? 0 : -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) ' ');
      left -= n;
      read += n;
      return n;
    }
  }

  @Test
  void stdinHasTheSameCapAsFiles() {
    Spaces stdin = new Spaces((64L << 20) + 4096);
    Result r = run(stdin, "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: -: larger than 64 MiB; not a Dockerfile\n");
    assertThat(stdin.read).isLessThanOrEqualTo((64L << 20) + 1);
    // at the cap, still read
    Result atCap = run(new ByteArrayInputStream(CLEAN.getBytes(StandardCharsets.UTF_8)), "-");
    assertThat(atCap.code()).isZero();
  }

  @Test
  void anOversizedDockerignoreIsAWarningAndUnreadForTheRules() throws IOException {
    String copiesAll = CLEAN + "COPY . /app\n";
    write("Dockerfile", copiesAll);
    write("api.Dockerfile", copiesAll);
    // a small .dockerignore that lets .git through is reported...
    write(".dockerignore", "node_modules\n");
    assertThat(run("--failure-threshold", "none", "Dockerfile").out()).contains("dockerignore-incomplete");
    // ...one over 1 MiB is not read at all: a warning, once for both Dockerfiles, and no crash
    write(".dockerignore", "node_modules\n" + "#".repeat(1 << 20) + "\n");
    Result r = run("--failure-threshold", "none", "Dockerfile", "api.Dockerfile");
    assertThat(r.err()).isEqualTo("dockerlint: .dockerignore: warning: larger than 1 MiB; the .dockerignore "
        + "checks treat it as unreadable\n");
    assertThat(r.out()).doesNotContain("dockerignore-incomplete").doesNotContain("dockerignore-missing")
        .contains("No problems found in 2 files");
    assertThat(r.code()).isZero();
  }

  @Test
  void aBaselineOver64MiBIsRefused() throws IOException {
    write("Dockerfile", CLEAN);
    try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.txt").toFile(), "rw")) {
      big.setLength((64L << 20) + 1);
    }
    Result r = run("--baseline", "big.txt", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: big.txt: cannot read baseline (larger than 64 MiB); regenerate it "
        + "with --write-baseline\n");
  }

  // --- memory (issue 17, item 7)

  /** Three findings a file (image-latest or its kin, apt, root), as a pull request with many Dockerfiles has. */
  static final String SMALL_BAD = "FROM ubuntu\nRUN apt-get update && apt-get install curl wget\nUSER root\n";

  /**
   * SARIF, JSON and JUnit reports of 10,000 files with findings are written as a stream: a JVM with
   * 96 MiB of heap writes all three (the build in memory ran out of 96 MiB and lost the run; the
   * stream needs about 64), byte for byte what a run with the test's large heap writes.
   */
  @Test
  void reportsOfTenThousandFilesAreStreamedWithinASmallHeap() throws Exception {
    for (int i = 0; i < 10_000; i++) {
      write("repo/" + (i % 100) + "/" + i + ".Dockerfile", SMALL_BAD);
    }
    String[] args = {"--no-shellcheck", "--format", "sarif", "--output", "big.sarif", "--format", "json", "--output",
        "big.json", "--format", "junit", "--output", "big.xml", "repo"};
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx96m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String childOut = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(childOut).isEmpty();
    assertThat(child.exitValue()).isEqualTo(1);
    byte[][] small = {Files.readAllBytes(dir.resolve("big.sarif")), Files.readAllBytes(dir.resolve("big.json")),
        Files.readAllBytes(dir.resolve("big.xml"))};
    Result here = run(args);
    assertThat(here.code()).isEqualTo(1);
    assertThat(Files.readAllBytes(dir.resolve("big.sarif"))).isEqualTo(small[0]);
    assertThat(Files.readAllBytes(dir.resolve("big.json"))).isEqualTo(small[1]);
    assertThat(Files.readAllBytes(dir.resolve("big.xml"))).isEqualTo(small[2]);
    assertThat(new String(small[1], StandardCharsets.UTF_8)).contains("\"files\": 10000,").contains("\"file\": \"repo/99/9999.Dockerfile\"");
    assertThat(small[0].length).isGreaterThan(50_000_000);
  }

  /**
   * A file too large for the heap is an internal-error finding for that file, in a real JVM short of
   * heap: the other files are linted and the report is written (before, the whole run was lost).
   */
  @Test
  void aFileTooLargeForTheHeapIsAnInternalErrorAndTheRunGoesOn() throws Exception {
    write("small.Dockerfile", SMALL_BAD);
    write("huge.Dockerfile", "FROM alpine:3.19\n" + "RUN echo hello world\n".repeat(200_000));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--no-shellcheck", "--format", "sarif", "--output", "report.sarif", "huge.Dockerfile", "small.Dockerfile"));
    Process child = new ProcessBuilder(command).directory(dir.toFile()).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEmpty();
    assertThat(err).isEqualTo("dockerlint: huge.Dockerfile: out of memory; not linted (reported as 'internal-error'); "
        + "the other files were linted\n");
    assertThat(child.exitValue()).isEqualTo(2);
    String report = Files.readString(dir.resolve("report.sarif"));
    assertThat(report).contains("\"ruleId\": \"internal-error\"").contains("Not linted: the file needs more memory")
        .contains("\"uri\": \"huge.Dockerfile\"").contains("\"uri\": \"small.Dockerfile\"")
        .contains("\"ruleId\": \"apt-no-install-recommends\"");
  }
}
