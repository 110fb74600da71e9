package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.parse.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The map from a RUN's joined text back to the file is worked out again from the file; it must
 * give the parser's text character for character, or not be made at all.
 */
class TextMapTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus");

  @Test
  void continuedLinesMapToTheirOwnLines() {
    Dockerfile file = DockerfileParser.parse("Dockerfile",
        "FROM debian:12\nRUN --mount=type=cache,target=/x a \\\n  # comment\n\n\tb \\  \n c\n");
    TextMap map = map(file, 0);
    assertThat(map.text()).isEqualTo("a \tb  c");
    assertThat(position(file, map, 0)).isEqualTo("2:34");
    assertThat(position(file, map, map.text().indexOf('b'))).isEqualTo("5:2");
    assertThat(position(file, map, map.text().indexOf('c'))).isEqualTo("6:2");
    assertThat(map.indexOf(offset(file, 6, 2))).isEqualTo(map.text().indexOf('c'));
    assertThat(map.indexOf(offset(file, 3, 3))).as("a comment line holds none of the text").isEqualTo(-1);
  }

  @Test
  void theBacktickEscapeContinuesLines() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "# escape=`\nFROM debian:12\nRUN echo a && `\n  echo \\b\n");
    TextMap map = map(file, 0);
    assertThat(map.text()).isEqualTo("echo a &&   echo \\b");
    assertThat(position(file, map, map.text().lastIndexOf('e'))).isEqualTo("4:3");
  }

  @Test
  void heredocBodiesMapLineByLineWithoutTheTabsOfDashHeredocs() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM debian:12\nRUN <<-EOF\n\techo a\n\t\tls b\n\tEOF\n");
    Heredoc heredoc = ((ShellForm) runs(file).get(0).command()).heredocs().get(0);
    TextMap body = TextMap.ofHeredoc(file.source(), heredoc);
    assertThat(body.text()).isEqualTo("echo a\nls b\n");
    assertThat(position(file, body, body.text().indexOf('a'))).isEqualTo("3:7");
    assertThat(position(file, body, body.text().indexOf('b'))).isEqualTo("4:6");
    TextMap terminator = TextMap.ofTerminator(file.source(), heredoc);
    assertThat(position(file, terminator, 0)).isEqualTo("5:2");
  }

  @Test
  void anUnterminatedHeredocGivesNoScriptToCheck() {
    // BuildKit stops at an unterminated heredoc (a fatal parse error), so no RUN holds one
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM debian:12\nRUN <<EOF\necho a\n");
    assertThat(runs(file)).isEmpty();
  }

  static Stream<Path> corpus() throws IOException {
    if (!Files.isDirectory(CORPUS)) {
      return Stream.of(Path.of("(corpus not present)"));
    }
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith("Dockerfile"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyRunOfTheCorpusIsMappedExactly(Path path) throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(path), "../shared/corpus is not present");
    assertExact(DockerfileParser.parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
  }

  /** Continuations with either escape, comment and blank lines inside, CRLF, tabs, trailing blanks, a BOM. */
  @Test
  void generatedContinuationsAreMappedExactly() {
    Random random = new Random(12);
    String[] pieces = {"echo a", "b\\\\", "'q \\' '", "\"x\"", "\t", "  ", "${A}", "#", "`", "é😀", "&&", "\\ "};
    for (int n = 0; n < 2000; n++) {
      boolean backtick = random.nextInt(4) == 0;
      char escape = backtick ? '`' : '\\';
      String newline = random.nextInt(5) == 0 ? "\r\n" : "\n";
      StringBuilder text = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
      text.append(backtick ? "# escape=`" + newline : "").append("FROM debian:12").append(newline).append("RUN ");
      int lines = 1 + random.nextInt(5);
      for (int l = 0; l < lines; l++) {
        for (int w = random.nextInt(4); w >= 0; w--) {
          text.append(pieces[random.nextInt(pieces.length)]).append(' ');
        }
        if (l + 1 < lines) {
          text.append(escape).append(random.nextBoolean() ? " " : "").append(newline);
          if (random.nextInt(3) == 0) {
            text.append(random.nextBoolean() ? "  # comment" : "").append(newline);
          }
        }
      }
      text.append(newline);
      assertExact(DockerfileParser.parse("Dockerfile", text.toString()));
    }
  }

  private static void assertExact(Dockerfile file) {
    String source = file.source().text();
    for (Run run : runs(file)) {
      if (!(run.command() instanceof ShellForm form)) {
        continue;
      }
      TextMap map = TextMap.ofCommand(file.source(), file.escape(), form.text());
      assertThat(map).as("map of %s in %s", run.range(), file.path()).isNotNull();
      for (int i = 0; i < map.text().length(); i++) {
        assertThat(source.charAt(map.fileOffset(i))).as("character %d of %s in %s", i, run.range(), file.path())
            .isEqualTo(map.text().charAt(i));
        assertThat(map.indexOf(map.fileOffset(i))).isEqualTo(i);
      }
      for (Heredoc heredoc : form.heredocs()) {
        TextMap body = TextMap.ofHeredoc(file.source(), heredoc);
        assertThat(body).as("body of %s in %s", heredoc.name(), file.path()).isNotNull();
        for (int i = 0; i < body.text().length(); i++) {
          assertThat(source.charAt(body.fileOffset(i))).isEqualTo(body.text().charAt(i));
        }
      }
    }
  }

  private static List<Run> runs(Dockerfile file) {
    List<Run> runs = new ArrayList<>();
    for (Instruction instruction : file.instructions()) {
      Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
      if (target instanceof Run run) {
        runs.add(run);
      }
    }
    return runs;
  }

  private static TextMap map(Dockerfile file, int run) {
    return TextMap.ofCommand(file.source(), file.escape(), ((ShellForm) runs(file).get(run).command()).text());
  }

  private static String position(Dockerfile file, TextMap map, int index) {
    return file.source().position(map.fileOffset(index)).toString();
  }

  private static int offset(Dockerfile file, int line, int column) {
    return file.source().lineStart(line) + column - 1;
  }
}
