package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A baseline names each file the same way however the paths were typed and wherever dockerlint runs. */
class BaselineTest {
  static final String BAD = "FROM nginx:latest\nUSER node\nHEALTHCHECK NONE\n";

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(Path workingDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), workingDir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aBaselineOfADirectoryAbsorbsTheSameFileNamedDirectly() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write("Dockerfile", BAD);
    write("svc/api/Dockerfile", BAD);
    assertThat(run(dir, "--write-baseline", "b.txt", ".").code()).isZero();
    assertThat(run(dir, "--baseline", "b.txt", "Dockerfile").code()).isZero();
    assertThat(run(dir, "--baseline", "b.txt", "./Dockerfile", "svc").code()).isZero();
    // from a subdirectory, with the paths as typed there
    Path api = dir.resolve("svc/api");
    assertThat(run(api, "--baseline", "../../b.txt", "Dockerfile").code()).isZero();
    assertThat(run(api, "--baseline", dir.resolve("b.txt").toString(), ".").code()).isZero();
    // the entries name files from the repository root, not as typed
    assertThat(Files.readString(dir.resolve("b.txt"))).contains("\nDockerfile\timage-latest\t")
        .contains("\nsvc/api/Dockerfile\timage-latest\t").doesNotContain("./");
    // a new finding is still new
    write("svc/api/Dockerfile", BAD + "FROM redis:latest\n");
    Result fresh = run(api, "--format", "gnu", "--baseline", "../../b.txt", "Dockerfile");
    assertThat(fresh.code()).isEqualTo(1);
    assertThat(fresh.out()).contains("Dockerfile:4:6: warning: Image 'redis:latest'").doesNotContain("nginx");
  }

  @Test
  void outsideARepositoryPathsAreFromTheBaselinesDirectory() throws IOException {
    write("project/Dockerfile", BAD);
    Path project = dir.resolve("project");
    assertThat(run(dir, "--write-baseline", "project/b.txt", "project").code()).isZero();
    assertThat(Files.readString(project.resolve("b.txt"))).contains("\nDockerfile\timage-latest\t");
    assertThat(run(project, "--baseline", "b.txt", "Dockerfile").code()).isZero();
  }

  @Test
  void aPathWithATabOrNewlineStaysOneEntry() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    write("odd\tname\n.Dockerfile", BAD);
    assertThat(run(dir, "--write-baseline", "b.txt", ".").code()).isZero();
    assertThat(Files.readAllLines(dir.resolve("b.txt"))).hasSize(2); // the header and the entry
    assertThat(run(dir, "--baseline", "b.txt", "odd\tname\n.Dockerfile").code()).isZero();
  }

  /** Baselines written before entries were keyed by repository path (v1) name files as they were typed. */
  @Test
  void aVersionOneBaselineIsStillRead() throws Exception {
    write("svc/Dockerfile", BAD);
    String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("FROM nginx:latest".getBytes(StandardCharsets.UTF_8)), 0, 12);
    write("b.txt", "# dockerlint baseline v1: file<TAB>rule<TAB>fingerprint; regenerate with --write-baseline\n"
        + "svc/Dockerfile\timage-latest\t" + fingerprint + "#1\n");
    assertThat(run(dir, "--baseline", "b.txt", "svc/Dockerfile").code()).isZero();
    Result other = run(dir, "--format", "gnu", "--baseline", "b.txt", "svc");
    assertThat(other.code()).isZero(); // "svc" finds svc/Dockerfile: the same path as typed then
    write("svc/Dockerfile", BAD + "FROM redis:latest\n");
    assertThat(run(dir, "--format", "gnu", "--baseline", "b.txt", "svc/Dockerfile").out())
        .contains("svc/Dockerfile:4:6: warning: Image 'redis:latest'").doesNotContain("nginx");
  }
}
