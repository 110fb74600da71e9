package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.EmptyContinuation;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.ast.Volume;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** BuildKit's real parse of edge cases, from the shared conformance data (skipped when absent). */
class ConformanceTest {
  private static final Path DATA = Path.of("..", "shared", "conformance", "buildkit-supplement.json");

  static Stream<Arguments> cases() throws IOException {
    if (!Files.isRegularFile(DATA)) {
      return Stream.of(Arguments.of("(no ../shared/conformance data)", null));
    }
    JsonNode root = new ObjectMapper().readTree(DATA.toFile());
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : root) {
      cases.add(Arguments.of(c.get("name").asText(), c));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesBuildkit(String name, JsonNode c) {
    Assumptions.assumeTrue(c != null, "conformance data not present");
    ParsedSyntax parsed = SyntaxParser.parse(new SourceText(c.get("dockerfile").asText()));
    List<SyntaxError> fatal = parsed.errors().stream().filter(SyntaxError::fatal).toList();
    assertThat(parsed.errors()).noneMatch(e -> e.message().startsWith("internal"));
    if (c.get("negative").asBoolean()) {
      assertThat(fatal).extracting(SyntaxError::message)
          .anyMatch(m -> m.contains(c.get("expected_error").asText()));
      return;
    }
    assertThat(fatal).isEmpty();
    assertThat(BuildkitDump.dump(parsed)).isEqualTo(c.get("expected_result").asText());
    assertThat(parsed.escape()).isEqualTo(c.get("escape_token").asText().charAt(0));
    assertThat(directive(parsed, "check")).isEqualTo(c.get("check_directive").asText());
    assertThat(directive(parsed, "syntax")).isEqualTo(c.get("syntax_directive").asText());

    JsonNode expected = c.get("instructions");
    assertThat(parsed.instructions()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.get(i);
      Instruction ins = parsed.instructions().get(i);
      String where = name + " instruction " + (i + 1);
      assertThat(ins.range().startLine()).as(where + " start").isEqualTo(e.get("start_line").asInt());
      assertThat(ins.range().endLine()).as(where + " end").isEqualTo(e.get("end_line").asInt());
      assertThat(isJson(ins)).as(where + " json").isEqualTo(e.get("json").asBoolean());
      List<Heredoc> heredocs = heredocs(ins);
      JsonNode eh = e.get("heredocs");
      assertThat(heredocs).as(where + " heredocs").hasSize(eh.size());
      for (int h = 0; h < eh.size(); h++) {
        Heredoc heredoc = heredocs.get(h);
        JsonNode x = eh.get(h);
        assertThat(heredoc.name()).isEqualTo(x.get("name").asText());
        assertThat(Math.max(heredoc.fd(), 0)).isEqualTo(x.get("fd").asInt());
        assertThat(heredoc.expand()).isEqualTo(x.get("expand").asBoolean());
        assertThat(heredoc.chomp()).isEqualTo(x.get("chomp").asBoolean());
        // BuildKit keeps the raw body and strips tabs later; our body is already chomped
        String content = x.get("content").asText();
        if (heredoc.chomp()) {
          content = content.replaceAll("(?m)^\\t+", "");
        }
        assertThat(heredoc.body()).isEqualTo(content);
      }
    }

    // BuildKit warns once per instruction with empty continuation lines, at its last line
    List<Integer> warned = parsed.emptyContinuations().stream()
        .map(EmptyContinuation::instruction).distinct().map(r -> r.endLine()).toList();
    List<Integer> expectedLines = new ArrayList<>();
    for (JsonNode w : c.get("warnings")) {
      if (w.get("text").asText().startsWith("Empty continuation line")) {
        expectedLines.add(w.get("line").asInt());
      }
    }
    assertThat(warned).isEqualTo(expectedLines);
  }

  private static String directive(ParsedSyntax parsed, String name) {
    return parsed.directives().stream().filter(d -> d.name().equals(name)).map(d -> d.value()).findFirst()
        .orElse("");
  }

  private static boolean isJson(Instruction ins) {
    if (ins instanceof Copy copy) {
      return copy.json();
    }
    if (ins instanceof Add add) {
      return add.json();
    }
    if (ins instanceof Volume volume) {
      return volume.json();
    }
    CommandLine command = command(ins);
    return command != null && command.isExecForm();
  }

  private static CommandLine command(Instruction ins) {
    if (ins instanceof Run run) {
      return run.command();
    }
    if (ins instanceof Cmd cmd) {
      return cmd.command();
    }
    if (ins instanceof Entrypoint entrypoint) {
      return entrypoint.command();
    }
    if (ins instanceof Shell shell) {
      return shell.command();
    }
    if (ins instanceof Healthcheck healthcheck) {
      return healthcheck.command();
    }
    return null;
  }

  private static List<Heredoc> heredocs(Instruction ins) {
    if (ins instanceof dev.dockerlint.ast.Onbuild onbuild && onbuild.trigger() != null) {
      return heredocs(onbuild.trigger());
    }
    if (ins instanceof Copy copy) {
      return copy.heredocs();
    }
    if (ins instanceof Add add) {
      return add.heredocs();
    }
    return command(ins) instanceof ShellForm shell ? shell.heredocs() : List.of();
  }
}
