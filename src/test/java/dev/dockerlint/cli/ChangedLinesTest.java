package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --changed-since}: every changed line is found whatever the file is called, however its
 * path was given, and from wherever dockerlint runs.
 */
class ChangedLinesTest {
  static final String BASE = "FROM alpine:3.20\nUSER 10001\nHEALTHCHECK NONE\n";
  /** BASE with a line 2 that has a finding. */
  static final String CHANGED = "FROM alpine:3.20\nFROM redis:latest\nUSER 10001\nHEALTHCHECK NONE\n";

  @TempDir Path dir;

  @BeforeEach
  void needsGit() throws Exception {
    assumeTrue(git(dir, "--version") == 0, "git is not available");
  }

  record Result(int code, String out, String err) {}

  static Result run(Path workingDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), workingDir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** "file:line rule" of each finding in a JSON report. */
  static TreeSet<String> findings(Result r) throws IOException {
    TreeSet<String> found = new TreeSet<>();
    for (JsonNode finding : new ObjectMapper().readTree(r.out()).path("findings")) {
      found.add(finding.path("file").asText() + ":" + finding.path("line").asInt() + " " + finding.path("rule").asText());
    }
    return found;
  }

  /** A repository whose first commit holds each file as BASE; the work tree then has CHANGED. */
  static Path repository(Path root, String... files) throws Exception {
    Files.createDirectories(root);
    assertThat(git(root, "init", "-q")).isZero();
    git(root, "config", "user.email", "t@example.com");
    git(root, "config", "user.name", "t");
    git(root, "config", "commit.gpgsign", "false");
    for (String file : files) {
      Path path = root.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, BASE);
    }
    assertThat(git(root, "add", "-A")).isZero();
    assertThat(git(root, "commit", "-q", "-m", "base")).isZero();
    for (String file : files) {
      Files.writeString(root.resolve(file), CHANGED);
    }
    return root;
  }

  @Test
  void pathsGitQuotesAreFound() throws Exception {
    List<String> names = List.of("with space/Dockerfile", "tab\there.Dockerfile", "caf\u00e9/Dockerfile",
        "quote\"d.Dockerfile", "back\\slash.Dockerfile", "plain/Dockerfile");
    Path repo = repository(dir.resolve("repo"), names.toArray(String[]::new));
    List<String> args = new ArrayList<>(List.of("--format", "json", "--changed-since", "HEAD"));
    args.addAll(names);
    Result r = run(repo, args.toArray(String[]::new));
    TreeSet<String> expected = new TreeSet<>();
    for (String name : names) {
      expected.add(name + ":2 image-latest");
    }
    assertThat(findings(r)).isEqualTo(expected);
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void aPathThroughALinkedDirectoryIsFound() throws Exception {
    Path repo = repository(dir.resolve("repo"), "svc/Dockerfile");
    Files.createSymbolicLink(dir.resolve("view"), repo);
    Files.createSymbolicLink(repo.resolve("current"), Path.of("svc"));
    Result viaLink = run(dir, "--format", "json", "--changed-since", "HEAD", "view/svc/Dockerfile");
    assertThat(viaLink.err()).isEmpty();
    assertThat(findings(viaLink)).containsExactly("view/svc/Dockerfile:2 image-latest");
    Result inside = run(repo, "--format", "json", "--changed-since", "HEAD", "current/Dockerfile");
    assertThat(findings(inside)).containsExactly("current/Dockerfile:2 image-latest");
  }

  @Test
  void theRepositoryIsFoundFromEachFile() throws Exception {
    repository(dir.resolve("one"), "Dockerfile");
    Path two = repository(dir.resolve("two"), "Dockerfile");
    // a second commit in "two": HEAD~1 exists there only
    assertThat(git(two, "commit", "-q", "-am", "second")).isZero();
    Files.writeString(two.resolve("Dockerfile"), CHANGED.replace("USER", "FROM nginx:latest\nUSER"));
    Result r = run(dir, "--format", "json", "--changed-since", "HEAD", "one/Dockerfile", "two/Dockerfile");
    assertThat(r.err()).isEmpty();
    assertThat(findings(r)).containsExactly("one/Dockerfile:2 image-latest", "two/Dockerfile:3 image-latest");
    Result missingRef = run(dir, "--format", "json", "--changed-since", "HEAD~1", "one/Dockerfile", "two/Dockerfile");
    assertThat(missingRef.code()).isEqualTo(2);
    assertThat(missingRef.err()).isEqualTo("dockerlint: --changed-since: unknown git revision 'HEAD~1' in "
        + dir.resolve("one").toRealPath() + "\n");
  }

  @Test
  void aShallowCloneIsToldToFetchTheHistory() throws Exception {
    Path origin = repository(dir.resolve("origin"), "Dockerfile");
    assertThat(git(origin, "commit", "-q", "-am", "second")).isZero();
    assertThat(git(dir, "clone", "-q", "--depth", "1", origin.toUri().toString(), "shallow")).isZero();
    Path shallow = dir.resolve("shallow");
    Result r = run(shallow, "--changed-since", "HEAD~1", "Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: --changed-since: unknown git revision 'HEAD~1' in "
        + shallow.toRealPath() + ", a shallow clone; fetch the history first (actions/checkout: fetch-depth: 0)\n");
  }

  @Test
  void aFileOutsideEveryRepositoryIsAClearError() throws Exception {
    repository(dir.resolve("repo"), "Dockerfile");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("Dockerfile"), BASE);
    Result r = run(dir, "--changed-since", "HEAD", "repo/Dockerfile", "outside/Dockerfile");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("dockerlint: --changed-since needs a git repository, and outside/Dockerfile is "
        + "not in one\n");
  }

  @Test
  void anUntrackedFileCountsAsChangedEverywhere() throws Exception {
    Path repo = repository(dir.resolve("repo"), "Dockerfile");
    Files.createDirectories(repo.resolve("new dir"));
    Files.writeString(repo.resolve("new dir/Dockerfile"), "FROM ruby:latest\n");
    Result r = run(repo, "--format", "json", "--changed-since", "HEAD", "Dockerfile", "new dir/Dockerfile");
    assertThat(findings(r)).contains("Dockerfile:2 image-latest", "new dir/Dockerfile:1 image-latest")
        .doesNotContain("Dockerfile:1 image-latest");
  }

  static int git(Path workingDir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
