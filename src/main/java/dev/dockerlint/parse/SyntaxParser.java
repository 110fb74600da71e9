package dev.dockerlint.parse;

import dev.dockerlint.ast.Comment;
import dev.dockerlint.ast.Directive;
import dev.dockerlint.ast.EmptyContinuation;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.concurrent.IndexedTasks;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hand-written line-level parser, following BuildKit's parser rules: directives, comments, line
 * continuation (empty and comment lines inside it skipped), heredoc bodies, then one instruction per
 * logical line. Linear in the file size. Where BuildKit stops at the first fatal error, this parser
 * records it and goes on with the next line, so the rest of the file is still linted.
 */
public final class SyntaxParser {
  private static final int MAX_LINE_BYTES = 65535;
  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");

  private final SourceText text;
  private final String s;
  private final int lines;
  private final boolean bom;
  private final int threads;
  private final List<Directive> directives = new ArrayList<>();
  private final List<Instruction> instructions = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private final List<SyntaxError> errors = new ArrayList<>();
  private final List<EmptyContinuation> emptyContinuations = new ArrayList<>();
  private final List<Unbuilt> unbuilt = new ArrayList<>();
  /** The text of the instructions in {@link #unbuilt}, joined lines and heredoc bodies. */
  private int pendingChars;
  private final Set<String> seenDirectives = new HashSet<>();
  private final Set<Integer> frontendDirectiveLines = new HashSet<>();
  private char escape = '\\';
  private boolean directivesDone;

  private SyntaxParser(SourceText text, int threads) {
    this.text = text;
    this.threads = threads;
    this.s = text.text();
    // BuildKit's scanner yields no empty line after a final newline
    this.lines = s.isEmpty() ? 0 : s.endsWith("\n") ? text.lineCount() - 1 : text.lineCount();
    this.bom = s.startsWith("\uFEFF");
  }

  /** Never throws; problems become {@link dev.dockerlint.ast.SyntaxError}s. */
  public static ParsedSyntax parse(SourceText text) {
    int threads = text.text().length() < PARALLEL_BUILD_CHARS ? 1 : Runtime.getRuntime().availableProcessors();
    return parse(text, threads);
  }

  /** Builds the instructions on up to {@code threads} threads; the result does not depend on it. */
  static ParsedSyntax parse(SourceText text, int threads) {
    return new SyntaxParser(text, threads).run();
  }

  private ParsedSyntax run() {
    frontendDirectivesAfterShebang();
    int i = 1;
    while (i <= lines) {
      checkLength(i);
      int cs = contentStart(i);
      int ce = contentEnd(i);
      int p = GoStrings.skipSpace(s, cs, ce);
      boolean isDirective = !directivesDone && directive(p, ce);
      if (p < ce && s.charAt(p) == '#') {
        if (!isDirective && !frontendDirectiveLines.contains(i)) {
          comment(p, ce);
        }
        i++;
        continue;
      }
      int esc = continuation(p, ce);
      if (esc < 0 && p == ce) {
        i++;
        continue;
      }
      i = instruction(i, p, ce, esc);
      if (threads <= 1 || pendingChars >= BUILD_BATCH_CHARS) {
        buildPending();
      }
    }
    buildPending();
    if (instructions.isEmpty()) {
      SourceRange where = lines == 0 ? SourceRange.of(1, 1, 1, 1)
          : text.range(contentStart(lines), contentEnd(lines));
      errors.add(new SyntaxError("file with no instructions", where, true));
    }
    return new ParsedSyntax(directives, escape, instructions, comments, errors, emptyContinuations);
  }

  /** Reads one instruction starting at line {@code first}; returns the next line to read. */
  private int instruction(int first, int p, int ce, int esc) {
    Position start = text.position(p);
    LogicalLine ll = new LogicalLine(text, p);
    ll.append(p, esc < 0 ? ce : esc);
    int last = first;
    int i = first + 1;
    boolean continued = esc >= 0;
    List<SourceRange> empty = new ArrayList<>();
    while (continued && i <= lines) {
      checkLength(i);
      int cs = contentStart(i);
      int end = contentEnd(i);
      int q = GoStrings.skipSpace(s, cs, end);
      last = i++;
      if (q < end && s.charAt(q) == '#') {
        comment(q, end); // comment lines inside a continuation are dropped, not ending it
      } else if (q == end) {
        empty.add(text.range(cs, end)); // so are empty lines (BuildKit warns about them)
      } else {
        int e = continuation(cs, end);
        ll.append(cs, e < 0 ? end : e);
        continued = e >= 0;
      }
    }
    List<SyntaxError> ownErrors = new ArrayList<>();
    InstructionBuilder builder = new InstructionBuilder(escape, ownErrors);
    List<HeredocBody> bodies = new ArrayList<>();
    if (builder.takesHeredocs(ll)) {
      for (HeredocWords.Word word : HeredocWords.words(ll.text(), 0, ll.length())) {
        if (word.heredoc() == null) {
          continue;
        }
        HeredocRead read = heredoc(ll, word, i);
        bodies.add(read.body());
        last = Math.max(last, read.lastLine());
        i = Math.max(i, read.lastLine() + 1);
        if (!read.terminated()) {
          errors.add(new SyntaxError("unterminated heredoc", new SourceRange(start, endOfFile()), true));
          break; // the body ran to the end of the file
        }
      }
    }
    Position end = new Position(last, contentEnd(last) - text.lineStart(last) + 1);
    unbuilt.add(new Unbuilt(builder, ll, start, end, bodies, empty, ownErrors, errors.size()));
    pendingChars += ll.length();
    for (HeredocBody body : bodies) {
      pendingChars += body.heredoc().body().length();
    }
    return Math.max(i, last + 1);
  }

  /** Files this large build their instructions on all cores; smaller ones are not worth a thread. */
  static final int PARALLEL_BUILD_CHARS = 256 * 1024;

  /**
   * On several threads, instructions are built a batch of about this much text at a time: enough
   * to share out, while what is read but not yet built (each instruction's joined text) stays small.
   */
  static final int BUILD_BATCH_CHARS = 256 * 1024;

  /**
   * An instruction whose lines are read but whose arguments are not parsed yet. That parse (the
   * shell parse of a RUN most of all) is most of the work and needs nothing from other
   * instructions, so a large file does it on several threads.
   *
   * @param errorSlot how many errors the line reader had reported before this instruction's own
   */
  private record Unbuilt(InstructionBuilder builder, LogicalLine ll, Position start, Position end,
      List<HeredocBody> bodies, List<SourceRange> emptyLines, List<SyntaxError> ownErrors, int errorSlot) {}

  /**
   * Builds the instructions read since the last call, then adds them and their errors in file
   * order: each instruction's own errors go after those the line reader reported up to it.
   */
  private void buildPending() {
    if (unbuilt.isEmpty()) {
      return;
    }
    Instruction[] built = new Instruction[unbuilt.size()];
    // a class, not a lambda: linking a lambda costs start-up time the class-data archive does not save
    IndexedTasks.run(built.length, threads, "dockerlint-parse", new java.util.function.IntConsumer() {
      @Override
      public void accept(int k) {
        Unbuilt u = unbuilt.get(k);
        try {
          built[k] = u.builder().build(u.ll(), 0, u.ll().length(), u.start(), u.end(), u.bodies(), 0);
        } catch (RuntimeException e) {
          // last resort: a bug must not hide the rest of the file
          u.ownErrors().add(new SyntaxError("internal parser error: " + e, new SourceRange(u.start(), u.end()), false));
        }
      }
    });
    // errors before the first pending instruction are already in place; only the rest is merged
    int from = unbuilt.get(0).errorSlot();
    List<SyntaxError> lineErrors = new ArrayList<>(errors.subList(from, errors.size()));
    errors.subList(from, errors.size()).clear();
    int next = 0;
    for (int k = 0; k < built.length; k++) {
      Unbuilt u = unbuilt.get(k);
      while (next < u.errorSlot() - from) {
        errors.add(lineErrors.get(next++));
      }
      errors.addAll(u.ownErrors());
      if (built[k] != null) {
        instructions.add(built[k]);
        for (SourceRange line : u.emptyLines()) {
          emptyContinuations.add(new EmptyContinuation(line, built[k].range()));
        }
      }
    }
    errors.addAll(lineErrors.subList(next, lineErrors.size()));
    unbuilt.clear();
    pendingChars = 0;
  }

  /** A heredoc body read from the file; {@code lastLine} is its terminator line (or the file's last). */
  private record HeredocRead(HeredocBody body, int lastLine, boolean terminated) {}

  /** Reads a heredoc body from line {@code from} up to its terminator line. */
  private HeredocRead heredoc(LogicalLine ll, HeredocWords.Word word, int from) {
    HeredocWords.Marker marker = word.heredoc();
    LogicalLine body = new LogicalLine(text, from <= lines ? text.lineStart(from) : s.length());
    int i = from;
    boolean done = false;
    while (i <= lines) {
      checkLength(i);
      int ls = text.lineStart(i);
      int end = contentEnd(i);
      int tabs = ls;
      while (marker.chomp() && tabs < end && s.charAt(tabs) == '\t') {
        tabs++;
      }
      if (end - tabs == marker.name().length() && s.startsWith(marker.name(), tabs)) {
        done = true;
        break;
      }
      int raw = rawEnd(i);
      body.append(tabs, raw < s.length() ? raw + 1 : raw); // raw line with its ending (\r\n kept)
      i++;
    }
    Position bodyStart = from <= lines ? new Position(from, 1) : endOfFile();
    Position bodyEnd;
    if (done) {
      bodyEnd = new Position(i, contentEnd(i) - text.lineStart(i) + 1);
    } else {
      bodyEnd = endOfFile();
    }
    if (bodyEnd.compareTo(bodyStart) < 0) {
      bodyEnd = bodyStart;
    }
    Heredoc heredoc = new Heredoc(marker.name(), marker.fd(), marker.expand(), marker.chomp(), body.text(),
        ll.token(word.start(), word.end()), new SourceRange(bodyStart, bodyEnd));
    return new HeredocRead(new HeredocBody(heredoc, body.map()), done ? i : Math.min(i, lines + 1) - 1, done);
  }

  private Position endOfFile() {
    return text.position(s.length());
  }

  // ---- directives and comments -------------------------------------------------------------

  /**
   * Reads a parser directive on a line of the directive section ({@code # key=value}); the first
   * line that is not a known directive ends the section. Returns true for a directive line.
   */
  private boolean directive(int p, int ce) {
    String[] kv = directiveParts(p, ce);
    if (kv == null || !DIRECTIVES.contains(kv[0])) {
      directivesDone = true;
      return false;
    }
    SourceRange range = text.range(p, ce);
    if (!seenDirectives.add(kv[0])) {
      errors.add(new SyntaxError("only one " + kv[0] + " parser directive can be used", range, true));
      directivesDone = true;
      return true;
    }
    if (kv[0].equals("escape")) {
      if (!kv[1].equals("`") && !kv[1].equals("\\")) {
        errors.add(new SyntaxError("invalid escape token '" + kv[1] + "' does not match ` or \\", range, true));
        return true;
      }
      escape = kv[1].charAt(0);
    }
    directives.add(new Directive(kv[0], frontendValue(kv[0], kv[1]), range));
    return true;
  }

  /**
   * BuildKit's frontend (unlike its parser) skips a {@code #!} first line when it looks for the
   * syntax and check directives, so those two still count after a shebang.
   */
  private void frontendDirectivesAfterShebang() {
    if (lines < 1 || !s.startsWith("#!", contentStart(1))) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 2; i <= lines; i++) {
      int ce = contentEnd(i);
      int p = GoStrings.skipSpace(s, contentStart(i), ce);
      String[] kv = directiveParts(p, ce);
      if (kv == null || !DIRECTIVES.contains(kv[0]) || !seen.add(kv[0])) {
        return;
      }
      if (!kv[0].equals("escape")) {
        directives.add(new Directive(kv[0], frontendValue(kv[0], kv[1]), text.range(p, ce)));
        frontendDirectiveLines.add(i);
      }
    }
  }

  /** syntax and check values end at the first space ({@code # check=skip=A // why}). */
  private static String frontendValue(String key, String value) {
    if (key.equals("escape")) {
      return value;
    }
    int cut = 0;
    while (cut < value.length() && value.charAt(cut) != ' ' && value.charAt(cut) != '\t') {
      cut++;
    }
    return value.substring(0, cut);
  }

  /** Matches {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$}; returns {key lower-cased, value} or null. */
  private String[] directiveParts(int p, int ce) {
    if (p >= ce || s.charAt(p) != '#') {
      return null;
    }
    int i = reSpace(p + 1, ce);
    int keyStart = i;
    if (i >= ce || !isAsciiLetter(s.charAt(i))) {
      return null;
    }
    while (i < ce && (isAsciiLetter(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
      i++;
    }
    String key = s.substring(keyStart, i).toLowerCase(Locale.ROOT);
    i = reSpace(i, ce);
    if (i >= ce || s.charAt(i) != '=') {
      return null;
    }
    int afterEq = i + 1;
    int v = reSpace(afterEq, ce);
    if (v >= ce) {
      // (.+?) needs one character: a run of spaces gives its last one back
      return v > afterEq ? new String[] {key, s.substring(ce - 1, ce)} : null;
    }
    int ve = ce;
    while (ve > v && isReSpace(s.charAt(ve - 1))) {
      ve--;
    }
    return new String[] {key, s.substring(v, ve)};
  }

  private int reSpace(int i, int end) {
    while (i < end && isReSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Go regexp's {@code \s}: {@code [\t\n\f\r ]}. */
  private static boolean isReSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private void comment(int hash, int ce) {
    comments.add(new Comment(GoStrings.trimSpace(s.substring(hash + 1, ce)), text.range(hash, ce)));
  }

  // ---- physical lines ----------------------------------------------------------------------

  private int contentStart(int line) {
    return text.lineStart(line) + (line == 1 && bom ? 1 : 0);
  }

  /** The end of the line's text: before its newline and any {@code \r} run (BuildKit trims both). */
  private int contentEnd(int line) {
    int start = contentStart(line);
    int end = rawEnd(line);
    while (end > start && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
      end--;
    }
    return end;
  }

  /** The offset of the line's {@code \n}, or the end of the file. */
  private int rawEnd(int line) {
    return line < text.lineCount() ? text.lineStart(line + 1) - 1 : s.length();
  }

  /**
   * The offset of the continuation escape when the line ends with the escape character followed by
   * spaces/tabs and the escape is not itself escaped (BuildKit's regex does not count parity: an
   * escaped escape at the end never continues); -1 otherwise.
   */
  private int continuation(int from, int end) {
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

  private void checkLength(int line) {
    int start = text.lineStart(line);
    int end = rawEnd(line);
    if (end - start <= MAX_LINE_BYTES / 3) {
      return; // cannot exceed the limit even at 3 bytes per UTF-16 unit
    }
    long bytes = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    if (bytes > MAX_LINE_BYTES) {
      errors.add(new SyntaxError("dockerfile line greater than max allowed size of " + MAX_LINE_BYTES,
          text.range(contentStart(line), contentEnd(line)), true));
    }
  }
}
