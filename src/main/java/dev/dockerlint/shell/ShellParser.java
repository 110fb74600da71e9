package dev.dockerlint.shell;

import dev.dockerlint.source.OffsetMap;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A small POSIX shell parser: enough structure for rules to ask questions about commands.
 *
 * <p>It lists every simple command of the script, including those inside subshells, brace groups,
 * {@code if}/{@code for}/{@code while}/{@code until}/{@code case} bodies, function bodies, command
 * substitutions ({@code $(...)}, backticks, {@code <(...)}) and the script strings of
 * {@code sh -c '...'} / {@code bash -c "..."}.
 *
 * <p><b>Order:</b> commands are listed in source order of their end, that is, a command comes
 * <em>after</em> the commands nested inside its own words (its command substitutions and its
 * {@code -c} script), which are listed with a deeper {@code subshellDepth}. Compound commands are
 * not listed themselves; their inner commands are.
 *
 * <p>Not supported (parsed as plain words or skipped): arithmetic expressions (only the command
 * substitutions inside {@code $((...))} are parsed; {@code ((...))} commands are skipped whole),
 * commands inside {@code ${...}} words, bash arrays beyond {@code NAME=(...)}, {@code [[ ... ]]}
 * operators such as {@code <} (read as redirections). Heredoc bodies are data and skipped, except
 * where a shell reads its script from one ({@code bash <<EOF}, {@code <<EOF sh -e}; see
 * {@link ShellCommand#stdinShell()}): that body is parsed as a script one level deeper, like a
 * {@code -c} string, and its commands are listed right before the shell's command, in the order
 * they run. A {@code <<-} body is parsed with its leading tabs removed, positions kept.
 *
 * <p>Robustness: the parser never throws, reports unterminated quotes, parentheses, keywords and
 * heredocs as problems (at most 50), stops following nesting deeper than {@value #MAX_NESTING}
 * levels, and runs in linear time.
 */
public final class ShellParser {
  /** Deeper nesting of substitutions, subshells and compound commands is reported, not followed. */
  static final int MAX_NESTING = 200;

  private static final int MAX_PROBLEMS = 50;
  /** Notes of non-POSIX constructs kept per script; a generated script could otherwise hold millions. */
  private static final int MAX_CONSTRUCT_NOTES = 200;
  private static final Set<String> RESERVED =
      Set.of("if", "then", "elif", "else", "fi", "do", "done", "case", "esac", "while", "until", "for",
          "select", "in", "{", "}", "!", "function");
  private static final String[] OPERATORS = {";;&", "&&", "||", "|&", ";;", ";&", "|", "&", ";", "(", ")"};
  private static final String[] REDIRECTS = {"&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">"};
  /** Reserved words that start a compound command (or a function definition). */
  private static final Set<String> COMPOUND_STARTS = Set.of("if", "for", "select", "while", "until", "case", "{", "function");
  private static final Set<String> SHELLS = ShellCommand.SHELLS;

  /**
   * Maps an offset range of the text being parsed to a file range. The implementations are classes,
   * not lambdas: linking lambdas costs start-up time that the class-data archive does not save.
   */
  private interface RangeMap {
    SourceRange map(int start, int end);
  }

  /** Offsets in the script the parse started with, mapped through the caller's positions. */
  private record FileRanges(OffsetMap positions) implements RangeMap {
    @Override
    public SourceRange map(int start, int end) {
      return positions.range(start, end);
    }
  }

  /** Offsets in a substring that starts at {@code base} of the parent's text. */
  private record Shifted(RangeMap parent, int base) implements RangeMap {
    @Override
    public SourceRange map(int start, int end) {
      return parent.map(base + start, base + end);
    }
  }

  /** Offsets in a text copied from the parent's with some characters left out (a {@code <<-} body without its tabs). */
  private record Remapped(RangeMap parent, int[] toParent) implements RangeMap {
    @Override
    public SourceRange map(int start, int end) {
      int from = toParent[Math.max(0, Math.min(start, toParent.length - 1))];
      int to = end <= start ? from : toParent[Math.max(0, Math.min(end - 1, toParent.length - 1))] + 1;
      return parent.map(from, to);
    }
  }

  /** Every offset maps to the whole of one range: text rewritten by unescaping has no finer map. */
  private record Fixed(SourceRange whole) implements RangeMap {
    @Override
    public SourceRange map(int start, int end) {
      return whole;
    }
  }

  /** State shared by a parser and the parsers of its backtick and {@code -c} strings. */
  private static final class Shared {
    final List<Builder> commands = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    /** The text the parse started with; heredoc scripts found in it are reported to {@link #embedded}. */
    final String rootText;
    /** Where the heredoc scripts of the root text go; null when the caller does not ask. */
    final List<EmbeddedScript> embedded;
    final List<ShellNote> notes = new ArrayList<>();
    int constructNotes;
    int nesting;
    boolean aborted;

    Shared(String rootText, List<EmbeddedScript> embedded) {
      this.rootText = rootText;
      this.embedded = embedded;
    }

    void problem(String message) {
      if (!aborted && problems.size() < MAX_PROBLEMS) {
        problems.add(message);
      }
    }

    void construct(ShellNote.Kind kind, String detail, SourceRange range) {
      if (!aborted && constructNotes < MAX_CONSTRUCT_NOTES) {
        constructNotes++;
        notes.add(new ShellNote(kind, detail, range));
      }
    }
  }

  /** A simple command being built: its separator is only known once the next token is read. */
  private static final class Builder {
    final List<Word> assignments;
    final List<Word> words;
    final SourceRange range;
    final int depth;
    Separator separator = Separator.END;

    Builder(List<Word> assignments, List<Word> words, SourceRange range, int depth) {
      this.assignments = assignments;
      this.words = words;
      this.range = range;
      this.depth = depth;
    }

    ShellCommand build() {
      return new ShellCommand(assignments, words, range, separator, depth);
    }
  }

  private enum Kind { WORD, OPERATOR, REDIRECT, NEWLINE, EOF }

  /** A token; for a redirection, {@code text} is the operator without its file descriptor. */
  private record Token(Kind kind, String text, int start, int end, Word word) {
    boolean isOp(String op) {
      return kind == Kind.OPERATOR && text.equals(op);
    }

    boolean isReserved(String keyword) {
      return kind == Kind.WORD && !word.quoted() && word.raw().equals(keyword);
    }

    boolean isReserved() {
      return kind == Kind.WORD && !word.quoted() && RESERVED.contains(word.raw());
    }
  }

  /**
   * A heredoc whose body is still to be read (at the next newline), or was read and waits for its
   * command to decide whether a shell runs it.
   */
  private static final class PendingHeredoc {
    final String delimiter;
    final boolean stripTabs;
    /** The file descriptor written before {@code <<}, or -1 (standard input). */
    final int fd;
    /** The body's offsets in the text, once read (-1 before). */
    int bodyStart = -1;
    int bodyEnd = -1;
    /** Set when a shell reads its script from this heredoc: which shell, the command, its depth. */
    String shell;
    Builder command;
    int scriptDepth;

    PendingHeredoc(String delimiter, boolean stripTabs, int fd) {
      this.delimiter = delimiter;
      this.stripTabs = stripTabs;
      this.fd = fd;
    }

    boolean read() {
      return bodyStart >= 0;
    }
  }

  private final Shared shared;
  private final String text;
  private final RangeMap ranges;
  private final Deque<PendingHeredoc> heredocs = new ArrayDeque<>();
  private int depth;
  private int pos;
  private Token peeked;
  private long consumed;
  /** False in a {@code -c} string whose substitutions the outer parse already listed. */
  private boolean listSubstitutions = true;
  /** End of the text still to read; moved to the current position when parsing is abandoned. */
  private int limit;
  /**
   * Characters the skip helpers may still look at. Well-formed text is scanned about once; an
   * unclosed {@code ((} repeated many times would otherwise be rescanned to the end each time.
   */
  private long scanBudget;

  private ShellParser(Shared shared, String text, RangeMap ranges, int depth) {
    this.shared = shared;
    this.text = text;
    this.ranges = ranges;
    this.depth = depth;
    this.limit = text.length();
    this.scanBudget = 4L * text.length() + 1024;
  }

  /**
   * Parses a script. Never throws: malformed input yields the commands found so far and a problem.
   *
   * <p>Dockerfile line continuations have already been joined; inside the shell {@code \} is the
   * escape character whatever the Dockerfile's {@code # escape=} says.
   *
   * @param positions maps offsets in {@code text} to file positions
   */
  public static ShellScript parse(String text, OffsetMap positions) {
    return parse(text, positions, null);
  }

  /**
   * Parses a script, and adds to {@code heredocScripts} (when not null) each heredoc body of
   * {@code text} itself that a shell runs as its script, in the order the bodies are read; bodies
   * inside {@code -c} strings and backticks are parsed too, but not reported (their offsets are not
   * offsets of {@code text}).
   */
  public static ShellScript parse(String text, OffsetMap positions, List<EmbeddedScript> heredocScripts) {
    if (text == null || text.isEmpty()) {
      return ShellScript.EMPTY;
    }
    Shared shared = new Shared(text, heredocScripts);
    ShellParser parser = new ShellParser(shared, text, new FileRanges(positions), 0);
    try {
      parser.script();
    } catch (RuntimeException | StackOverflowError e) {
      // a bug, not the input's fault: keep what was found
      shared.problems.add("internal shell parser error: " + e);
    }
    List<ShellCommand> commands = new ArrayList<>(shared.commands.size());
    for (Builder b : shared.commands) {
      commands.add(b.build());
    }
    return new ShellScript(commands, shared.problems, shared.notes);
  }

  private void script() {
    while (true) {
      list(Set.of());
      Token t = peek();
      if (t.kind == Kind.EOF) {
        return;
      }
      // a stray ')' (list() always stops there) or a stray keyword
      problem("unexpected '" + t.text + "'", t.start);
      next();
    }
  }

  // ---------------------------------------------------------------- grammar

  /**
   * A sequence of and-or lists separated by {@code ;}, {@code &} or newlines, up to EOF, one of
   * {@code stopWords} in command position, {@code ;;} when it is a stop word, or {@code )}. Every
   * list stops at {@code )}, so an unclosed {@code if} inside {@code $( )} cannot swallow the
   * parenthesis that ends the substitution.
   */
  private void list(Set<String> stopWords) {
    Builder pendingSequence = null;
    while (true) {
      Token t = peek();
      if (t.kind == Kind.NEWLINE) {
        next();
        continue;
      }
      if (t.kind == Kind.EOF) {
        break;
      }
      if (t.kind == Kind.OPERATOR) {
        if (t.text.equals(")")) {
          break;
        }
        if (t.text.startsWith(";;") || t.text.equals(";&")) {
          if (stopWords.contains(";;")) {
            break;
          }
        }
        if (!t.text.equals("(")) {
          problem("unexpected '" + t.text + "'", t.start);
          next();
          continue;
        }
      }
      if (t.kind == Kind.WORD && t.isReserved() && stopWords.contains(t.word.raw())) {
        break;
      }
      long before = consumed;
      Builder last = andOr();
      if (consumed == before) {
        next(); // cannot happen for well-formed tokens; guarantees progress
        continue;
      }
      pendingSequence = null;
      Token sep = peek();
      if (sep.isOp(";") || sep.kind == Kind.NEWLINE) {
        next();
        if (last != null) {
          last.separator = Separator.SEQUENCE;
          pendingSequence = last;
        }
      } else if (sep.isOp("&")) {
        next();
        if (last != null) {
          last.separator = Separator.BACKGROUND;
        }
      }
    }
    if (pendingSequence != null) {
      pendingSequence.separator = Separator.END; // nothing followed in this list
    }
  }

  private Builder andOr() {
    Builder last = pipeline();
    while (true) {
      Token t = peek();
      Separator sep = t.isOp("&&") ? Separator.AND : t.isOp("||") ? Separator.OR : null;
      if (sep == null) {
        return last;
      }
      next();
      if (last != null) {
        last.separator = sep;
      }
      skipNewlines();
      if (!startsCommand(peek())) {
        problem("missing command after '" + t.text + "'", t.start);
        return last;
      }
      last = pipeline();
    }
  }

  private Builder pipeline() {
    if (peek().isReserved("!")) {
      next();
    }
    if (peek().isReserved("time")) {
      // bash's pipeline prefix: time { a; b; }, time -p make
      next();
      if (peek().isReserved("-p")) {
        next();
      }
      if (!startsCommand(peek())) {
        return null;
      }
    }
    Builder last = command();
    while (true) {
      Token t = peek();
      if (!t.isOp("|") && !t.isOp("|&")) {
        return last;
      }
      next();
      if (last != null) {
        last.separator = Separator.PIPE;
      }
      skipNewlines();
      if (!startsCommand(peek())) {
        problem("missing command after '" + t.text + "'", t.start);
        return last;
      }
      last = command();
    }
  }

  private static boolean startsCommand(Token t) {
    return t.kind == Kind.WORD || t.kind == Kind.REDIRECT || t.isOp("(");
  }

  /** One command; returns its builder when it is a simple command, else null. */
  private Builder command() {
    Token t = peek();
    if (t.isOp("(")) {
      next();
      if (peekChar(0) == '(' && arithmeticCommand()) {
        redirections();
        return null;
      }
      if (enterNested()) {
        try {
          depth++;
          list(Set.of());
          depth--;
          expectOp(")", t.start);
        } finally {
          shared.nesting--;
        }
        leftNested();
      }
      redirections();
      return null;
    }
    if (t.kind == Kind.WORD && t.isReserved()) {
      String reserved = t.word.raw();
      if (!COMPOUND_STARTS.contains(reserved)) {
        problem("unexpected '" + reserved + "'", t.start);
        return simpleCommand();
      }
      if (reserved.equals("function")) {
        construct(ShellNote.Kind.FUNCTION_KEYWORD, "function", t.start, t.end);
      }
      if (enterNested()) {
        try {
          switch (reserved) {
            case "if" -> ifClause();
            case "for", "select" -> forClause();
            case "while", "until" -> whileClause();
            case "case" -> caseClause();
            case "{" -> {
              next();
              list(Set.of("}"));
              expectWord("}", t.start);
            }
            default -> functionDefinition();
          }
        } finally {
          shared.nesting--;
        }
        leftNested();
      }
      redirections();
      return null;
    }
    return simpleCommand();
  }

  /**
   * After {@code (} when the next character is {@code (}: skips a {@code ((...))} arithmetic
   * command if the parentheses close with {@code ))}.
   */
  private boolean arithmeticCommand() {
    int end = skipBalanced(pos + 1, 2);
    if (end < 0 || text.charAt(end - 2) != ')') {
      return false; // not closed by "))": nested subshells such as ((cd a) && b)
    }
    pos = end;
    return true;
  }

  private void ifClause() {
    int start = next().start; // if
    list(Set.of("then"));
    expectWord("then", start);
    list(Set.of("elif", "else", "fi"));
    while (peek().isReserved("elif")) {
      next();
      list(Set.of("then"));
      expectWord("then", start);
      list(Set.of("elif", "else", "fi"));
    }
    if (peek().isReserved("else")) {
      next();
      list(Set.of("fi"));
    }
    expectWord("fi", start);
  }

  private void forClause() {
    int start = next().start; // for / select
    skipBlanks();
    if (peekChar(0) == '(' && peekChar(1) == '(') {
      int end = skipBalanced(pos + 2, 2);
      if (end < 0) {
        problem("unterminated '(('", pos);
        pos = limit;
        return;
      }
      pos = end;
    } else if (peek().kind == Kind.WORD) {
      next(); // the variable
    }
    skipNewlines();
    if (peek().isReserved("in")) {
      next();
      while (peek().kind == Kind.WORD) {
        next(); // the items are words, not commands (their substitutions are listed)
      }
    }
    if (peek().isOp(";") || peek().kind == Kind.NEWLINE) {
      next();
    }
    skipNewlines();
    doGroup(start);
  }

  private void whileClause() {
    int start = next().start; // while / until
    list(Set.of("do"));
    doGroup(start);
  }

  private void doGroup(int start) {
    expectWord("do", start);
    list(Set.of("done"));
    expectWord("done", start);
  }

  private void caseClause() {
    int start = next().start; // case
    if (peek().kind == Kind.WORD) {
      next();
    }
    skipNewlines();
    expectWord("in", start);
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.isReserved("esac")) {
        next();
        return;
      }
      if (t.kind == Kind.EOF) {
        problem("missing 'esac'", start);
        return;
      }
      // pattern list: [(] word [| word]... )
      if (t.isOp("(")) {
        next();
      }
      boolean sawPattern = false;
      while (peek().kind == Kind.WORD || peek().isOp("|")) {
        next();
        sawPattern = true;
      }
      if (!sawPattern || !peek().isOp(")")) {
        problem("bad case pattern", peek().start);
        if (!sawPattern) {
          next();
        }
        continue;
      }
      next(); // )
      list(Set.of(";;", "esac"));
      Token end = peek();
      if (end.kind == Kind.OPERATOR && (end.text.startsWith(";;") || end.text.equals(";&"))) {
        next();
      }
    }
  }

  private void functionDefinition() {
    int start = next().start; // function
    if (peek().kind == Kind.WORD) {
      next();
    }
    if (peek().isOp("(")) {
      next();
      expectOp(")", start);
    }
    functionBody(start);
  }

  private void functionBody(int start) {
    skipNewlines();
    Token t = peek();
    if (!startsCommand(t)) {
      problem("missing function body", start);
      return;
    }
    command();
  }

  /** Reads the words and redirections of a simple command. */
  private Builder simpleCommand() {
    List<Word> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<PendingHeredoc> ownHeredocs = null;
    int[] wordOffsets = new int[4];
    int start = -1;
    int end = -1;
    while (true) {
      Token t = peek();
      if (t.kind == Kind.REDIRECT) {
        next();
        if (start < 0) {
          start = t.start;
        }
        end = t.end;
        Token target = peek();
        if (target.kind != Kind.WORD) {
          problem("missing redirection target after '" + t.text + "'", t.start);
          continue;
        }
        next();
        end = target.end;
        if (t.text.equals("<<") || t.text.equals("<<-")) {
          PendingHeredoc heredoc = new PendingHeredoc(target.word.value(), t.text.equals("<<-"), fd(t));
          heredocs.add(heredoc);
          if (ownHeredocs == null) {
            ownHeredocs = new ArrayList<>(2);
          }
          ownHeredocs.add(heredoc);
        }
      } else if (t.kind == Kind.WORD) {
        next();
        if (start < 0) {
          start = t.start;
        }
        end = t.end;
        if (words.isEmpty() && isAssignment(t.word.raw())) {
          assignments.add(t.word);
        } else {
          if (words.size() == wordOffsets.length) {
            wordOffsets = Arrays.copyOf(wordOffsets, words.size() * 2);
          }
          wordOffsets[words.size()] = t.start;
          words.add(t.word);
        }
        if (words.size() == 1 && assignments.isEmpty() && peek().isOp("(")) {
          // NAME ( ) body: a function definition; the name is not a command
          next();
          expectOp(")", t.start);
          if (enterNested()) {
            try {
              functionBody(t.start);
            } finally {
              shared.nesting--;
            }
            leftNested();
          }
          return null;
        }
      } else {
        break;
      }
    }
    if (words.isEmpty() && assignments.isEmpty()) {
      return null;
    }
    SourceRange range = ranges.map(start, end);
    List<Word> shellScript = words.isEmpty() ? List.of() : scriptArgument(words, range);
    if (!shellScript.isEmpty()) {
      Word script = shellScript.get(0);
      int offset = -1;
      for (int i = 0; i < words.size(); i++) {
        if (words.get(i) == script) {
          offset = wordOffsets[i];
        }
      }
      if (enterNested()) {
        try {
          parseScriptString(script, offset);
        } finally {
          shared.nesting--;
        }
        leftNested();
      }
    }
    Builder b = new Builder(assignments, words, range, depth);
    shared.commands.add(b);
    if (ownHeredocs != null && !words.isEmpty()) {
      scriptHeredoc(b, ownHeredocs);
    }
    return b;
  }

  /** The file descriptor of a redirection token ({@code 3<<EOF} gives 3), or -1 when none is written. */
  private int fd(Token redirect) {
    int digits = redirect.end - redirect.text.length() - redirect.start;
    if (digits <= 0) {
      return -1;
    }
    try {
      return Integer.parseInt(text.substring(redirect.start, redirect.start + digits));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE; // too long to be a descriptor, and never standard input
    }
  }

  /**
   * When {@code command} is a shell reading its script from standard input, marks the heredoc that
   * is its standard input (the last one on descriptor 0) as that script, and parses it if its body
   * was already read (a newline right after the command); otherwise the body is parsed when read.
   */
  private void scriptHeredoc(Builder command, List<PendingHeredoc> own) {
    PendingHeredoc stdin = null;
    for (PendingHeredoc h : own) {
      if (h.fd <= 0) {
        stdin = h;
      }
    }
    if (stdin == null) {
      return;
    }
    String shell = new ShellCommand(command.assignments, command.words, command.range, Separator.END, depth)
        .stdinShell();
    if (shell == null) {
      return;
    }
    stdin.shell = shell;
    stdin.command = command;
    stdin.scriptDepth = depth + 1;
    if (stdin.read()) {
      parseHeredocScript(stdin);
    }
  }

  /** Parses a heredoc body a shell runs; its commands go right before the shell's command. */
  private void parseHeredocScript(PendingHeredoc h) {
    if (text == shared.rootText && shared.embedded != null) {
      shared.embedded.add(new EmbeddedScript(h.shell, h.bodyStart, h.bodyEnd));
    }
    if (h.bodyEnd <= h.bodyStart || !enterNested()) {
      return;
    }
    int from = shared.commands.size();
    try {
      String body;
      RangeMap map;
      if (!h.stripTabs) {
        body = text.substring(h.bodyStart, h.bodyEnd);
        map = offsetMap(h.bodyStart);
      } else {
        StringBuilder stripped = new StringBuilder(h.bodyEnd - h.bodyStart);
        int[] offsets = new int[h.bodyEnd - h.bodyStart + 1];
        boolean lineStart = true;
        for (int i = h.bodyStart; i < h.bodyEnd; i++) {
          char c = text.charAt(i);
          if (lineStart && c == '\t') {
            continue;
          }
          lineStart = c == '\n';
          offsets[stripped.length()] = i;
          stripped.append(c);
        }
        offsets[stripped.length()] = h.bodyEnd;
        body = stripped.toString();
        map = new Remapped(ranges, offsets);
      }
      ShellParser sub = new ShellParser(shared, body, map, h.scriptDepth);
      sub.script();
    } finally {
      shared.nesting--;
    }
    leftNested();
    moveBefore(h.command, from);
  }

  /** Moves the commands listed from index {@code from} on to just before {@code command}. */
  private void moveBefore(Builder command, int from) {
    List<Builder> commands = shared.commands;
    int at = -1;
    for (int i = Math.min(from, commands.size()) - 1; i >= 0 && at < 0; i--) {
      if (commands.get(i) == command) {
        at = i;
      }
    }
    if (at < 0 || from >= commands.size()) {
      return;
    }
    List<Builder> moved = new ArrayList<>(commands.subList(from, commands.size()));
    commands.subList(from, commands.size()).clear();
    commands.addAll(at, moved);
  }

  /** The {@code -c} script word of {@code sh -c 'script'} (also through sudo, env...), if any. */
  private List<Word> scriptArgument(List<Word> words, SourceRange range) {
    String first = words.get(0).value();
    String program = first.substring(first.lastIndexOf('/') + 1);
    if (!SHELLS.contains(program) && !ShellCommand.WRAPPERS.contains(program) && !program.equals("su")) {
      return List.of(); // the common case, without building a probe command
    }
    Word script = new ShellCommand(List.of(), words, range, Separator.END, depth).unwrapped().scriptWord();
    return script == null ? List.of() : List.of(script);
  }

  private void parseScriptString(Word word, int wordStart) {
    String raw = word.raw();
    String value = word.value();
    SourceRange whole = word.range();
    RangeMap map;
    if (wordStart >= 0 && raw.equals(value)) {
      map = offsetMap(wordStart);
    } else if (wordStart >= 0 && raw.length() == value.length() + 2
        && (raw.charAt(0) == '\'' || raw.charAt(0) == '"')
        && raw.charAt(raw.length() - 1) == raw.charAt(0)
        && raw.regionMatches(1, value, 0, value.length())) {
      map = offsetMap(wordStart + 1);
    } else {
      map = new Fixed(whole);
    }
    ShellParser sub = new ShellParser(shared, value, map, depth + 1);
    sub.listSubstitutions = listSubstitutions && !word.expands();
    sub.script();
  }

  private RangeMap offsetMap(int base) {
    return new Shifted(ranges, base);
  }

  private void redirections() {
    while (peek().kind == Kind.REDIRECT) {
      Token t = next();
      if (peek().kind == Kind.WORD) {
        Token target = next();
        if (t.text.equals("<<") || t.text.equals("<<-")) {
          heredocs.add(new PendingHeredoc(target.word.value(), t.text.equals("<<-"), fd(t)));
        }
      } else {
        problem("missing redirection target after '" + t.text + "'", t.start);
      }
    }
  }

  private static boolean isAssignment(String raw) {
    if (raw.isEmpty() || !(isAsciiLetter(raw.charAt(0)) || raw.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '=' || (c == '+' && i + 1 < raw.length() && raw.charAt(i + 1) == '=')) {
        return true;
      }
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return false;
  }

  private void expectWord(String keyword, int openedAt) {
    if (peek().isReserved(keyword)) {
      next();
    } else {
      problem("missing '" + keyword + "'", openedAt);
    }
  }

  private void expectOp(String op, int openedAt) {
    if (peek().isOp(op)) {
      next();
    } else {
      problem("missing '" + op + "'", openedAt);
    }
  }

  private void skipNewlines() {
    while (peek().kind == Kind.NEWLINE) {
      next();
    }
  }

  /** Runs a nested construct, guarding the nesting depth. */
  /**
   * Enters one more level of nesting. False, with the parse abandoned, past the limit or once
   * aborted; when true, the caller runs its body, then {@code shared.nesting--} in a finally, then
   * {@link #leftNested}. (Not a method taking a lambda: linking lambdas costs start-up time.)
   */
  private boolean enterNested() {
    if (shared.aborted) {
      abandon();
      return false;
    }
    if (++shared.nesting > MAX_NESTING) {
      problem("shell script nested too deeply (more than " + MAX_NESTING + " levels)", pos);
      shared.aborted = true;
      shared.nesting--;
      abandon();
      return false;
    }
    return true;
  }

  private void leftNested() {
    if (shared.aborted) {
      abandon();
    }
  }

  /**
   * Stops reading at the current position (not at the end of the text, so the words being read
   * in the enclosing levels stay short and unwinding stays cheap).
   */
  private void abandon() {
    limit = Math.min(limit, Math.max(pos, peeked == null ? pos : peeked.start));
    pos = limit;
    peeked = null;
  }

  private void problem(String message, int offset) {
    if (shared.aborted || shared.problems.size() >= MAX_PROBLEMS) {
      return;
    }
    int at = Math.max(0, Math.min(offset, limit - 1));
    SourceRange range;
    try {
      range = ranges.map(at, at + 1);
    } catch (RuntimeException e) {
      range = null;
    }
    shared.problem(range == null ? message : message + " at " + range.start());
    if (range != null) {
      shared.notes.add(new ShellNote(ShellNote.Kind.PARSE_ERROR, message, range));
    }
  }

  /** Notes a construct POSIX sh does not define, at {@code [start, end)} of the text. */
  private void construct(ShellNote.Kind kind, String detail, int start, int end) {
    if (shared.aborted || shared.constructNotes >= MAX_CONSTRUCT_NOTES || end <= start) {
      return;
    }
    shared.construct(kind, detail, ranges.map(start, Math.min(end, text.length())));
  }

  // ---------------------------------------------------------------- lexer

  private Token peek() {
    if (peeked == null) {
      peeked = lex();
    }
    return peeked;
  }

  private Token next() {
    Token t = peek();
    peeked = null;
    consumed++;
    return t;
  }

  private char peekChar(int ahead) {
    int i = pos + ahead;
    return i < limit ? text.charAt(i) : '\0';
  }

  /** Skips spaces, tabs, line continuations and comments, but not newlines. */
  private void skipBlanks() {
    while (pos < limit) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
        pos++;
      } else if (c == '\\' && peekChar(1) == '\n') {
        pos += 2;
      } else if (c == '#') {
        while (pos < limit && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private Token lex() {
    skipBlanks();
    if (pos >= limit) {
      return new Token(Kind.EOF, "", limit, limit, null);
    }
    int start = pos;
    char c = text.charAt(pos);
    if (c == '\n') {
      pos++;
      readHeredocBodies();
      return new Token(Kind.NEWLINE, "\n", start, start + 1, null);
    }
    // a file descriptor number right before a redirection operator: 2>&1
    int digits = pos;
    while (digits < limit && Character.isDigit(text.charAt(digits)) && text.charAt(digits) < 128) {
      digits++;
    }
    if (digits > pos && digits < limit && (text.charAt(digits) == '<' || text.charAt(digits) == '>')
        && !(digits + 1 < limit && text.charAt(digits + 1) == '(')) {
      pos = digits;
      String op = redirectOperator();
      if (op.equals("<<<")) {
        construct(ShellNote.Kind.HERE_STRING, op, start, pos);
      }
      return new Token(Kind.REDIRECT, op, start, pos, null);
    }
    if ((c == '<' || c == '>') && peekChar(1) == '(') {
      return word(start);
    }
    if (c == '<' || c == '>' || (c == '&' && peekChar(1) == '>')) {
      String op = redirectOperator();
      if (op.equals("<<<")) {
        construct(ShellNote.Kind.HERE_STRING, op, start, pos);
      } else if (op.startsWith("&>")) {
        construct(ShellNote.Kind.AMPERSAND_REDIRECT, op, start, pos);
      }
      return new Token(Kind.REDIRECT, op, start, pos, null);
    }
    if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') { // the first characters of OPERATORS
      for (String op : OPERATORS) {
        if (text.startsWith(op, pos)) {
          pos += op.length();
          return new Token(Kind.OPERATOR, op, start, pos, null);
        }
      }
    }
    return word(start);
  }

  private String redirectOperator() {
    for (String op : REDIRECTS) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    pos++;
    return text.substring(pos - 1, pos);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Notes each brace expansion ({@code {a,b}}, {@code {1..3}}) in {@code [from, to)}, a run of a
   * word with no quote, escape or expansion in it. {@code {}} and {@code {x}} are plain text in
   * every shell, and so is a run that starts an assignment ({@code A={a,b}} does not expand).
   */
  private void braceExpansions(int from, int to, boolean wordStart) {
    int brace = from;
    while (brace < to && text.charAt(brace) != '{') {
      brace++;
    }
    if (brace == to || wordStart && isAssignment(text.substring(from, to))) {
      return;
    }
    int open = -1;
    boolean list = false;
    for (int i = brace; i < to; i++) {
      char c = text.charAt(i);
      if (c == '{') {
        open = i;
        list = false;
      } else if (open >= 0 && (c == ',' || c == '.' && i + 1 < to && text.charAt(i + 1) == '.')) {
        list = true;
      } else if (c == '}' && open >= 0) {
        if (list) {
          String written = text.substring(open, i + 1);
          construct(ShellNote.Kind.BRACE_EXPANSION, written.length() <= 40 ? written : written.substring(0, 37) + "...",
              open, i + 1);
        }
        open = -1;
      }
    }
  }

  /** At the name of a {@code ${...}}: notes {@code ${name[...]}} (also {@code ${#name[@]}}, {@code ${!name[@]}}). */
  private void arrayReference(int from) {
    int i = from;
    if (i < limit && (text.charAt(i) == '#' || text.charAt(i) == '!')) {
      i++;
    }
    int nameStart = i;
    while (i < limit && (isAsciiLetter(text.charAt(i)) || text.charAt(i) == '_'
        || i > nameStart && text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
      i++;
    }
    if (i > nameStart && i < limit && text.charAt(i) == '[') {
      int close = text.indexOf('}', i);
      construct(ShellNote.Kind.ARRAY_REFERENCE, "${" + text.substring(from, i) + "[...]}", from - 2,
          close < 0 || close >= limit ? i + 1 : close + 1);
    }
  }

  private static boolean startsQuoteOrExpansion(char c) {
    return c == '\\' || c == '\'' || c == '"' || c == '`' || c == '$';
  }

  private static boolean isMeta(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '|' || c == '&' || c == ';' || c == '('
        || c == ')' || c == '<' || c == '>' || c == '\f' || c == '\u000B';
  }

  /** Reads one word starting at {@code start}. */
  private Token word(int start) {
    // most words have no quote, escape or expansion: their value is their text, no builder needed
    int plain = pos;
    while (plain < limit && !isMeta(text.charAt(plain)) && !startsQuoteOrExpansion(text.charAt(plain))) {
      plain++;
    }
    if (plain > start && (plain == limit || text.charAt(plain) != '(' && isMeta(text.charAt(plain)))) {
      pos = plain;
      braceExpansions(start, plain, true);
      String raw = dev.dockerlint.source.StringTable.substring(text, start, pos);
      return new Token(Kind.WORD, raw, start, pos, new Word(raw, raw, ranges.map(start, pos), false, false));
    }
    StringBuilder value = new StringBuilder();
    value.append(text, start, plain);
    braceExpansions(start, plain, true);
    pos = plain;
    boolean quoted = false;
    boolean expands = false;
    while (pos < limit) {
      char c = text.charAt(pos);
      if ((c == '<' || c == '>') && pos == start && peekChar(1) == '(') {
        // process substitution <(cmd) >(cmd)
        int from = pos;
        pos += 2;
        commandSubstitution(from);
        value.append(text, from, pos);
        expands = true;
        continue;
      }
      if (isMeta(c)) {
        if (c == '(' && pos > start && text.charAt(pos - 1) == '=' && isAssignment(text.substring(start, pos))) {
          int end = skipBalanced(pos + 1, 1); // NAME=(array items)
          int to = end < 0 ? limit : end;
          construct(ShellNote.Kind.ARRAY, text.substring(start, pos) + "(...)", start, to);
          value.append(text, pos, to);
          pos = to;
          continue;
        }
        break;
      }
      switch (c) {
        case '\\' -> {
          if (peekChar(1) == '\n') {
            pos += 2;
          } else if (pos + 1 < limit) {
            value.append(text.charAt(pos + 1));
            quoted = true;
            pos += 2;
          } else {
            value.append(c);
            pos++;
          }
        }
        case '\'' -> {
          quoted = true;
          singleQuoted(value);
        }
        case '"' -> {
          quoted = true;
          expands |= doubleQuoted(value);
        }
        case '`' -> {
          expands = true;
          backticks(value);
        }
        case '$' -> {
          quoted |= peekChar(1) == '\''; // $'...'
          expands |= dollar(value, false);
        }
        default -> {
          int run = pos + 1;
          while (run < limit && !isMeta(text.charAt(run)) && !startsQuoteOrExpansion(text.charAt(run))) {
            run++;
          }
          braceExpansions(pos, run, false);
          value.append(text, pos, run);
          pos = run;
        }
      }
    }
    String raw = dev.dockerlint.source.StringTable.substring(text, start, pos);
    String unquoted = raw.contentEquals(value) ? raw
        : value.length() <= dev.dockerlint.source.StringTable.MAX_LENGTH ? dev.dockerlint.source.StringTable.of(value.toString())
        : value.toString();
    Word w = new Word(raw, unquoted, ranges.map(start, pos), quoted, expands);
    return new Token(Kind.WORD, raw, start, pos, w);
  }

  private void singleQuoted(StringBuilder value) {
    int open = pos++;
    int close = text.indexOf('\'', pos);
    if (close < 0 || close >= limit) {
      problem("unterminated single quote", open);
      value.append(text, pos, limit);
      pos = limit;
      return;
    }
    value.append(text, pos, close);
    pos = close + 1;
  }

  /** Returns whether the quoted text expands anything. */
  private boolean doubleQuoted(StringBuilder value) {
    int open = pos++;
    boolean expands = false;
    while (pos < limit) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return expands;
      }
      if (c == '\\') {
        char n = peekChar(1);
        if (n == '\n') {
          pos += 2;
        } else if (n == '$' || n == '`' || n == '"' || n == '\\') {
          value.append(n);
          pos += 2;
        } else {
          value.append(c);
          pos++;
        }
      } else if (c == '$') {
        expands |= dollar(value, true);
      } else if (c == '`') {
        expands = true;
        backticks(value);
      } else {
        value.append(c);
        pos++;
      }
    }
    problem("unterminated double quote", open);
    return expands;
  }

  /** At a {@code $}: appends the expansion as written. Returns whether it expands. */
  private boolean dollar(StringBuilder value, boolean inDoubleQuotes) {
    int start = pos;
    char n = peekChar(1);
    if (n == '(' && peekChar(2) == '(') {
      pos += 3;
      arithmetic(start);
      value.append(text, start, pos);
      return true;
    }
    if (n == '(') {
      pos += 2;
      commandSubstitution(start);
      value.append(text, start, pos);
      return true;
    }
    if (n == '{') {
      arrayReference(pos + 2);
      int end = skipBraces(pos + 2);
      if (end < 0) {
        problem("unterminated '${'", start);
        end = limit;
      }
      pos = end;
      value.append(text, start, pos);
      return true;
    }
    if (n == '\'' && !inDoubleQuotes) {
      // $'...' ANSI-C quoting: escapes kept as written
      pos++;
      int open = pos++;
      while (pos < limit && text.charAt(pos) != '\'') {
        if (text.charAt(pos) == '\\' && pos + 1 < limit) {
          value.append(text.charAt(pos++));
        }
        value.append(text.charAt(pos++));
      }
      if (pos >= limit) {
        problem("unterminated single quote", open);
      } else {
        pos++;
      }
      construct(ShellNote.Kind.ANSI_C_QUOTE, "$'...'", start, pos);
      return false;
    }
    if (Character.isLetter(n) || n == '_') {
      pos++;
      while (pos < limit && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      value.append(text, start, pos);
      return true;
    }
    if (Character.isDigit(n) || "@*#?-$!".indexOf(n) >= 0 && n != '\0') {
      pos += 2;
      value.append(text, start, pos);
      return true;
    }
    value.append('$');
    pos++;
    return false;
  }

  /**
   * After {@code $((}: reads to the matching {@code ))}. The expression itself is not parsed, but
   * command substitutions in it are ({@code $(( $(nproc) * 2 ))}).
   */
  private void arithmetic(int start) {
    int level = 2;
    while (pos < limit) {
      char c = text.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else if (c == '\'') {
        int close = text.indexOf('\'', pos + 1);
        pos = close < 0 || close >= limit ? limit : close + 1;
      } else if (c == '"') {
        int close = skipDoubleQuoted(pos + 1);
        pos = close < 0 ? limit : close;
      } else if (c == '$' && peekChar(1) == '(' && peekChar(2) != '(') {
        int from = pos;
        pos += 2;
        commandSubstitution(from);
      } else if (c == '`') {
        backticks(new StringBuilder());
      } else {
        pos++;
        if (c == '(') {
          level++;
        } else if (c == ')' && --level == 0) {
          return;
        }
      }
    }
    pos = Math.min(pos, limit);
    problem("unterminated '$(('", start);
  }

  /** After {@code $(} (or {@code <(}): parses the commands up to the matching {@code )}. */
  private void commandSubstitution(int start) {
    Token saved = peeked;
    peeked = null;
    int mark = shared.commands.size();
    if (enterNested()) {
      try {
        depth++;
        list(Set.of());
        depth--;
        if (peek().isOp(")")) {
          peeked = null; // pos is already past it
        } else {
          problem("unterminated '$('", start);
          peeked = null;
          pos = limit;
        }
      } finally {
        shared.nesting--;
      }
      leftNested();
    }
    forgetSubstitutionCommands(mark);
    peeked = saved;
  }

  /**
   * In the {@code -c} string of a word the outer shell already expanded, the substitutions were
   * listed by the outer parse ({@code bash -c "$(curl ...)"}): drop the second copy.
   */
  private void forgetSubstitutionCommands(int mark) {
    if (!listSubstitutions) {
      List<Builder> commands = shared.commands;
      commands.subList(Math.min(mark, commands.size()), commands.size()).clear();
    }
  }

  /** At a backtick: appends the substitution as written and parses its commands. */
  private void backticks(StringBuilder value) {
    int start = pos++;
    StringBuilder inner = new StringBuilder();
    boolean escaped = false;
    while (pos < limit && text.charAt(pos) != '`') {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < limit) {
        char n = text.charAt(pos + 1);
        escaped = true;
        if (n == '`' || n == '\\' || n == '$') {
          inner.append(n);
        } else if (n != '\n') {
          inner.append(c).append(n);
        }
        pos += 2;
      } else {
        inner.append(c);
        pos++;
      }
    }
    if (pos >= limit) {
      problem("unterminated backtick", start);
    } else {
      pos++;
    }
    value.append(text, start, pos);
    RangeMap map;
    if (!escaped) {
      map = offsetMap(start + 1);
    } else {
      SourceRange whole = ranges.map(start, pos);
      map = new Fixed(whole);
    }
    String script = inner.toString();
    int mark = shared.commands.size();
    if (enterNested()) {
      try {
        ShellParser sub = new ShellParser(shared, script, map, depth + 1);
        sub.listSubstitutions = listSubstitutions;
        sub.script();
      } finally {
        shared.nesting--;
      }
      leftNested();
    }
    forgetSubstitutionCommands(mark);
  }

  /**
   * Skips to just after the parenthesis that closes {@code open} levels already opened, minding
   * quotes. Returns -1 at end of text. Iterative, for {@code $((...))}, {@code ((...))}, arrays.
   */
  private int skipBalanced(int from, int open) {
    return skipNested(from, open, '(', ')');
  }

  /** Skips the body of {@code ${...}}, nested braces and quotes included. */
  private int skipBraces(int from) {
    return skipNested(from, 1, '{', '}');
  }

  /** Skips to just after the {@code closer} that ends {@code open} levels, minding quotes; -1 at the end. */
  private int skipNested(int from, int open, char opener, char closer) {
    int level = open;
    int i = from;
    while (i < limit && scanBudget-- > 0) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'') {
        int close = text.indexOf('\'', i + 1);
        if (close < 0 || close >= limit) {
          return -1;
        }
        scanBudget -= close - i;
        i = close + 1;
        continue;
      }
      if (c == '"') {
        i = skipDoubleQuoted(i + 1);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      if (c == opener) {
        level++;
      } else if (c == closer) {
        level--;
        if (level == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return -1;
  }

  private int skipDoubleQuoted(int from) {
    int i = from;
    while (i < limit && scanBudget-- > 0) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** After a newline: skips the bodies of the heredocs started on the line just ended. */
  private void readHeredocBodies() {
    while (!heredocs.isEmpty()) {
      PendingHeredoc h = heredocs.poll();
      int bodyStart = pos;
      int bodyEnd = limit;
      boolean found = false;
      while (pos < limit) {
        int eol = text.indexOf('\n', pos);
        if (eol >= limit) {
          eol = -1;
        }
        int lineEnd = eol < 0 ? limit : eol;
        int from = pos;
        if (h.stripTabs) {
          while (from < lineEnd && text.charAt(from) == '\t') {
            from++;
          }
        }
        int to = lineEnd;
        if (to > from && text.charAt(to - 1) == '\r') {
          to--;
        }
        int lineStart = pos;
        pos = eol < 0 ? limit : eol + 1;
        if (to - from == h.delimiter.length() && text.startsWith(h.delimiter, from)) {
          found = true;
          bodyEnd = lineStart;
          break;
        }
      }
      if (!found) {
        problem("unterminated heredoc '" + h.delimiter + "'", bodyStart);
      }
      h.bodyStart = bodyStart;
      h.bodyEnd = bodyEnd;
      if (h.shell != null) {
        parseHeredocScript(h);
      }
    }
  }
}
