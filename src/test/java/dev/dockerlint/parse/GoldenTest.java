package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden parser tests in the spirit of BuildKit's {@code testfiles/<case>/{Dockerfile,result}}:
 * the dump of each Dockerfile must equal its {@code result} byte for byte. Cases are our own.
 */
class GoldenTest {
  private static final Path DIR = Path.of("src", "test", "resources", "parser");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(DIR)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dumpMatchesResult(String name) throws IOException {
    String dockerfile = Files.readString(DIR.resolve(name).resolve("Dockerfile"), StandardCharsets.UTF_8);
    ParsedSyntax parsed = SyntaxParser.parse(new SourceText(dockerfile));
    assertThat(parsed.errors()).noneMatch(SyntaxError::fatal);
    String dump = BuildkitDump.dump(parsed);
    Path result = DIR.resolve(name).resolve("result");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(result, dump, StandardCharsets.UTF_8);
    }
    assertThat(dump).isEqualTo(Files.readString(result, StandardCharsets.UTF_8));
  }
}
