package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Human-readable output: one block per finding with the offending source line and an underline
 * under the exact range, file errors, and a one-line summary.
 *
 * <pre>
 * Dockerfile:1:6: warning image-latest: Image 'node:latest' uses the mutable 'latest' tag
 *  1 | FROM node:latest
 *    |      ^~~~~~~~~~~
 *    = help: https://github.com/dockerlint/dockerlint/blob/main/rules/image-latest.md
 *
 * 1 problem (1 warning) in 1 file
 * </pre>
 *
 * <p>A finding {@code --fix} repairs has {@code [*]} before its message, and a last line says how
 * many {@code --fix} (and {@code --fix --unsafe-fixes}) would resolve.
 *
 * <p>Files are shown in path order; a file that could not be linted gets a {@code path: error:
 * message} line before its findings. The summary counts the files that were linted, names the
 * config files used ({@code in 3 files (config: .dockerlint.yaml)}) and adds how many files could
 * not be linted. Colour is ANSI and only used when asked for; whether to ask (TTY, {@code --no-color},
 * {@code NO_COLOR}) is the caller's decision. This class must not touch Jackson: the text path is
 * the start-up critical one.
 */
public final class TextReporter implements Reporter {
  /** Tab stops used when expanding tabs in code frames. */
  static final int TAB_WIDTH = 4;

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  private final boolean color;

  public TextReporter(boolean color) {
    this.color = color;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, FileResult> byPath = new LinkedHashMap<>();
    for (FileResult file : report.files()) {
      byPath.putIfAbsent(file.path(), file);
    }
    Map<String, List<Finding>> findingsByPath = new LinkedHashMap<>();
    for (Finding finding : report.findings()) {
      List<Finding> ofFile = findingsByPath.get(finding.file());
      if (ofFile == null) {
        ofFile = new ArrayList<>();
        findingsByPath.put(finding.file(), ofFile);
      }
      ofFile.add(finding);
    }
    Set<String> catalog = new HashSet<>();
    for (RuleInfo rule : report.rules()) {
      catalog.add(rule.id());
    }
    Set<String> paths = new TreeSet<>(findingsByPath.keySet());
    // grouped by path up front: a scan of every file per path was quadratic in the number of files
    Map<String, List<String>> errorsByPath = new HashMap<>();
    for (FileResult file : report.files()) {
      if (file.error() != null) {
        paths.add(file.path());
        List<String> ofPath = errorsByPath.get(file.path());
        if (ofPath == null) {
          ofPath = new ArrayList<>();
          errorsByPath.put(file.path(), ofPath);
        }
        ofPath.add(file.error());
      }
    }
    for (String path : paths) {
      for (String error : errorsByPath.getOrDefault(path, List.of())) {
        open(BOLD, out).append(ControlCharacters.escape(path)).append(':');
        close(out).append(' ');
        open(severityColor(Severity.ERROR), out).append("error:");
        close(out).append(' ').append(ControlCharacters.escape(error)).append("\n\n");
      }
      FileResult file = byPath.get(path);
      SourceText source = file == null ? null : file.source();
      String lineText = null;
      Frame frame = null;
      int frameLine = 0;
      String shownPath = ControlCharacters.escape(path); // the findings under a path all name that file
      for (Finding finding : findingsByPath.getOrDefault(path, List.of())) {
        if (source != null && finding.line() <= source.lineCount() && finding.line() != frameLine) {
          frameLine = finding.line(); // findings are in line order: a line's frame is made once
          lineText = source.line(frameLine);
          frame = lineText.length() > Frame.LONGEST_SHOWN ? null : Frame.of(lineText);
        }
        Frame shown = finding.line() != frameLine ? null
            : frame != null ? frame : Frame.around(lineText, finding.column());
        writeFinding(finding, shownPath, shown,
            catalog.contains(finding.rule()) ? report.helpUri(finding.rule()) : null, out);
        out.append('\n');
      }
    }
    out.append(summary(report)).append('\n');
    String fixable = fixableNote(report);
    if (!fixable.isEmpty()) {
      out.append(fixable).append('\n');
    }
  }

  /**
   * {@code [*] 2 fixable with --fix (1 more with --fix --unsafe-fixes)}, {@code 1 fixable with
   * --fix --unsafe-fixes} when only unsafe fixes are offered, or nothing when no finding has a fix. Findings with a safe fix are marked {@code [*]} before their message.
   */
  static String fixableNote(Report report) {
    int safe = 0;
    int unsafe = 0;
    for (Finding finding : report.findings()) {
      if (finding.fix() != null) {
        if (finding.fix().isSafe()) {
          safe++;
        } else {
          unsafe++;
        }
      }
    }
    if (safe == 0 && unsafe == 0) {
      return "";
    }
    if (safe == 0) {
      return unsafe + " fixable with --fix --unsafe-fixes";
    }
    String more = unsafe == 0 ? "" : " (" + unsafe + " more with --fix --unsafe-fixes)";
    return "[*] " + safe + " fixable with --fix" + more;
  }

  // appended piece by piece: a large file's report has tens of thousands of findings, and a
  // joined string per piece was most of the time spent writing it
  private void writeFinding(Finding finding, String shownPath, Frame frame, String helpUri, Appendable out)
      throws IOException {
    String sevColor = severityColor(finding.severity());
    int line = finding.line();
    String lineNumber = Integer.toString(line);
    open(BOLD, out).append(shownPath).append(':').append(lineNumber).append(':')
        .append(Integer.toString(finding.column())).append(':');
    close(out).append(' ');
    open(sevColor, out).append(finding.severity().label());
    close(out).append(' ');
    open(BOLD, out).append(ControlCharacters.escape(finding.rule()));
    close(out).append(": ");
    if (finding.fix() != null && finding.fix().isSafe()) {
      out.append("[*] ");
    }
    out.append(ControlCharacters.escape(finding.message())).append('\n');
    int gutter = lineNumber.length() + 2;
    if (frame != null) {
      int startColumn = finding.column();
      int endColumn = finding.range().endLine() > line ? Integer.MAX_VALUE : finding.range().end().column();
      int from = frame.cell(startColumn);
      int to = Math.max(from + 1, frame.cell(endColumn));
      open(DIM, out).append(' ').append(lineNumber).append(" |");
      close(out);
      if (!frame.text().isEmpty()) {
        out.append(' ').append(frame.text());
      }
      out.append('\n');
      repeat(SPACES, gutter, open(DIM, out)).append('|');
      repeat(SPACES, from, close(out).append(' '));
      repeat(TILDES, to - from - 1, open(sevColor, out).append('^'));
      close(out).append('\n');
    }
    if (helpUri != null) {
      repeat(SPACES, gutter, open(DIM, out)).append("= help:");
      close(out).append(' ').append(helpUri).append('\n');
    }
  }

  private Appendable open(String code, Appendable out) throws IOException {
    return color ? out.append(code) : out;
  }

  private Appendable close(Appendable out) throws IOException {
    return color ? out.append(RESET) : out;
  }

  private static final String SPACES = " ".repeat(64);
  private static final String TILDES = "~".repeat(64);

  /** Appends {@code count} copies of the run's character. */
  private static Appendable repeat(String run, int count, Appendable out) throws IOException {
    for (int left = count; left > 0; left -= run.length()) {
      out.append(run, 0, Math.min(left, run.length()));
    }
    return out;
  }

  /** The last line: counts by severity, files linted, files that could not be linted. */
  static String summary(Report report) {
    Map<Severity, Integer> counts = report.countsBySeverity();
    int total = 0;
    List<String> parts = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      int n = counts.getOrDefault(severity, 0);
      total += n;
      if (n > 0) {
        parts.add(count(n, severity.label(), pluralLabel(severity)));
      }
    }
    int failed = 0;
    for (FileResult file : report.files()) {
      if (file.error() != null) {
        failed++;
      }
    }
    int linted = report.files().size() - failed;
    String failures = count(failed, "file", "files") + " could not be checked";
    StringBuilder line = new StringBuilder();
    if (total > 0) {
      line.append(count(total, "problem", "problems")).append(" (").append(String.join(", ", parts))
          .append(") in ").append(count(linted, "file", "files"));
    } else if (linted > 0 || failed == 0) {
      line.append("No problems found in ").append(count(linted, "file", "files"));
    } else {
      return failures + configsNote(report);
    }
    line.append(configsNote(report));
    if (failed > 0) {
      line.append("; ").append(failures);
    }
    return line.toString();
  }

  /** {@code " (config: .dockerlint.yaml)"}, {@code " (configs: a, b)"}, or nothing without a config file. */
  private static String configsNote(Report report) {
    List<String> configs = report.configs();
    if (configs.isEmpty()) {
      return "";
    }
    StringBuilder note = new StringBuilder(configs.size() == 1 ? " (config: " : " (configs: ");
    for (int i = 0; i < configs.size(); i++) {
      note.append(i == 0 ? "" : ", ").append(ControlCharacters.escape(configs.get(i)));
    }
    return note.append(')').toString();
  }

  private static String pluralLabel(Severity severity) {
    // "info" and "style" read as uncountable: "2 info", "3 style".
    return severity == Severity.ERROR || severity == Severity.WARNING ? severity.label() + "s" : severity.label();
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  private static String severityColor(Severity severity) {
    return switch (severity) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case INFO -> "\u001b[1;34m";
      case STYLE -> "\u001b[1;36m";
    };
  }

  /**
   * A source line as displayed: tabs expanded, other control characters escaped, and for each UTF-16
   * column the display cell it starts at, so the underline lines up under wide and combining
   * characters too. A line longer than {@link #LONGEST_SHOWN} is shown as a piece of that length
   * around the finding, cut ends marked {@code ...}.
   *
   * @param cells display cell of each column of the piece shown, null when it is printable ASCII
   * @param firstColumn the line's column where the piece starts
   * @param shift cells before the piece (the {@code ...} of a cut start)
   * @param width display width of the piece
   */
  record Frame(String text, int[] cells, int firstColumn, int shift, int width) {
    /**
     * Longer lines are cut: a 60,000-character line with thousands of findings would otherwise be
     * printed in full under each, a report thousands of times the size of the file.
     */
    static final int LONGEST_SHOWN = 512;
    /** Columns shown before a finding on a cut line. */
    private static final int CONTEXT = 64;
    private static final String CUT = "...";

    /** The piece of a long line around {@code column}; the whole line when it is short. */
    static Frame around(String line, int column) {
      if (line.length() <= LONGEST_SHOWN) {
        return of(line);
      }
      int start = Math.min(Math.max(0, column - 1 - CONTEXT), line.length() - LONGEST_SHOWN);
      int end = start + LONGEST_SHOWN;
      if (start > 0 && Character.isLowSurrogate(line.charAt(start))) {
        start++; // never half a pair
      }
      if (end < line.length() && Character.isLowSurrogate(line.charAt(end))) {
        end--;
      }
      Frame piece = of(line.substring(start, end));
      String before = start > 0 ? CUT : "";
      String after = end < line.length() ? CUT : "";
      return new Frame(before + piece.text() + after, piece.cells(), start + 1, before.length(), piece.width());
    }

    static Frame of(String line) {
      if (isPrintableAscii(line)) {
        return new Frame(line, null, 1, 0, line.length()); // one cell per column
      }
      StringBuilder shown = new StringBuilder(line.length());
      int[] cells = new int[line.length() + 1];
      int cell = 0;
      int i = 0;
      while (i < line.length()) {
        int cp = line.codePointAt(i);
        int units = Character.charCount(cp);
        for (int u = 0; u < units; u++) {
          cells[i + u] = cell;
        }
        if (cp == '\t') {
          int width = TAB_WIDTH - cell % TAB_WIDTH;
          shown.append(" ".repeat(width));
          cell += width;
        } else if (cp < 0x10000 && ControlCharacters.isControl((char) cp)) {
          String escaped = ControlCharacters.escape((char) cp);
          shown.append(escaped);
          cell += escaped.length();
        } else {
          shown.appendCodePoint(cp);
          cell += width(cp);
        }
        i += units;
      }
      cells[line.length()] = cell;
      return new Frame(shown.toString(), cells, 1, 0, cell);
    }

    /**
     * The display cell where a 1-based UTF-16 column of the line starts; before the piece shown
     * means its start, past its end just after it.
     */
    int cell(int column) {
      int inPiece = column - firstColumn + 1;
      if (cells == null) {
        return shift + Math.min(Math.max(inPiece, 1), width + 1) - 1;
      }
      return shift + cells[Math.min(Math.max(inPiece, 1), cells.length) - 1];
    }

    private static boolean isPrintableAscii(String line) {
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          return false;
        }
      }
      return true;
    }

    private static int width(int cp) {
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
        return 0;
      }
      return isWide(cp) ? 2 : 1;
    }

    /** East Asian wide and fullwidth blocks, and the common emoji blocks. */
    private static boolean isWide(int cp) {
      return (cp >= 0x1100 && cp <= 0x115F)
          || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
          || (cp >= 0xAC00 && cp <= 0xD7A3)
          || (cp >= 0xF900 && cp <= 0xFAFF)
          || (cp >= 0xFE30 && cp <= 0xFE4F)
          || (cp >= 0xFF00 && cp <= 0xFF60)
          || (cp >= 0xFFE0 && cp <= 0xFFE6)
          || (cp >= 0x1F300 && cp <= 0x1F64F)
          || (cp >= 0x1F900 && cp <= 0x1F9FF)
          || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
  }
}
