package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.source.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What real BuildKit did with a few hundred small Dockerfiles ({@code ../shared/conformance/
 * buildkit-instructions.json}: built fine, failed in its parser, or failed in its instructions
 * layer at a line with a message, plus the lint warnings it raised), checked against the whole
 * linter: where BuildKit fails there is exactly one build-error finding, in the instruction on
 * BuildKit's line, with BuildKit's message; where it builds there is none; each of its warnings is
 * reported by the rule that aliases it, in the same instruction. Skipped when the data is absent.
 */
class InstructionConformanceTest {
  private static final Path DATA = Path.of("..", "shared", "conformance", "buildkit-instructions.json");

  /**
   * The rules whose findings mean "docker build fails". syntax-error carries BuildKit's own
   * message; first-instruction (no build stage before FROM) and onbuild-forbidden (ONBUILD FROM,
   * ONBUILD ONBUILD, ONBUILD MAINTAINER) report the errors BuildKit raises for those cases, with
   * BuildKit's words and what to do, so that each mistake gives one finding.
   */
  static final Set<String> BUILD_ERROR_RULES = Set.of("syntax-error", "first-instruction", "onbuild-forbidden");

  /**
   * Cases that cannot agree, with the reason; each must still fail (so the list shrinks when the
   * linter learns them). Empty: all cases agree.
   */
  static final Map<String, String> EXCEPTIONS = Map.of();

  private static final Linter LINTER = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);

  static Stream<Arguments> cases() throws IOException {
    if (!Files.isRegularFile(DATA)) {
      return Stream.of(Arguments.of("(no ../shared/conformance data)", null));
    }
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : new ObjectMapper().readTree(DATA.toFile())) {
      cases.add(Arguments.of(c.get("name").asText(), c));
    }
    return cases.stream();
  }

  @Test
  void theDataHoldsAllCases() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(DATA), "conformance data not present");
    assertThat(new ObjectMapper().readTree(DATA.toFile())).hasSize(254);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithBuildkit(String name, JsonNode c) {
    Assumptions.assumeTrue(c != null, "conformance data not present");
    List<String> problems = disagreements(c);
    if (EXCEPTIONS.containsKey(name)) {
      assertThat(problems).as("%s is listed as an exception (%s) but now agrees: drop it from the list", name,
          EXCEPTIONS.get(name)).isNotEmpty();
      return;
    }
    assertThat(problems).as("%s:%n%s", name, c.get("dockerfile").asText()).isEmpty();
  }

  /** The comparison itself must catch a linter that disagrees: wrong outcome, line, message or warning. */
  @Test
  void aDisagreementIsCaught() throws IOException {
    ObjectMapper json = new ObjectMapper();
    String rejected = "\"dockerfile\": \"FROM a\\nUSER\\n\", \"lint\": []";
    assertThat(disagreements(json.readTree("{" + rejected + ", \"buildkit\": \"ok\"}"))).isNotEmpty();
    assertThat(disagreements(json.readTree("{" + rejected + ", \"buildkit\": \"instr-error\", \"line\": 1, "
        + "\"message\": \"dockerfile parse error on line 1: USER requires exactly one argument\"}"))).isNotEmpty();
    assertThat(disagreements(json.readTree("{" + rejected + ", \"buildkit\": \"instr-error\", \"line\": 2, "
        + "\"message\": \"dockerfile parse error on line 2: USER requires two arguments\"}"))).isNotEmpty();
    assertThat(disagreements(json.readTree("{" + rejected + ", \"buildkit\": \"instr-error\", \"line\": 2, "
        + "\"message\": \"dockerfile parse error on line 2: USER requires exactly one argument\"}"))).isEmpty();
    assertThat(disagreements(json.readTree("{\"dockerfile\": \"FROM a\\n\", \"buildkit\": \"ok\", "
        + "\"lint\": [[\"MaintainerDeprecated\", 1]]}"))).isNotEmpty();
  }

  /** How the linter's answer differs from BuildKit's, one line each; empty when it agrees. */
  static List<String> disagreements(JsonNode c) {
    List<String> problems = new ArrayList<>();
    Dockerfile file = DockerfileParser.parse("Dockerfile", c.get("dockerfile").asText());
    List<Finding> findings = LINTER.lint(file);
    List<Finding> buildErrors = new ArrayList<>();
    for (Finding f : findings) {
      if (BUILD_ERROR_RULES.contains(f.rule())) {
        buildErrors.add(f);
      }
    }
    String outcome = c.get("buildkit").asText();
    switch (outcome) {
      case "ok" -> {
        if (!buildErrors.isEmpty()) {
          problems.add("BuildKit builds it, the linter reports " + describe(buildErrors));
        }
      }
      case "parse-error" -> {
        SyntaxError first = firstError(file);
        String expected = c.get("message").asText();
        if (first == null || first.layer() != SyntaxError.Layer.PARSER || !first.message().equals(expected)) {
          problems.add("BuildKit's parser fails with '" + expected + "', the first error here is "
              + (first == null ? "none" : "'" + first.message() + "' (" + first.layer() + ")"));
        }
        if (buildErrors.size() != 1) {
          problems.add("expected one build error, got " + describe(buildErrors));
        }
      }
      case "instr-error" -> instructionError(c, file, buildErrors, problems);
      default -> problems.add("unknown outcome " + outcome);
    }
    for (JsonNode lint : c.get("lint")) {
      String check = lint.get(0).asText();
      int line = lint.get(1).asInt();
      boolean reported = false;
      for (Finding f : findings) {
        reported |= f.aliases().contains(check) && sameInstruction(file, f.range(), line);
      }
      if (!reported) {
        problems.add("BuildKit warns " + check + " at line " + line + ", no rule aliasing it does");
      }
    }
    return problems;
  }

  private static void instructionError(JsonNode c, Dockerfile file, List<Finding> buildErrors, List<String> problems) {
    String message = c.get("message").asText();
    if (buildErrors.size() != 1) {
      problems.add("expected one build error for '" + message + "', got " + describe(buildErrors));
      return;
    }
    Finding error = buildErrors.get(0);
    SyntaxError first = firstError(file);
    if (c.get("line").isNull()) {
      // "no build stage in current context": BuildKit gives no line; first-instruction points at the first instruction
      if (!error.rule().equals("first-instruction") || !error.message().contains(message)) {
        problems.add("expected first-instruction for '" + message + "', got " + describe(buildErrors));
      }
      return;
    }
    int line = c.get("line").asInt();
    if (!sameInstruction(file, error.range(), line)) {
      problems.add("BuildKit fails at line " + line + ", the error is at " + error.range());
    }
    String prefix = "dockerfile parse error on line " + line + ": ";
    String expected = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    if (error.rule().equals("syntax-error")) {
      if (!error.message().equals(expected)) {
        problems.add("message '" + error.message() + "', BuildKit's is '" + expected + "'");
      }
      if (first == null || first.layer() != SyntaxError.Layer.INSTRUCTIONS) {
        problems.add("BuildKit fails in its instructions layer, the first error here is "
            + (first == null ? "none" : first.layer()));
      }
    } else if (!error.rule().equals("onbuild-forbidden") || !error.message().startsWith(expected)) {
      problems.add("expected syntax-error for '" + expected + "', got " + describe(buildErrors));
    }
  }

  /** The error docker build shows: the first of the earliest layer that has one. */
  static SyntaxError firstError(Dockerfile file) {
    SyntaxError first = null;
    for (SyntaxError e : file.syntaxErrors()) {
      if (first == null || e.layer().ordinal() < first.layer().ordinal()) {
        first = e;
      }
    }
    return first;
  }

  /** True when the range lies in the instruction that contains {@code line} (BuildKit points at whole instructions). */
  static boolean sameInstruction(Dockerfile file, SourceRange range, int line) {
    if (range.startLine() == line) {
      return true;
    }
    for (Instruction i : file.instructions()) {
      if (i.range().startLine() <= line && line <= i.range().endLine()) {
        return i.range().contains(range);
      }
    }
    return false;
  }

  private static String describe(List<Finding> findings) {
    List<String> parts = new ArrayList<>();
    for (Finding f : findings) {
      parts.add(f.rule() + " " + f.range() + " '" + f.message() + "'");
    }
    return parts.isEmpty() ? "none" : String.join("; ", parts);
  }
}
