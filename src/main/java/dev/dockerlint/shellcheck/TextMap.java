package dev.dockerlint.shellcheck;

import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Token;
import dev.dockerlint.source.SourceText;
import java.util.Arrays;

/**
 * A text a shell runs (a RUN's command as BuildKit joins its lines, a heredoc body, the string of
 * {@code sh -c '...'}) with the file offset each of its characters came from, held as runs of
 * consecutive characters. The parser keeps no such map in the AST, so it is worked out again from
 * the file the way BuildKit joins lines, and checked character by character against the text the
 * parser produced: where the two differ the map is not made, never guessed.
 */
final class TextMap {
  private final String text;
  private int[] runStarts = new int[4];
  private int[] runOffsets = new int[4];
  private int runs;
  /** The file offset just past the text's last character. */
  private int endOffset;

  private TextMap(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  private void add(int index, int fileOffset, int length) {
    if (length <= 0) {
      return;
    }
    boolean continues = runs > 0 && fileOffset == endOffset && index == runStarts[runs - 1] + (endOffset - runOffsets[runs - 1]);
    if (!continues) {
      if (runs == runStarts.length) {
        runStarts = Arrays.copyOf(runStarts, runs * 2);
        runOffsets = Arrays.copyOf(runOffsets, runs * 2);
      }
      runStarts[runs] = index;
      runOffsets[runs] = fileOffset;
      runs++;
    }
    endOffset = fileOffset + length;
  }

  /** The file offset of the character at {@code index}; the text's length maps past its last character. */
  int fileOffset(int index) {
    if (index >= text.length() || runs == 0) {
      return endOffset;
    }
    int run = Arrays.binarySearch(runStarts, 0, runs, index);
    run = run >= 0 ? run : -run - 2;
    return runOffsets[Math.max(run, 0)] + index - runStarts[Math.max(run, 0)];
  }

  /** The index of the character at a file offset, or -1 when no character of the text comes from there. */
  int indexOf(int fileOffset) {
    // runs come from the file in order, so their offsets ascend too
    int r = Arrays.binarySearch(runOffsets, 0, runs, fileOffset);
    r = r >= 0 ? r : -r - 2;
    if (r < 0) {
      return -1;
    }
    int length = (r + 1 < runs ? runStarts[r + 1] : text.length()) - runStarts[r];
    return fileOffset < runOffsets[r] + length ? runStarts[r] + fileOffset - runOffsets[r] : -1;
  }

  /**
   * The map of a shell-form command's text (its Token), joined from the file as BuildKit joins
   * continued lines: the escape character and the line break after it dropped, comment lines and
   * empty lines inside the continuation skipped. Null when that does not give the token's text.
   */
  static TextMap ofCommand(SourceText source, char escape, Token token) {
    String text = token.text();
    TextMap map = new TextMap(text);
    String s = source.text();
    int line = token.range().startLine();
    int offset = source.lineStart(line) + token.range().startColumn() - 1;
    int j = 0;
    while (j < text.length()) {
      int end = contentEnd(source, line);
      int esc = continuation(s, source.lineStart(line), end, escape);
      int runEnd = esc >= 0 && esc >= offset ? esc : end;
      int take = Math.min(runEnd - offset, text.length() - j);
      if (take < 0 || !s.regionMatches(offset, text, j, take)) {
        return null;
      }
      map.add(j, offset, take);
      j += take;
      if (j == text.length()) {
        break;
      }
      if (esc < 0 || take < runEnd - offset) {
        return null; // the text goes on where the line does not
      }
      line++;
      while (line <= source.lineCount() && skippedInContinuation(s, source.lineStart(line), contentEnd(source, line))) {
        line++;
      }
      if (line > source.lineCount()) {
        return null;
      }
      offset = source.lineStart(line);
    }
    return map;
  }

  /**
   * The map of a heredoc body: its lines are the file's lines from the body's first line on, each
   * without the leading tabs {@code <<-} strips. Null when the file does not hold the body there.
   */
  static TextMap ofHeredoc(SourceText source, Heredoc heredoc) {
    String body = heredoc.body();
    TextMap map = new TextMap(body);
    String s = source.text();
    int line = heredoc.bodyRange().startLine();
    int j = 0;
    while (j < body.length()) {
      if (line > source.lineCount()) {
        return null;
      }
      int offset = source.lineStart(line);
      if (heredoc.chomp()) {
        while (offset < s.length() && s.charAt(offset) == '\t') {
          offset++;
        }
      }
      int newline = body.indexOf('\n', j);
      int length = (newline < 0 ? body.length() : newline + 1) - j;
      if (!s.regionMatches(offset, body, j, length)) {
        return null;
      }
      map.add(j, offset, length);
      j += length;
      line++;
    }
    if (body.isEmpty()) {
      map.endOffset = source.lineStart(Math.min(line, source.lineCount()));
    }
    return map;
  }

  /**
   * The line that ends a heredoc (its delimiter, after the tabs {@code <<-} allows), as a map of
   * the delimiter alone; null when the heredoc was not terminated.
   */
  static TextMap ofTerminator(SourceText source, Heredoc heredoc) {
    int line = heredoc.bodyRange().endLine();
    if (line > source.lineCount() || line < heredoc.bodyRange().startLine()) {
      return null;
    }
    String s = source.text();
    int offset = source.lineStart(line);
    while (heredoc.chomp() && offset < s.length() && s.charAt(offset) == '\t') {
      offset++;
    }
    if (!s.startsWith(heredoc.name(), offset) || offset + heredoc.name().length() != contentEnd(source, line)) {
      return null;
    }
    TextMap map = new TextMap(heredoc.name());
    map.add(0, offset, heredoc.name().length());
    return map;
  }

  /**
   * A text whose characters come from the given offsets of another text's map (the string of
   * {@code sh -c '...'}, its quotes and escapes removed), with {@code end} the offset just past it.
   */
  static TextMap ofIndexes(String text, TextMap within, int[] indexes, int end) {
    TextMap map = new TextMap(text);
    for (int i = 0; i < text.length(); i++) {
      map.add(i, within.fileOffset(indexes[i]), 1);
    }
    map.endOffset = text.isEmpty() ? within.fileOffset(end) : map.endOffset;
    return map;
  }

  /** The end of a line's text: before its line break and any carriage returns (BuildKit trims both). */
  private static int contentEnd(SourceText source, int line) {
    String s = source.text();
    int start = source.lineStart(line);
    int end = line < source.lineCount() ? source.lineStart(line + 1) - 1 : s.length();
    while (end > start && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
      end--;
    }
    return end;
  }

  /**
   * Where a line continues the instruction: the offset of its final escape character (blanks may
   * follow it), or -1. An escape that is itself escaped does not continue the line.
   */
  private static int continuation(String s, int from, int end, char escape) {
    int j = end;
    while (j > from && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
      j--;
    }
    if (j == from || s.charAt(j - 1) != escape) {
      return -1;
    }
    int esc = j - 1;
    return esc > from && s.charAt(esc - 1) == escape ? -1 : esc;
  }

  /** A comment line or a blank line inside a continuation: BuildKit drops it without ending the instruction. */
  private static boolean skippedInContinuation(String s, int from, int end) {
    int i = from;
    while (i < end && isGoSpace(s.charAt(i))) {
      i++;
    }
    return i == end || s.charAt(i) == '#';
  }

  /** Go's unicode.IsSpace, which BuildKit uses to find blank and comment lines. */
  private static boolean isGoSpace(char c) {
    return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xA0 || c == 0x1680 || c >= 0x2000 && c <= 0x200A
        || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }
}
