package dev.dockerlint.shellcheck;

import dev.dockerlint.ast.ShellDialect;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One script as ShellCheck checks it: the text the shell runs (a RUN's command, with the heredoc
 * bodies it reads; a heredoc run as a script; a {@code sh -c} string), the dialect, the variables
 * declared for it, and where each piece of the text came from in the Dockerfile.
 *
 * <p>ShellCheck reads {@link #content}: a shebang (the script's own, when it has one), a
 * {@code # shellcheck shell=} directive naming the dialect, an {@code export NAME...} line
 * declaring the ARG and ENV names in scope without a value (so SC2154 does not fire on them
 * while SC2086 still does: an assigned constant would make ShellCheck drop SC2086), then the
 * text. {@link #place} maps ShellCheck's lines and columns back to the Dockerfile.
 */
final class Script {
  /** Synthetic lines before the text: shebang, directive, declarations. */
  private static final int HEADER_LINES = 3;

  private final String text;
  private final ShellDialect dialect;
  private final List<String> declared;
  private final SourceText source;
  private final SourceRange anchor;
  private final List<SourceRange> covered;
  private final boolean ownShebang;
  /** The pieces of {@link #text}: where each starts in it, and its map into the file (null: not from the file). */
  private final int[] pieceStarts;
  private final TextMap[] pieceMaps;
  private final int[] pieceMapStarts;
  /** Pieces added between the file's pieces (line breaks): a position there belongs to the piece before. */
  private final boolean[] pieceAdded;
  private int[] lineStarts;

  private Script(Builder b, ShellDialect dialect, java.util.function.Predicate<String> declared,
      List<SourceRange> covered) {
    this.text = b.text.toString();
    this.dialect = dialect;
    this.declared = referenced(declared, text);
    this.source = b.source;
    this.anchor = b.anchor;
    this.covered = List.copyOf(covered);
    this.ownShebang = text.startsWith("#!");
    int n = b.starts.size();
    this.pieceStarts = new int[n];
    this.pieceMaps = new TextMap[n];
    this.pieceMapStarts = new int[n];
    this.pieceAdded = new boolean[n];
    for (int i = 0; i < n; i++) {
      pieceStarts[i] = b.starts.get(i);
      pieceMaps[i] = b.maps.get(i);
      pieceMapStarts[i] = b.mapStarts.get(i);
      pieceAdded[i] = b.added.get(i);
    }
  }

  String text() {
    return text;
  }

  /**
   * The variables the text refers to ({@code $NAME}, {@code ${NAME}}, {@code ${#NAME}},
   * {@code ${!NAME}}) that {@code declared} says are declared, sorted. Only those: declaring the
   * others would change nothing but cost ShellCheck time (a quarter of it on the corpus, where
   * every RUN had some twenty ARG and ENV names in scope) and set apart scripts that are
   * otherwise the same. Found by scanning the text, not by listing the scope, which on a stage of
   * thousands of ENV lines would be quadratic.
   */
  private static List<String> referenced(java.util.function.Predicate<String> declared, String text) {
    java.util.TreeSet<String> used = new java.util.TreeSet<>();
    for (int i = text.indexOf('$'); i >= 0 && i + 1 < text.length(); i = text.indexOf('$', i + 1)) {
      int start = i + 1;
      if (text.charAt(start) == '{') {
        start++;
        if (start < text.length() && (text.charAt(start) == '#' || text.charAt(start) == '!')) {
          start++;
        }
      }
      int end = start;
      while (end < text.length() && isNameChar(text.charAt(end), end == start)) {
        end++;
      }
      if (end > start && used.size() < 1000) {
        String name = text.substring(start, end);
        if (declared.test(name)) {
          used.add(name);
        }
      }
    }
    return List.copyOf(used);
  }

  private static boolean isNameChar(char c, boolean first) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9';
  }

  ShellDialect dialect() {
    return dialect;
  }

  /** What this script's check covers in the Dockerfile, for the native rules it supersedes. */
  List<SourceRange> covered() {
    return covered;
  }

  /** Two scripts with the same key get the same answer from ShellCheck. */
  String key() {
    return dialect.name() + '\n' + String.join(" ", declared) + '\n' + text;
  }

  /** The file ShellCheck reads, {@code shell} being the dialect as ShellCheck names it. */
  String content(String shell) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    int bodyStart = 0;
    if (ownShebang) {
      int newline = text.indexOf('\n');
      bodyStart = newline < 0 ? text.length() : newline + 1;
      out.append(text, 0, bodyStart);
      if (newline < 0) {
        out.append('\n');
      }
    } else {
      out.append("#!/bin/sh\n");
    }
    out.append("# shellcheck shell=").append(shell).append('\n');
    out.append(declared.isEmpty() ? "" : "export " + String.join(" ", declared)).append('\n');
    return out.append(text, bodyStart, text.length()).toString();
  }

  /**
   * The Dockerfile range of a ShellCheck position ({@link #content}'s 1-based lines and columns
   * counted in characters, end exclusive): exact where the text came from the file, the anchor (the
   * RUN keyword) where it did not; null on the synthetic header lines, which hold nothing of the
   * Dockerfile's.
   */
  SourceRange place(int line, int column, int endLine, int endColumn) {
    return place(line, column, endLine, endColumn, false);
  }

  /** As {@link #place}, but null rather than the anchor where the text has no exact place (for edits). */
  SourceRange placeExactly(int line, int column, int endLine, int endColumn) {
    return place(line, column, endLine, endColumn, true);
  }

  private SourceRange place(int line, int column, int endLine, int endColumn, boolean exactly) {
    int start = offset(line, column);
    if (start == SYNTHETIC) {
      return null;
    }
    int end = offset(endLine, endColumn);
    int piece = pieceAt(start);
    if (piece < 0 || pieceMaps[piece] == null) {
      return exactly ? null : anchor;
    }
    int pieceEnd = piece + 1 < pieceStarts.length ? pieceStarts[piece + 1] : text.length();
    TextMap map = pieceMaps[piece];
    int fileStart = map.fileOffset(pieceMapStarts[piece] + start - pieceStarts[piece]);
    if (start >= pieceEnd) {
      fileStart = map.fileOffset(pieceMapStarts[piece] + pieceEnd - pieceStarts[piece]);
    }
    int fileEnd = fileStart;
    if (end != SYNTHETIC && end > start) {
      int last = Math.min(end, pieceEnd) - 1;
      fileEnd = Math.max(fileStart, map.fileOffset(pieceMapStarts[piece] + last - pieceStarts[piece]) + 1);
    }
    int length = source.text().length();
    fileStart = Math.min(fileStart, length);
    return new SourceRange(source.position(fileStart), source.position(Math.max(fileStart, Math.min(fileEnd, length))));
  }

  private static final int SYNTHETIC = -1;

  /** The offset in {@link #text} of a content position; the end of the line where the column is past it. */
  private int offset(int line, int column) {
    int scriptLine;
    if (ownShebang) {
      if (line == 2 || line == 3) {
        return SYNTHETIC;
      }
      scriptLine = line == 1 ? 1 : line - HEADER_LINES + 1;
    } else {
      if (line <= HEADER_LINES) {
        return SYNTHETIC;
      }
      scriptLine = line - HEADER_LINES;
    }
    int[] starts = lineStarts();
    if (scriptLine > starts.length) {
      return text.length();
    }
    int at = starts[scriptLine - 1];
    int lineEnd = scriptLine < starts.length ? starts[scriptLine] - 1 : text.length();
    // ShellCheck counts characters (code points), a tab as one
    for (int c = 1; c < column && at < lineEnd; c++) {
      at += Character.isHighSurrogate(text.charAt(at)) && at + 1 < lineEnd ? 2 : 1;
    }
    return at;
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int count = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        count++;
      }
      int[] starts = new int[count];
      int k = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        starts[k++] = i + 1;
      }
      lineStarts = starts;
    }
    return lineStarts;
  }

  /** The piece holding an offset; at a piece's end (a line break added between pieces), the piece before. */
  private int pieceAt(int offset) {
    int piece = Arrays.binarySearch(pieceStarts, offset);
    piece = piece >= 0 ? piece : -piece - 2;
    while (piece > 0 && pieceAdded[piece]) {
      piece--; // text added between pieces belongs to the end of the piece before it
    }
    return piece;
  }

  /** Assembles a script's text from pieces of mapped texts and added text. */
  static final class Builder {
    private final SourceText source;
    private final SourceRange anchor;
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> starts = new ArrayList<>();
    private final List<TextMap> maps = new ArrayList<>();
    private final List<Integer> mapStarts = new ArrayList<>();
    private final List<Boolean> added = new ArrayList<>();

    /** @param anchor where findings go that cannot be placed exactly */
    Builder(SourceText source, SourceRange anchor) {
      this.source = source;
      this.anchor = anchor;
    }

    /** Appends {@code [from, to)} of a mapped text; with a null map, text that findings place at the anchor. */
    Builder append(TextMap map, String of, int from, int to) {
      return piece(map, of, from, to, false);
    }

    private Builder piece(TextMap map, String of, int from, int to, boolean isAdded) {
      if (to > from) {
        starts.add(text.length());
        maps.add(map);
        mapStarts.add(from);
        added.add(isAdded);
        text.append(of, from, to);
      }
      return this;
    }

    Builder append(TextMap map) {
      return append(map, map.text(), 0, map.text().length());
    }

    /** Appends text the Dockerfile does not hold as such (a line break between pieces). */
    Builder added(String addedText) {
      return piece(null, addedText, 0, addedText.length(), true);
    }

    /** @param declared whether a variable name is declared (by ARG or ENV) where the script runs */
    Script build(ShellDialect dialect, java.util.function.Predicate<String> declared, List<SourceRange> covered) {
      return new Script(this, dialect, declared, covered);
    }
  }
}
