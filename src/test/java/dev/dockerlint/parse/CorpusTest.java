package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Volume;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.ast.Token;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses every real-world Dockerfile of the shared corpus (skipped when absent). */
class CorpusTest {
  private static final Path CORPUS = Path.of("..", "shared", "corpus");

  static Stream<String> files() throws IOException {
    if (!Files.isDirectory(CORPUS)) {
      return Stream.of("(corpus not present)"); // a named placeholder the test skips
    }
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith("Dockerfile"))
          .map(p -> CORPUS.relativize(p).toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parsesWithoutFatalErrorsAndWithRangesInsideTheFile(String file) throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is not present");
    SourceText text = new SourceText(Files.readString(CORPUS.resolve(file), StandardCharsets.UTF_8));
    ParsedSyntax parsed = SyntaxParser.parse(text);
    assertThat(parsed.errors()).filteredOn(SyntaxError::fatal).isEmpty();
    assertThat(parsed.errors()).noneMatch(e -> e.message().startsWith("internal"));
    assertThat(parsed.instructions()).isNotEmpty();

    Position end = text.position(text.text().length());
    List<Token> tokens = new ArrayList<>();
    collect(parsed.instructions(), tokens, false);
    for (Token token : tokens) {
      SourceRange r = token.range();
      assertThat(r.end()).as("%s ends inside the file", token).isLessThanOrEqualTo(end);
      assertThat(r.start().column()).isLessThanOrEqualTo(text.line(r.startLine()).length() + 2);
    }
    // tokens of one line that are not decoded JSON strings (exec form, JSON COPY/ADD/VOLUME) are exactly the text they cover
    List<Token> plain = new ArrayList<>();
    collect(parsed.instructions(), plain, true);
    for (Token token : plain) {
      if (token.range().startLine() == token.range().endLine()) {
        assertThat(text.slice(token.range())).isEqualTo(token.text());
      }
    }
  }

  /** Every Token reachable from the AST records (skipping exec-form arguments when asked). */
  static void collect(Object node, List<Token> out, boolean skipExec) {
    if (node instanceof Token token) {
      out.add(token);
    } else if (node instanceof Collection<?> items) {
      items.forEach(i -> collect(i, out, skipExec));
    } else if (skipExec && (node instanceof ExecForm || node instanceof Copy c && c.json()
        || node instanceof Add a && a.json() || node instanceof Volume v && v.json())) {
      return;
    } else if (node instanceof Record record && record.getClass().getPackageName().equals("dev.dockerlint.ast")) {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        try {
          collect(c.getAccessor().invoke(record), out, skipExec);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }
}
