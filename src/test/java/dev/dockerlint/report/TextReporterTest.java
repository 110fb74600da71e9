package dev.dockerlint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TextReporterTest {
  private static String render(boolean color, Report report) throws IOException {
    StringBuilder out = new StringBuilder();
    new TextReporter(color).write(report, out);
    return out.toString();
  }

  private static Report report(List<FileResult> files) {
    return new Report("dockerlint", "0.1.0", ReportFixtures.HOME, files, ReportFixtures.RULES, id -> Optional.empty());
  }

  private static FileResult file(String path, String text, Finding... findings) {
    return new FileResult(path, new SourceText(text), List.of(findings), null);
  }

  private static Finding finding(String path, Severity severity, SourceRange range) {
    return ReportFixtures.finding(path, "image-latest", severity, "message", range);
  }

  private static String lastLine(String output) {
    String[] lines = output.split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void noEscapesWithoutColour() throws IOException {
    assertThat(render(false, ReportFixtures.sample())).doesNotContain("\u001b");
  }

  @Test
  void colourAddsOnlyEscapes() throws IOException {
    String colored = render(true, ReportFixtures.sample());
    assertThat(colored).contains("\u001b[1;31merror\u001b[0m", "\u001b[1;33mwarning\u001b[0m", "\u001b[2m");
    assertThat(colored.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(render(false, ReportFixtures.sample()));
  }

  @Test
  void summaryNamesTheConfigsUsed() throws IOException {
    SourceRange at = SourceRange.of(1, 1, 1, 5);
    List<FileResult> one = List.of(file("a", "FROM x\n"));
    assertThat(lastLine(render(false, withConfigs(one, List.of(".dockerlint.yaml")))))
        .isEqualTo("No problems found in 1 file (config: .dockerlint.yaml)");
    assertThat(lastLine(render(false, withConfigs(List.of(file("a", "FROM x\n", finding("a", Severity.WARNING, at)),
        new FileResult("gone", null, List.of(), "cannot read")), List.of(".dockerlint.yaml", "svc/.dockerlint.yaml")))))
        .isEqualTo("1 problem (1 warning) in 1 file (configs: .dockerlint.yaml, svc/.dockerlint.yaml); "
            + "1 file could not be checked");
    assertThat(lastLine(render(false, withConfigs(List.of(new FileResult("gone", null, List.of(), "cannot read")),
        List.of("~/.config/dockerlint/config.yaml")))))
        .isEqualTo("1 file could not be checked (config: ~/.config/dockerlint/config.yaml)");
    assertThat(lastLine(render(false, withConfigs(one, List.of("odd\n::error ::x/.dockerlint.yaml")))))
        .as("a directory name cannot start a line of its own")
        .isEqualTo("No problems found in 1 file (config: odd\\n::error ::x/.dockerlint.yaml)");
    assertThat(lastLine(render(false, report(one)))).as("no config, no note").isEqualTo("No problems found in 1 file");
  }

  private static Report withConfigs(List<FileResult> files, List<String> configs) {
    return new Report("dockerlint", "0.1.0", ReportFixtures.HOME, files, ReportFixtures.RULES, id -> Optional.empty(),
        configs);
  }

  @Test
  void summaryCountsWithSingularAndPlural() throws IOException {
    SourceRange at = SourceRange.of(1, 1, 1, 5);
    assertThat(lastLine(render(false, report(List.of(file("a", "FROM x\n"))))))
        .isEqualTo("No problems found in 1 file");
    assertThat(lastLine(render(false, report(List.of(file("a", "FROM x\n"), file("b", "FROM y\n"))))))
        .isEqualTo("No problems found in 2 files");
    assertThat(lastLine(render(false, report(List.of(file("a", "FROM x\n", finding("a", Severity.WARNING, at)))))))
        .isEqualTo("1 problem (1 warning) in 1 file");
    assertThat(lastLine(render(false, report(List.of(
        file("a", "FROM x\n", finding("a", Severity.ERROR, at), finding("a", Severity.WARNING, at)),
        file("b", "FROM y\n", finding("b", Severity.WARNING, at), finding("b", Severity.STYLE, at),
            finding("b", Severity.STYLE, at)))))))
        .isEqualTo("5 problems (1 error, 2 warnings, 2 style) in 2 files");
    assertThat(lastLine(render(false, report(List.of(
        file("a", "FROM x\n", finding("a", Severity.INFO, at), finding("a", Severity.INFO, at)))))))
        .isEqualTo("2 problems (2 info) in 1 file");
    assertThat(lastLine(render(false, report(List.of(new FileResult("gone", null, List.of(), "cannot read"))))))
        .isEqualTo("1 file could not be checked");
    assertThat(lastLine(render(false, report(List.of(file("a", "FROM x\n"),
        new FileResult("gone", null, List.of(), "cannot read"), new FileResult("gone2", null, List.of(), "binary"))))))
        .isEqualTo("No problems found in 1 file; 2 files could not be checked");
    assertThat(render(false, report(List.of()))).isEqualTo("No problems found in 0 files\n");
  }

  @Test
  void underlineLinesUpAfterTabsAndWideCharacters() {
    TextReporter.Frame frame = TextReporter.Frame.of("\tRUN\tcurl");
    assertThat(frame.text()).isEqualTo("    RUN curl");
    assertThat(frame.cell(6)).isEqualTo(frame.text().indexOf("curl"));

    // é is one unit, the whale two units and two cells, 日 one unit and two cells
    TextReporter.Frame wide = TextReporter.Frame.of("a\u00e9\uD83D\uDC33\u65E5b");
    assertThat(wide.cell(1)).isZero();
    assertThat(wide.cell(3)).isEqualTo(2);
    assertThat(wide.cell(5)).isEqualTo(4);
    assertThat(wide.cell(6)).isEqualTo(6);
    assertThat(wide.cell(7)).isEqualTo(7);
    assertThat(wide.cell(99)).isEqualTo(7);
  }

  @Test
  void plainAsciiLineIsShownAsIsWithOneCellPerColumn() {
    TextReporter.Frame frame = TextReporter.Frame.of("RUN curl -k x");
    assertThat(frame.text()).isEqualTo("RUN curl -k x");
    assertThat(frame.cell(0)).isZero();
    assertThat(frame.cell(1)).isZero();
    assertThat(frame.cell(6)).isEqualTo(5);
    assertThat(frame.cell(14)).isEqualTo(13);
    assertThat(frame.cell(Integer.MAX_VALUE)).isEqualTo(13);
    assertThat(TextReporter.Frame.of("").cell(3)).isZero();
    // a DEL or a tab takes the general path; a control character is escaped and takes its escape's cells
    TextReporter.Frame del = TextReporter.Frame.of("a\u007fb");
    assertThat(del.text()).isEqualTo("a\\x7fb");
    assertThat(del.cell(3)).isEqualTo(5);
  }

  /**
   * A line's frame is made once for all its findings: a long report, with several findings on some
   * lines and non-ASCII lines between, must still be each finding's block in turn.
   */
  @Test
  void longReportIsEachFindingsBlockInTurn() throws IOException {
    StringBuilder text = new StringBuilder();
    List<Finding> findings = new ArrayList<>();
    StringBuilder expected = new StringBuilder();
    for (int line = 1; line <= 1500; line++) {
      String code = line % 7 == 0 ? "\tFROM \u65E5 x" + line : "FROM image-" + line + ":latest";
      text.append(code).append('\n');
      for (int column : line % 3 == 0 ? new int[] {1, 6} : new int[] {6}) {
        Finding f = finding("big", Severity.WARNING, SourceRange.of(line, column, line, column + 4));
        findings.add(f);
        String single = render(false, report(List.of(file("big", code + "\n",
            finding("big", Severity.WARNING, SourceRange.of(1, column, 1, column + 4))))));
        expected.append(renumbered(single.substring(0, single.lastIndexOf("\n1 problem") + 1), line));
      }
    }
    String out = render(false, report(List.of(new FileResult("big", new SourceText(text.toString()), findings, null))));
    assertThat(out).isEqualTo(expected.toString() + findings.size() + " problems (" + findings.size() + " warnings) in 1 file\n");
  }

  /** A one-line file's block, as it reads when that line is line {@code line} of a longer file. */
  private static String renumbered(String block, int line) {
    String width = " ".repeat(Integer.toString(line).length() + 2);
    return block.replace("big:1:", "big:" + line + ":").replace(" 1 |", " " + line + " |")
        .replace("   |", width + "|").replace("   = help:", width + "= help:");
  }

  @Test
  void multiLineRangeIsUnderlinedToTheEndOfItsFirstLine() throws IOException {
    String text = "RUN a && \\\n    b\n";
    String out = render(false, report(List.of(file("a", text,
        finding("a", Severity.WARNING, SourceRange.of(1, 5, 2, 6))))));
    assertThat(out).contains(" 1 | RUN a && \\\n   |     ^~~~~~\n");
  }

  @Test
  void emptyRangeAndRangePastTheLineGetOneCaret() throws IOException {
    String out = render(false, report(List.of(file("a", "FROM\n",
        finding("a", Severity.ERROR, SourceRange.of(1, 5, 1, 5)),
        finding("a", Severity.ERROR, SourceRange.of(1, 1, 1, 1))))));
    assertThat(out).contains(" 1 | FROM\n   |     ^\n", " 1 | FROM\n   | ^\n");
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws IOException {
    Finding sneaky = ReportFixtures.finding("a\u001b[2J", "image-latest", Severity.WARNING, "bad\nvalue \u001b[31m",
        SourceRange.of(1, 2, 1, 3));
    String out = render(false, report(List.of(
        new FileResult("a\u001b[2J", new SourceText("X\u001b[0m\u0007\n"), List.of(sneaky), null),
        new FileResult("b\r", null, List.of(), "cannot\nread"))));
    assertThat(out).doesNotContain("\u001b", "\u0007", "\r").contains("bad\\nvalue \\x1b[31m")
        .contains("a\\x1b[2J:1:2: warning", " 1 | X\\x1b[0m\\x07\n   |  ^~~~\n", "b\\r: error: cannot\\nread");
  }

  @Test
  void controlCharactersAreFoundAmongCharactersPastLatin1() throws IOException {
    // the check reads a Latin-1 copy, where U+0100 and up turn into '?': C1 controls
    // (U+0080-U+009F) next to them must still be caught, and wide text must pass untouched
    assertThat(ControlCharacters.escape("\u65E5\u672C\u009b31m\u0100")).isEqualTo("\u65E5\u672C\\u009b31m\u0100");
    assertThat(ControlCharacters.escape("\u0085\u4E2D")).isEqualTo("\\u0085\u4E2D");
    assertThat(ControlCharacters.escape("\u4E2D\u0009")).isEqualTo("\u4E2D\\t");
    assertThat(ControlCharacters.escape("\u4E2D\u2028")).isEqualTo("\u4E2D\\u2028");
    String wide = "na\u00efve \u65E5\u672C \uD83D\uDC33 \u00a0\u00ff\u011b";
    assertThat(ControlCharacters.escape(wide)).isSameAs(wide);
  }

  @Test
  void aLongLineIsShownAroundTheFinding() throws IOException {
    String line = "RUN " + "x".repeat(20_000) + "END";
    String text = "FROM a\n" + line + "\n";
    int middle = 10_000;
    String out = render(false, report(List.of(file("a", text,
        finding("a", Severity.ERROR, SourceRange.of(2, middle, 2, middle + 3)),
        finding("a", Severity.ERROR, SourceRange.of(2, 1, 2, 4)),
        finding("a", Severity.ERROR, SourceRange.of(2, line.length() + 1 - 3, 2, line.length() + 1))))));
    int shown = TextReporter.Frame.LONGEST_SHOWN;
    // 64 columns before the finding, then the rest of the piece, both ends cut
    assertThat(out).contains(" 2 | ..." + "x".repeat(shown) + "...\n   | " + " ".repeat(3 + 64) + "^~~\n");
    // at the start: nothing cut before
    assertThat(out).contains(" 2 | RUN " + "x".repeat(shown - 4) + "...\n   | ^~~\n");
    // at the end: the last piece, nothing cut after
    assertThat(out).contains(" 2 | ..." + "x".repeat(shown - 3) + "END\n   | " + " ".repeat(3 + shown - 3) + "^~~\n");
    assertThat(out.length()).isLessThan(3 * 1_000);
  }

  @Test
  void aCutLineKeepsWideCharactersWholeAndLinedUp() throws IOException {
    // U+1F433 is a surrogate pair two cells wide; the piece must not start or end inside one
    String line = "\uD83D\uDC33".repeat(10_000) + "X";
    String out = render(false, report(List.of(file("a", line + "\n",
        finding("a", Severity.ERROR, SourceRange.of(1, 2 * 5_000 + 2, 1, 2 * 5_000 + 3)),
        finding("a", Severity.ERROR, SourceRange.of(1, 2 * 10_000 + 1, 1, 2 * 10_000 + 2))))));
    assertThat(out).doesNotContain("\uFFFD");
    String[] lines = out.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(" 1 | ")) {
        String shownText = lines[i].substring(5);
        assertThat(Character.isLowSurrogate(shownText.charAt(3))).isFalse();
        assertThat(lines[i + 1]).matches("   \\| +\\^~?");
      }
    }
    // the last finding sits under the X: after "..." and the pairs shown, two cells each
    assertThat(out).contains("X\n   | " + " ".repeat(3 + 2 * ((TextReporter.Frame.LONGEST_SHOWN - 1) / 2)) + "^\n");
  }

  @Test
  void manyFindingsOnOneLongLineKeepTheReportSmall() throws IOException {
    StringBuilder line = new StringBuilder("LABEL x=\"");
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      findings.add(finding("a", Severity.WARNING, SourceRange.of(1, line.length() + 1, 1, line.length() + 4)));
      line.append("$U").append(i % 10).append(' ');
    }
    String out = render(false, report(List.of(file("a", line.append("\"\n").toString(),
        findings.toArray(new Finding[0])))));
    assertThat(line.length()).isGreaterThan(20_000);
    // each finding prints at most a piece of the line, not the whole of it
    assertThat(out.length()).isLessThan(5_000 * (TextReporter.Frame.LONGEST_SHOWN + 300));
  }

  @Test
  void findingWithoutSourceHasNoFrame() throws IOException {
    String out = render(false, report(List.of(new FileResult("a", null,
        List.of(finding("a", Severity.WARNING, SourceRange.of(3, 1, 3, 2))), null))));
    assertThat(out).isEqualTo("a:3:1: warning image-latest: message\n"
        + "   = help: " + ReportFixtures.HOME + "/blob/main/rules/image-latest.md\n\n"
        + "1 problem (1 warning) in 1 file\n");
  }

  /** The text path must not load Jackson: run it where Jackson cannot be found. */
  @Test
  void textNeedsNoJackson() throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(TextReporter.class.getProtectionDomain().getCodeSource().getLocation());
    urls.add(TextProbe.class.getProtectionDomain().getCodeSource().getLocation());
    try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> isolated.loadClass("com.fasterxml.jackson.core.JsonFactory"))
          .isInstanceOf(ClassNotFoundException.class);
      @SuppressWarnings("unchecked")
      Supplier<String> probe = (Supplier<String>) isolated.loadClass(TextProbe.class.getName())
          .getDeclaredConstructor().newInstance();
      assertThat(probe.getClass().getClassLoader()).isSameAs(isolated);
      assertThat(probe.get()).contains("8 problems (4 errors, 2 warnings, 1 info, 1 style) in 2 files");
    }
  }

  /**
   * A hang guard, not a benchmark: file errors were found by scanning every file for every path,
   * which made 12,000 files take 9 s instead of 3; 50,000 would take minutes.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void manyFilesThatCouldNotBeCheckedArePrintedInPathOrder() throws IOException {
    List<FileResult> files = new ArrayList<>();
    for (int i = 49_999; i >= 0; i--) {
      files.add(new FileResult(String.format("dir/%05d/Dockerfile", i), null, List.of(), "cannot read " + i));
    }
    String out = render(false, report(files));
    assertThat(out).startsWith("dir/00000/Dockerfile: error: cannot read 0\n\ndir/00001/Dockerfile: error: cannot read 1\n")
        .endsWith("dir/49999/Dockerfile: error: cannot read 49999\n\n50000 files could not be checked\n");
  }
}
