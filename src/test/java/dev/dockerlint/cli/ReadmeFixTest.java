package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Fixing section: its example diff is what the command it names prints, and --fix writes it. */
class ReadmeFixTest {
  @TempDir Path dir;

  private static String section() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## Fixing\n");
    assertThat(start).as("README has a Fixing section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end);
  }

  private static String block(String text, String language) {
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
    assertThat(m.find()).as("a ```%s block", language).isTrue();
    return m.group(1);
  }

  private int run(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir, false);
  }

  @Test
  void theExampleDiffIsWhatTheCommandPrints() throws IOException {
    String section = section();
    String dockerfile = block(section, "dockerfile");
    String diff = block(section, "diff");
    Matcher command = Pattern.compile("`dockerlint ([^`]*)` prints:").matcher(section);
    assertThat(command.find()).isTrue();
    String[] args = command.group(1).split(" ");
    assertThat(args).contains("--diff");
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(args, out, err)).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(diff);
    assertThat(Files.readString(dir.resolve("Dockerfile"))).as("--diff changes nothing").isEqualTo(dockerfile);

    // --fix writes what the diff shows
    List<String> fixArgs = new java.util.ArrayList<>(List.of(args));
    fixArgs.set(fixArgs.indexOf("--diff"), "--fix");
    ByteArrayOutputStream fixErr = new ByteArrayOutputStream();
    run(fixArgs.toArray(new String[0]), new ByteArrayOutputStream(), fixErr);
    StringBuilder expected = new StringBuilder();
    for (String line : diff.split("\n")) {
      if (line.startsWith("+") && !line.startsWith("+++") || line.startsWith(" ")) {
        expected.append(line.substring(1)).append('\n');
      }
    }
    assertThat(Files.readString(dir.resolve("Dockerfile"))).isEqualTo(expected.toString());
    assertThat(fixErr.toString(StandardCharsets.UTF_8)).matches("(?s).*dockerlint: \\d+ fixed, \\d+ remaining\n");
  }

  @Test
  void theOptionsItNamesExist() throws IOException {
    String section = section();
    for (String option : List.of("--fix", "--unsafe-fixes", "--diff")) {
      assertThat(section).contains("`" + option + "`");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      run(new String[] {"--help"}, out, new ByteArrayOutputStream());
      assertThat(out.toString(StandardCharsets.UTF_8)).contains(option);
    }
  }
}
