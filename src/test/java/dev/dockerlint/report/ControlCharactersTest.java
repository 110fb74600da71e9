package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * No control character from user text (a file name, a message quoting the Dockerfile, a file's
 * error) reaches any format's output raw, and no such text can start a line of its own.
 */
class ControlCharactersTest {
  /** Every kind of control: C0 (NUL, BEL, tab, LF, CR, ESC sequences), DEL, C1 (NEL, CSI), U+2028/U+2029. */
  static final String HOSTILE = "\u0000\u0007\t\n\r\u001b[2J\u007f\u0085\u009b31m\u2028\u2029";
  /** The GitHub annotation the issue reproduces, in a file name. */
  static final String SPOOF_PATH = "x\n::error title=pwned::y\n.Dockerfile";
  static final String MESSAGE = "Value 'a" + HOSTILE + "b' quoted\n::warning::spoofed";
  static final String ERROR = "cannot read" + HOSTILE + "\n::error::spoofed";

  static Report hostile() {
    String unreadable = "bad\r\n::error file=z::" + HOSTILE;
    return new Report("dockerlint", "0.1.0", ReportFixtures.HOME, List.of(
        new FileResult(SPOOF_PATH, new SourceText("FROM a" + HOSTILE.replace("\n", "") + "\nRUN x\n"), List.of(
            ReportFixtures.finding(SPOOF_PATH, "image-latest", Severity.WARNING, MESSAGE, SourceRange.of(1, 1, 1, 9)),
            ReportFixtures.finding(SPOOF_PATH, "rule" + HOSTILE, Severity.ERROR, MESSAGE, SourceRange.of(1, 2, 2, 3))),
            null),
        new FileResult(unreadable, null, List.of(), ERROR)),
        ReportFixtures.RULES, id -> Optional.empty());
  }

  static List<String> formats() {
    return Reporters.FORMATS;
  }

  private static String render(String format, Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    Reporters.forFormat(format, false).orElseThrow().write(report, out);
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void noFormatPrintsAControlCharacter(String format) throws IOException {
    String out = render(format, hostile());
    if (format.equals("codeclimate")) {
      // the format's own separator, a NUL after each issue: JSON escapes every NUL inside a string,
      // so a raw one can only end an object
      assertThat(out.split("}\u0000", -1)).as(out).hasSize(4);
      out = out.replace("}\u0000", "}\n");
    }
    // the bytes as written: only line feeds, each the format's own
    byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      assertThat(c == '\n' || !ControlCharacters.isControl(c))
          .as("%s: U+%04X at %d in%n%s", format, (int) c, i, out).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("formats")
  void noUserTextStartsALine(String format) throws IOException {
    for (String line : render(format, hostile()).split("\n", -1)) {
      assertThat(line).as(format).doesNotStartWith("::error title=pwned").doesNotStartWith("::warning::spoofed")
          .doesNotStartWith("::error::spoofed").doesNotStartWith("::error file=z").doesNotStartWith(".Dockerfile");
    }
  }

  /** The line formats: one line per finding or unreadable file, whatever the text holds. */
  @Test
  void lineFormatsKeepOneLinePerEntry() throws IOException {
    assertThat(render("gnu", hostile()).split("\n")).hasSize(3);
    assertThat(render("tty", hostile()).split("\n")).hasSize(3);
    assertThat(render("codacy", hostile()).split("\n")).hasSize(3).allMatch(line -> line.startsWith("{\"filename\":"));
    assertThat(render("github", hostile()).split("\n")).hasSize(3).allMatch(line -> line.matches("::(error|warning) file=.*"));
  }

  @Test
  void githubEscapesAsTheRunnerDecodesAndTheRestAsEverywhere() throws IOException {
    assertThat(GithubReporter.property(SPOOF_PATH)).isEqualTo("x%0A%3A%3Aerror title=pwned%3A%3Ay%0A.Dockerfile");
    assertThat(GithubReporter.data("a\u001b[31m\u0085\u2028%\r\n:,")).isEqualTo("a\\x1b[31m\\u0085\\u2028%25%0D%0A:,");
    String out = render("github", hostile());
    assertThat(out).startsWith("::error file=bad%0D%0A%3A%3Aerror file=z%3A%3A\\x00\\x07\\t%0A%0D\\x1b[2J");
  }

  @Test
  void textAndGnuShowTheEscapes() throws IOException {
    String escaped = "\\x00\\x07\\t\\n\\r\\x1b[2J\\x7f\\u0085\\u009b31m\\u2028\\u2029";
    assertThat(ControlCharacters.escape(HOSTILE)).isEqualTo(escaped);
    assertThat(render("gnu", hostile())).contains("x\\n::error title=pwned::y\\n.Dockerfile:1:1: warning: Value 'a"
        + escaped + "b' quoted\\n::warning::spoofed [image-latest]\n");
    // in a code frame a tab is expanded to the next tab stop (the escapes before it take 8 cells)
    assertThat(render("text", hostile())).contains(" 1 | FROM a\\x00\\x07  \\r\\x1b[2J\\x7f\\u0085\\u009b31m\\u2028\\u2029\n");
  }

  /** JSON formats escape by their syntax, DEL, C1 and U+2028/9 included, and a parser reads the exact text. */
  @Test
  void jsonFormatsRoundTripTheExactText() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    String json = render("json", hostile());
    assertThat(json).contains("\\u007F\\u0085\\u009B31m\\u2028\\u2029");
    JsonNode root = mapper.readTree(json);
    assertThat(root.at("/findings/0/file").asText()).isEqualTo(SPOOF_PATH);
    assertThat(root.at("/findings/0/message").asText()).isEqualTo(MESSAGE);
    assertThat(root.at("/errors/0/message").asText()).isEqualTo(ERROR);
    JsonNode sarif = mapper.readTree(render("sarif", hostile()));
    assertThat(sarif.at("/runs/0/results/0/message/text").asText()).isEqualTo(MESSAGE);
    JsonNode gitlab = mapper.readTree(render("gitlab", hostile()));
    assertThat(gitlab.at("/0/description").asText()).isEqualTo(MESSAGE);
    JsonNode hadolint = mapper.readTree(render("hadolint-json", hostile()));
    assertThat(hadolint.at("/0/file").asText()).isEqualTo(SPOOF_PATH);
    assertThat(hadolint.at("/0/message").asText()).isEqualTo(MESSAGE);
    assertThat(hadolint.at("/2/message").asText()).isEqualTo(ERROR);
    JsonNode sonar = mapper.readTree(render("sonarqube", hostile()));
    assertThat(sonar.at("/issues/0/primaryLocation/message").asText()).isEqualTo(MESSAGE);
    assertThat(sonar.at("/issues/2/primaryLocation/message").asText()).isEqualTo(ERROR);
    String[] issues = render("codeclimate", hostile()).split("\u0000");
    assertThat(mapper.readTree(issues[0]).at("/location/path").asText()).isEqualTo(SPOOF_PATH);
    assertThat(mapper.readTree(issues[1]).get("description").asText()).isEqualTo(MESSAGE);
    assertThat(mapper.readTree(issues[2]).get("description").asText()).isEqualTo(ERROR);
    String[] codacy = render("codacy", hostile()).split("\n");
    assertThat(mapper.readTree(codacy[0]).get("message").asText()).isEqualTo(MESSAGE);
    assertThat(mapper.readTree(codacy[2]).get("message").asText()).isEqualTo(ERROR);
  }

  /** XML formats: references for what XML 1.0 allows, so a parser reads the text back; escapes for the rest. */
  @Test
  void xmlFormatsKeepWhatXmlCanHold() throws IOException {
    String xmlSafe = "\\x00\\x07\t\n\r\\x1b[2J\u007f\u0085\u009b31m\u2028\u2029";
    Document checkstyle = XmlDocs.parse(render("checkstyle", hostile()));
    assertThat(XmlDocs.elements(checkstyle, "file").get(1).getAttribute("name")).isEqualTo(SPOOF_PATH);
    assertThat(XmlDocs.elements(checkstyle, "error").get(0).getAttribute("message"))
        .isEqualTo("cannot read" + xmlSafe + "\n::error::spoofed");
    Document junit = XmlDocs.parse(render("junit", hostile()));
    assertThat(XmlDocs.elements(junit, "failure").get(0).getTextContent())
        .startsWith("1:1: Value 'a" + xmlSafe + "b' quoted\n::warning::spoofed\n");
  }

  @Test
  void textWithoutControlsIsKept() {
    List<String> plain = new ArrayList<>(List.of("", "Dockerfile", "na\u00efve \u65E5\u672C \uD83D\uDC33 \u00a0\u00ff\\x1b"));
    for (String text : plain) {
      assertThat(ControlCharacters.escape(text)).isSameAs(text);
      assertThat(ControlCharacters.hasControl(text)).isFalse();
    }
    assertThat(ControlCharacters.hasControl("\u65E5\u2028")).isTrue();
    assertThat(ControlCharacters.escape('\u0001')).isEqualTo("\\x01");
    assertThat(ControlCharacters.escape('\u0080')).isEqualTo("\\u0080");
  }
}
