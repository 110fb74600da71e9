package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recorded ShellCheck runs, so the script assembly, json1 parsing and position mapping are tested
 * without ShellCheck. Each directory under {@code src/test/resources/shellcheck/} holds a
 * {@code Dockerfile}; {@code scripts.txt}, what ShellCheck is given for it (each file's content
 * after a {@code ==> N.sh <==} line); {@code out.json1}, what ShellCheck 0.9.0 answered for those
 * files; and {@code findings.txt}, the comments placed in the Dockerfile, with their fixes.
 * {@code -Dgolden.update=true} with shellcheck installed records the three again.
 */
class ShellCheckFixturesTest {
  static final Path DIR = Path.of("src/test/resources/shellcheck");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(DIR)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void recordedAnswersArePlacedInTheDockerfile(String name) throws Exception {
    Path dir = DIR.resolve(name);
    String text = Files.readString(dir.resolve("Dockerfile"), StandardCharsets.UTF_8);
    Dockerfile file = DockerfileParser.parse("Dockerfile", text);
    List<Script> scripts = ScriptCollector.collect(file);
    String given = scriptsText(scripts);
    if (Boolean.getBoolean("golden.update")) {
      record(dir, scripts, given);
    }
    assertThat(given).as("scripts given to ShellCheck for %s", name)
        .isEqualTo(Files.readString(dir.resolve("scripts.txt"), StandardCharsets.UTF_8));
    List<Json1.Comment> comments = Json1.parse(Files.readString(dir.resolve("out.json1"), StandardCharsets.UTF_8));
    assertThat(placedText(scripts, comments)).as("findings of %s", name)
        .isEqualTo(Files.readString(dir.resolve("findings.txt"), StandardCharsets.UTF_8));
  }

  /** Each script as ShellCheck reads it (0.9.0 has no busybox dialect: busybox is checked as sh). */
  static String scriptsText(List<Script> scripts) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < scripts.size(); i++) {
      out.append("==> ").append(i).append(".sh <==\n").append(scripts.get(i).content(shellName(scripts.get(i))));
      if (out.charAt(out.length() - 1) != '\n') {
        out.append("\n[no final newline]\n");
      }
    }
    return out.toString();
  }

  private static String shellName(Script script) {
    return switch (script.dialect()) {
      case BASH -> "bash";
      case DASH -> "dash";
      case KSH -> "ksh";
      default -> "sh";
    };
  }

  /** One line per comment, by script: code, severity, Dockerfile range, message, and the fix's edits. */
  static String placedText(List<Script> scripts, List<Json1.Comment> comments) {
    StringBuilder out = new StringBuilder();
    for (Json1.Comment comment : comments) {
      int index = Integer.parseInt(comment.file().replace(".sh", ""));
      Placed placed = Placed.of(scripts.get(index), comment);
      out.append(index).append(".sh ").append(comment.line()).append(':').append(comment.column()).append(" -> ");
      if (placed == null) {
        out.append("(on the added lines, dropped) SC").append(comment.code()).append('\n');
        continue;
      }
      out.append(placed.code()).append(' ').append(placed.severity().label()).append(' ').append(placed.range())
          .append(' ').append(placed.message());
      for (Placed.Edit edit : placed.fix()) {
        out.append(" | ").append(edit.range()).append(" '").append(edit.replacement()).append('\'');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void record(Path dir, List<Script> scripts, String given) throws Exception {
    Optional<Path> shellcheck = ShellCheck.onPath(System.getenv("PATH"));
    assumeTrue(shellcheck.isPresent(), "recording needs shellcheck on the PATH");
    Path work = Files.createTempDirectory("shellcheck-fixture");
    List<String> command = new ArrayList<>(List.of(shellcheck.get().toString(), "--norc", "--format=json1",
        "--exclude=" + ShellCheckRunner.EXCLUDED));
    for (int i = 0; i < scripts.size(); i++) {
      Files.writeString(work.resolve(i + ".sh"), scripts.get(i).content(shellName(scripts.get(i))), StandardCharsets.UTF_8);
      command.add(i + ".sh");
    }
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(false).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Files.writeString(dir.resolve("scripts.txt"), given, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("out.json1"), out.endsWith("\n") ? out : out + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("findings.txt"), placedText(scripts, Json1.parse(out)), StandardCharsets.UTF_8);
  }
}
