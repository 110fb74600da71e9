package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README samples that no other test ran: the quick start's command and the output it quotes, the
 * suppression example, the adoption commands, and the options --help lists (each must be
 * documented). Others are checked beside what they document: Configuration (CliTest), ShellCheck
 * (ShellCheckCliTest), Installing the command (LauncherTest), the hooks, the action and GitLab
 * (PreCommitTest, ActionTest, GitlabTemplateTest), Coming from hadolint (ReadmeHadolintTest).
 */
class ReadmeSamplesTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(Path workingDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), workingDir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  /** The fenced block of the given language right after {@code marker}. */
  static String blockAfter(String text, String marker, String language) {
    int at = text.indexOf(marker);
    assertThat(at).as(marker).isNotNegative();
    String fence = "```" + language + "\n";
    int open = text.indexOf(fence, at);
    int body = open + fence.length();
    return text.substring(body, text.indexOf("```", body));
  }

  @Test
  void theQuickStartPrintsWhatTheReadmeQuotes() throws IOException {
    String readme = readme();
    String command = blockAfter(readme, "## Quick start", "sh").strip();
    String prefix = "./mvnw -q package -DskipTests && java -jar target/dockerlint.jar ";
    assertThat(command).startsWith(prefix);
    String[] args = command.substring(prefix.length()).split(" ");
    String quoted = blockAfter(readme, "Example output:", "text");
    // the reader's machine may have ShellCheck: the sample is what a run without it prints, and
    // the example's scripts give ShellCheck nothing to say
    Result r = run(Path.of("").toAbsolutePath(), args);
    Result withoutShellCheck = run(Path.of("").toAbsolutePath(), concat("--no-shellcheck", args));
    assertThat(r.out()).isEqualTo(withoutShellCheck.out());
    List<String> blocks = List.of(quoted.strip().split("\n\n"));
    assertThat(blocks.size()).isGreaterThanOrEqualTo(2);
    for (String block : blocks.subList(0, blocks.size() - 1)) {
      assertThat(r.out()).as("a finding the README shows").contains(block + "\n");
    }
    String[] lines = r.out().strip().split("\n");
    // the summary, and the line saying how many findings --fix resolves when there is one
    String summary = blocks.get(blocks.size() - 1);
    int count = summary.split("\n").length;
    assertThat(summary).as("the summary")
        .isEqualTo(String.join("\n", java.util.Arrays.asList(lines).subList(lines.length - count, lines.length)));
    assertThat(r.code()).isEqualTo(1);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void everyOptionHelpListsIsDocumented() throws IOException {
    Result help = run(dir, "--help");
    Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+").matcher(help.out());
    TreeSet<String> options = new TreeSet<>();
    while (m.find()) {
      options.add(m.group());
    }
    assertThat(options).contains("--context", "--format", "--baseline");
    String readme = readme();
    List<String> missing = new ArrayList<>();
    for (String option : options) {
      if (!Pattern.compile("(`|, )" + Pattern.quote(option) + "[ `=]").matcher(readme).find()) {
        missing.add(option);
      }
    }
    assertThat(missing).as("options --help lists that the README does not document").isEmpty();
  }

  @Test
  void contextNamesTheBuildContextOfTheDockerignoreChecks() throws IOException {
    assertThat(readme()).contains("(`docker build -f docker/Dockerfile .` is `--context .`)");
    Files.createDirectories(dir.resolve("docker"));
    Files.writeString(dir.resolve("docker/Dockerfile"), "FROM alpine:3.20\nCOPY . /app\nUSER 1\nHEALTHCHECK NONE\n");
    Files.writeString(dir.resolve(".dockerignore"), ".git\n.env\n");
    assertThat(run(dir, "--format", "gnu", "docker/Dockerfile").out()).contains("[dockerignore-missing]");
    Result withContext = run(dir, "--format", "gnu", "--context", ".", "docker/Dockerfile");
    assertThat(withContext.out()).isEmpty();
    assertThat(withContext.code()).isZero();
  }

  @Test
  void theSuppressionSampleSuppressesWhatItNames() throws IOException {
    // a port makes the image a service, which healthcheck-missing wants a HEALTHCHECK for
    String sample = blockAfter(readme(), "### Suppressing findings", "dockerfile") + "EXPOSE 8080\n";
    Files.writeString(dir.resolve("Dockerfile"), sample);
    Result suppressed = run(dir, "--format", "gnu", "Dockerfile");
    assertThat(suppressed.out()).doesNotContain("[image-latest]").doesNotContain("[user-root]")
        .doesNotContain("[healthcheck-missing]");
    Files.writeString(dir.resolve("Dockerfile"), sample.replaceAll("(?m)^# dockerlint.*$", "#"));
    Result plain = run(dir, "--format", "gnu", "Dockerfile");
    assertThat(plain.out()).contains("[image-latest]").contains("[user-root]").contains("[healthcheck-missing]");
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
        "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    Checkout.Run r = Checkout.run(repo, Map.of(), command.toArray(String[]::new));
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.out()).isZero();
  }

  @Test
  void theAdoptionCommandsDoWhatTheirCommentsSay() throws Exception {
    assumeTrue(Checkout.available("git"), "git is needed for --changed-since");
    List<String[]> commands = new ArrayList<>();
    for (String line : blockAfter(readme(), "### Adopting dockerlint on an existing codebase", "sh").split("\n")) {
      String command = line.replaceAll("\\s+#.*$", "");
      assertThat(command).startsWith("dockerlint ");
      commands.add(command.substring("dockerlint ".length()).split(" "));
    }
    assertThat(commands).hasSize(3);
    Files.createDirectories(dir.resolve("api"));
    Files.writeString(dir.resolve("api/Dockerfile"), "FROM nginx:latest\nUSER 1\nHEALTHCHECK NONE\n");
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "old");
    git(dir, "update-ref", "refs/remotes/origin/main", "HEAD");

    // record what is there today: the run passes, and the file names today's finding
    Result record = run(dir, commands.get(0));
    assertThat(record.code()).as(record.err()).isZero();
    assertThat(Files.readString(dir.resolve(".dockerlint-baseline.txt"))).contains("api/Dockerfile").contains("image-latest");
    // fail only on new findings
    assertThat(run(dir, commands.get(1)).code()).isZero();
    Files.writeString(dir.resolve("api/Dockerfile"), "FROM nginx:latest\nFROM redis:latest\nUSER 1\nHEALTHCHECK NONE\n");
    Result fresh = run(dir, commands.get(1));
    assertThat(fresh.code()).isEqualTo(1);
    assertThat(fresh.out()).contains("api/Dockerfile:2:6: warning image-latest").doesNotContain("api/Dockerfile:1:6");
    // only lines this branch changed
    Result changed = run(dir, commands.get(2));
    assertThat(changed.code()).isEqualTo(1);
    assertThat(changed.out()).contains("api/Dockerfile:2:6: warning image-latest").doesNotContain("api/Dockerfile:1:6");
  }
}
