package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Custom rules section: its pack, Dockerfile and commands give the output it shows. */
class ReadmeCustomRulesTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(Path workingDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), workingDir, false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String section() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## Custom rules\n");
    assertThat(start).as("README has a Custom rules section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end);
  }

  /** The blocks of one kind ({@code yaml}, {@code text}), in order. */
  private static List<String> blocks(String text, String kind) {
    List<String> blocks = new ArrayList<>();
    String fence = "```" + kind + "\n";
    for (int at = text.indexOf(fence); at >= 0; at = text.indexOf(fence, at + 1)) {
      int body = at + fence.length();
      blocks.add(text.substring(body, text.indexOf("```", body)));
    }
    return blocks;
  }

  @Test
  void theSamplePackReportsWhatTheSectionShowsAndItsExamplesHold() throws IOException {
    String section = section();
    Files.writeString(dir.resolve("team.yaml"), blocks(section, "yaml").get(0));
    Files.writeString(dir.resolve("Dockerfile"), blocks(section, "dockerfile").get(0));
    List<String> outputs = blocks(section, "text");
    assertThat(section).contains("`dockerlint --rules team.yaml Dockerfile` reports (exit 1):");
    Result lint = run(dir, "--rules", "team.yaml", "Dockerfile");
    assertThat(lint.err()).isEmpty();
    assertThat(lint.out()).isEqualTo(outputs.get(0));
    assertThat(lint.code()).isEqualTo(1);
    assertThat(section).contains("`dockerlint test-rules team.yaml`\nprints:");
    Result test = run(dir, "test-rules", "team.yaml");
    assertThat(test.out()).isEqualTo(outputs.get(1));
    assertThat(test.code()).isZero();
  }

  @Test
  void theExamplePackItLinksToPassesItsOwnExamples() throws IOException {
    assertThat(section()).contains("(examples/rules/platform.yaml)");
    Result test = run(Path.of("").toAbsolutePath(), "test-rules", "examples/rules/platform.yaml");
    assertThat(test.err()).isEmpty();
    assertThat(test.out()).endsWith("25 examples, 0 failed\n").doesNotContain("FAIL");
    assertThat(test.code()).isZero();
  }
}
