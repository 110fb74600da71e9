package dev.dockerlint.parse;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Expose;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.Maintainer;
import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stopsignal;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.Unknown;
import dev.dockerlint.ast.User;
import dev.dockerlint.ast.Volume;
import dev.dockerlint.ast.Workdir;
import dev.dockerlint.shell.ShellParser;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.source.OffsetMap;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one logical line into an instruction record, following BuildKit's parser (keyword split,
 * flag extraction, per-instruction argument splitting) and adding the argument checks of its
 * instructions layer as non-fatal errors.
 */
final class InstructionBuilder {
  static final List<String> KEYWORDS = List.of(
      "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label",
      "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir");
  private static final Set<String> HEREDOC_KEYWORDS = Set.of("run", "copy", "add");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh");
  // ONBUILD ONBUILD ... is legal syntax; bound the recursion on hostile input
  private static final int MAX_ONBUILD_DEPTH = 32;

  /** The keyword, the flags and where the arguments are ({@code argStart == argEnd} when none). */
  record Head(Token keyword, String lower, List<Flag> flags, int argStart, int argEnd) {}

  private final char escape;
  private final List<SyntaxError> errors;

  InstructionBuilder(char escape, List<SyntaxError> errors) {
    this.escape = escape;
    this.errors = errors;
  }

  // ---- keyword and flags -------------------------------------------------------------------

  /** BuildKit's splitCommand: trim, split once on {@code [\t\v\f\r ]+}, cut the leading flags. */
  Head head(LogicalLine ll, int from, int to) {
    String t = ll.text();
    int a = GoStrings.skipSpace(t, from, to);
    int b = GoStrings.trimEnd(t, a, to);
    int k = a;
    while (k < b && !GoStrings.isBlank(t.charAt(k))) {
      k++;
    }
    Token keyword = ll.token(a, k);
    int r = k;
    while (r < b && GoStrings.isBlank(t.charAt(r))) {
      r++;
    }
    List<Flag> flags = new ArrayList<>();
    int argStart = r < b ? flags(ll, r, b, flags) : b;
    argStart = GoStrings.skipSpace(t, argStart, b);
    return new Head(keyword, keyword.text().toLowerCase(Locale.ROOT), flags, argStart, b);
  }

  /**
   * BuildKit's extractBuilderFlags: leading words starting with {@code --}; quotes are removed and
   * the escape character escapes the next character; a bare {@code --} ends the flags. BuildKit
   * scans bytes, so the flag text it keeps turns each non-ASCII byte into a Latin-1 character and
   * splits at the bytes 0x85 and 0xA0; that text goes to {@link Flag#buildkitText()} while the name
   * and value keep the characters as written. Returns where the arguments start.
   */
  private int flags(LogicalLine ll, int from, int to, List<Flag> out) {
    String t = ll.text();
    int pos = from;
    while (true) {
      // looking for the start of a word
      while (pos < to && t.charAt(pos) < 0x80 && GoStrings.isSpace(t.charAt(pos))) {
        pos++;
      }
      if (pos >= to || t.charAt(pos) != '-' || pos + 1 >= to || t.charAt(pos + 1) != '-') {
        return pos;
      }
      int wordStart = pos;
      StringBuilder plain = new StringBuilder();
      StringBuilder bytes = new StringBuilder();
      boolean blankOk = false;
      char quote = 0;
      boolean ended = false;
      while (pos < to && !ended) {
        int cp = t.codePointAt(pos);
        int width = Character.charCount(cp);
        if (quote != 0) {
          if (cp == quote) {
            quote = 0;
            pos++;
            continue;
          }
          if (cp == escape) {
            if (pos + 1 >= to) {
              quote = 0;
              pos++;
              continue;
            }
            pos++;
            cp = t.codePointAt(pos);
            width = Character.charCount(cp);
          }
          appendLatin1(bytes, cp, false);
          plain.appendCodePoint(cp);
          pos += width;
          continue;
        }
        if (cp < 0x80 && GoStrings.isSpace(cp)) {
          ended = true;
          break;
        }
        if (cp == '\'' || cp == '"') {
          quote = (char) cp;
          blankOk = true;
          pos++;
          continue;
        }
        if (cp == escape) {
          if (pos + 1 >= to) {
            pos++; // an escape at the very end is dropped
            continue;
          }
          pos++;
          cp = t.codePointAt(pos);
          width = Character.charCount(cp);
        }
        boolean split = appendLatin1(bytes, cp, true);
        plain.appendCodePoint(cp);
        pos += width;
        if (split) {
          ended = true;
        }
      }
      if (bytes.toString().equals("--")) {
        return pos; // a bare -- ends the flags and is dropped
      }
      if (blankOk || bytes.length() > 0) {
        String word = plain.substring(2);
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        String value = eq < 0 ? null : word.substring(eq + 1);
        out.add(new Flag(name, value, ll.range(wordStart, pos), bytes.toString()));
      }
    }
  }

  /**
   * Appends a code point as BuildKit's byte scan sees it: one Latin-1 character per UTF-8 byte.
   * Outside quotes the bytes 0x85 and 0xA0 count as white space and end the word (returns true).
   */
  private static boolean appendLatin1(StringBuilder out, int cp, boolean splitOnSpaceBytes) {
    if (cp < 0x80) {
      out.append((char) cp);
      return false;
    }
    for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
      int v = b & 0xFF;
      if (splitOnSpaceBytes && (v == 0x85 || v == 0xA0)) {
        return true;
      }
      out.append((char) v);
    }
    return false;
  }

  /** True when the line is a RUN, COPY or ADD (also as ONBUILD trigger) whose heredocs must be read. */
  boolean takesHeredocs(LogicalLine ll) {
    if (ll.text().indexOf("<<") < 0) {
      return false;
    }
    Head head = head(ll, 0, ll.length());
    if (head.lower().equals("onbuild") && head.argStart() < head.argEnd()) {
      head = head(ll, head.argStart(), head.argEnd());
    }
    return HEREDOC_KEYWORDS.contains(head.lower())
        && JsonArray.parse(ll.text(), head.argStart(), head.argEnd()).kind() == JsonArray.Kind.INVALID;
  }

  // ---- instructions ------------------------------------------------------------------------

  /**
   * Builds the instruction in {@code ll[from, to)}.
   *
   * @param start where the instruction's range starts
   * @param end where it ends (after continuation lines and heredoc bodies)
   */
  Instruction build(LogicalLine ll, int from, int to, Position start, Position end, List<HeredocBody> bodies,
      int depth) {
    Head h = head(ll, from, to);
    SourceRange range = new SourceRange(start, end.compareTo(start) < 0 ? start : end);
    Token kw = h.keyword();
    List<Flag> fl = h.flags();
    int a = h.argStart();
    int b = h.argEnd();
    String name = h.lower().toUpperCase(Locale.ROOT);
    List<Heredoc> heredocs = heredocs(bodies);
    switch (h.lower()) {
      case "from": {
        List<Token> args = blankSplit(ll, a, b);
        // an empty token where the image belongs keeps From.image() non-null for rules
        Token image = args.size() > 0 ? args.get(0) : new Token("", new SourceRange(kw.range().end(), kw.range().end()));
        Token as = args.size() > 1 ? args.get(1) : null;
        Token stage = args.size() > 2 ? args.get(2) : null;
        if ((args.size() != 1 && args.size() != 3) || (as != null && stage != null && !as.text().equalsIgnoreCase("as"))) {
          error("FROM requires either one or three arguments", argsRange(ll, kw, a, b), false);
        }
        return new From(kw, fl, range, image, as, stage);
      }
      case "run":
        return new Run(kw, fl, range, command(ll, a, b, bodies, true));
      case "cmd":
        return new Cmd(kw, fl, range, command(ll, a, b, List.of(), false));
      case "entrypoint":
        return new Entrypoint(kw, fl, range, command(ll, a, b, List.of(), false));
      case "shell": {
        CommandLine command = command(ll, a, b, List.of(), false);
        if (command == null || (command instanceof ExecForm exec && exec.arguments().isEmpty())) {
          error("SHELL requires at least one argument", argsRange(ll, kw, a, b), false);
        } else if (!command.isExecForm()) {
          error("SHELL requires the arguments to be in JSON form", command.range(), false);
        }
        return new Shell(kw, fl, range, command);
      }
      case "copy":
      case "add": {
        JsonArray.Result json = a < b ? JsonArray.parse(ll.text(), a, b) : null;
        boolean isJson = json != null && json.kind() == JsonArray.Kind.STRINGS;
        List<Token> args = isJson ? jsonTokens(ll, json) : listOrJsonError(ll, json, a, b);
        List<Token> sources = args.size() < 2 ? args : args.subList(0, args.size() - 1);
        Token destination = args.size() < 2 ? null : args.get(args.size() - 1);
        if (args.size() < 2) {
          error(name + " requires at least two arguments"
                  + (args.size() == 1 ? ", but only one was provided. Destination could not be determined" : ""),
              argsRange(ll, kw, a, b), false);
        }
        return h.lower().equals("copy")
            ? new Copy(kw, fl, range, sources, destination, heredocs, isJson)
            : new Add(kw, fl, range, sources, destination, heredocs, isJson);
      }
      case "volume": {
        JsonArray.Result json = a < b ? JsonArray.parse(ll.text(), a, b) : null;
        boolean isJson = json != null && json.kind() == JsonArray.Kind.STRINGS;
        List<Token> paths = isJson ? jsonTokens(ll, json) : listOrJsonError(ll, json, a, b);
        if (paths.isEmpty()) {
          error("VOLUME requires at least one argument", argsRange(ll, kw, a, b), false);
        }
        for (Token p : paths) {
          if (p.text().isEmpty()) {
            error("VOLUME specified can not be an empty string", p.range(), false);
          }
        }
        return new Volume(kw, fl, range, List.copyOf(paths), isJson);
      }
      case "env":
        return new Env(kw, fl, range, pairs(ll, kw, name, a, b));
      case "label":
        return new Label(kw, fl, range, pairs(ll, kw, name, a, b));
      case "arg":
        return new Arg(kw, fl, range, declarations(ll, kw, a, b));
      case "expose": {
        List<Token> ports = blankSplit(ll, a, b);
        if (ports.isEmpty()) {
          error("EXPOSE requires at least one argument", kw.range(), false);
        }
        return new Expose(kw, fl, range, List.copyOf(ports));
      }
      case "user":
        return new User(kw, fl, range, single(ll, kw, name, a, b));
      case "workdir":
        return new Workdir(kw, fl, range, single(ll, kw, name, a, b));
      case "stopsignal":
        return new Stopsignal(kw, fl, range, single(ll, kw, name, a, b));
      case "maintainer":
        return new Maintainer(kw, fl, range, single(ll, kw, name, a, b));
      case "healthcheck":
        return healthcheck(ll, h, range);
      case "onbuild":
        return onbuild(ll, h, range, end, bodies, depth);
      default: {
        error(unknownMessage(kw.text()), kw.range(), false);
        return new Unknown(kw, fl, range, a < b ? ll.token(a, b) : null);
      }
    }
  }

  private Healthcheck healthcheck(LogicalLine ll, Head h, SourceRange range) {
    String t = ll.text();
    int a = h.argStart();
    int b = h.argEnd();
    if (a >= b) {
      error("HEALTHCHECK requires at least one argument", h.keyword().range(), false);
      return new Healthcheck(h.keyword(), h.flags(), range, null, null);
    }
    int sep = a;
    while (sep < b && !(t.charAt(sep) < 0x80 && GoStrings.isSpace(t.charAt(sep)))) {
      sep++;
    }
    int next = sep;
    while (next < b && t.charAt(next) < 0x80 && GoStrings.isSpace(t.charAt(next))) {
      next++;
    }
    Token type = ll.token(a, sep);
    CommandLine command = command(ll, next, b, List.of(), false);
    String upper = type.text().toUpperCase(Locale.ROOT);
    if (upper.equals("NONE")) {
      if (command != null) {
        error("HEALTHCHECK NONE takes no arguments", command.range(), false);
      }
    } else if (upper.equals("CMD")) {
      if (command == null) {
        error("Missing command after HEALTHCHECK CMD", type.range(), false);
      }
    } else {
      error("Unknown type " + GoStrings.quote(type.text()) + " in HEALTHCHECK (try CMD)", type.range(), false);
    }
    return new Healthcheck(h.keyword(), h.flags(), range, type, command);
  }

  private Onbuild onbuild(LogicalLine ll, Head h, SourceRange range, Position end, List<HeredocBody> bodies,
      int depth) {
    int a = h.argStart();
    int b = h.argEnd();
    if (a >= b) {
      error("ONBUILD requires at least one argument", h.keyword().range(), false);
      return new Onbuild(h.keyword(), h.flags(), range, null);
    }
    if (depth >= MAX_ONBUILD_DEPTH) {
      error("ONBUILD is nested too deeply", ll.range(a, b), false);
      return new Onbuild(h.keyword(), h.flags(), range, null);
    }
    Instruction trigger = build(ll, a, b, ll.position(a), end, bodies, depth + 1);
    String triggerName = trigger.keyword().text().toUpperCase(Locale.ROOT);
    if (triggerName.equals("ONBUILD")) {
      error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", trigger.keyword().range(), false);
    } else if (triggerName.equals("FROM") || triggerName.equals("MAINTAINER")) {
      error(triggerName + " isn't allowed as an ONBUILD trigger", trigger.keyword().range(), false);
    }
    return new Onbuild(h.keyword(), h.flags(), range, trigger);
  }

  // ---- argument forms ----------------------------------------------------------------------

  /**
   * BuildKit's parseMaybeJSON: a JSON array of strings is exec form, anything else shell form; a
   * JSON array with a non-string element is fatal (the command is still kept as shell form).
   */
  private CommandLine command(LogicalLine ll, int a, int b, List<HeredocBody> bodies, boolean isRun) {
    if (a >= b) {
      return null;
    }
    JsonArray.Result json = JsonArray.parse(ll.text(), a, b);
    if (json.kind() == JsonArray.Kind.STRINGS) {
      return new ExecForm(jsonTokens(ll, json), ll.range(a, b));
    }
    if (json.kind() == JsonArray.Kind.NOT_STRINGS) {
      error("when using JSON array syntax, arrays must be comprised of strings only", ll.range(a, b), true);
    }
    Token text = ll.token(a, b);
    List<Heredoc> heredocs = heredocs(bodies);
    return new ShellForm(text, heredocs, script(ll, a, b, bodies, isRun), true);
  }

  /**
   * The shell script of a shell-form command. With heredocs: a command that is only heredocs runs
   * their bodies; a shell reading a heredoc ({@code RUN bash -e <<EOF}) runs the line and the body;
   * otherwise bodies are data (for cat, python...) and only the line is shell.
   */
  private static List<Heredoc> heredocs(List<HeredocBody> bodies) {
    List<Heredoc> heredocs = new ArrayList<>(bodies.size());
    for (HeredocBody body : bodies) {
      heredocs.add(body.heredoc());
    }
    return List.copyOf(heredocs);
  }

  private static boolean allHeredocs(List<HeredocWords.Word> words) {
    for (HeredocWords.Word w : words) {
      if (w.heredoc() == null) {
        return false;
      }
    }
    return true;
  }

  private static ShellScript script(LogicalLine ll, int a, int b, List<HeredocBody> bodies, boolean isRun) {
    String text = ll.text().substring(a, b);
    if (!isRun || bodies.isEmpty()) {
      return shell(text, ll.mapFrom(a));
    }
    List<HeredocWords.Word> words = HeredocWords.words(ll.text(), a, b);
    if (!words.isEmpty() && allHeredocs(words)) {
      List<ShellScript> parts = new ArrayList<>();
      for (HeredocBody body : bodies) {
        parts.add(shell(body.heredoc().body(), body.bodyMap()));
      }
      return combine(parts);
    }
    ShellScript line = shell(text, ll.mapFrom(a));
    HeredocBody fed = fedToShell(words, bodies);
    return fed == null ? line : combine(List.of(line, shell(fed.heredoc().body(), fed.bodyMap())));
  }

  /** The heredoc a shell reads its script from: {@code sh [-flags] <<EOF}, or null. */
  private static HeredocBody fedToShell(List<HeredocWords.Word> words, List<HeredocBody> bodies) {
    if (words.isEmpty()) {
      return null;
    }
    String program = words.get(0).text();
    program = program.substring(program.lastIndexOf('/') + 1);
    if (!SHELLS.contains(program)) {
      return null;
    }
    int k = 1;
    while (k < words.size() && words.get(k).heredoc() == null && words.get(k).text().startsWith("-")
        && !words.get(k).text().equals("-c")) {
      k++;
    }
    if (k >= words.size() || words.get(k).heredoc() == null) {
      return null;
    }
    int fd = words.get(k).heredoc().fd();
    // heredocs before the args cannot exist (keywords and flags never match), so index = order in args
    return (fd <= 0) && !bodies.isEmpty() ? bodies.get(0) : null;
  }

  private static ShellScript combine(List<ShellScript> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<dev.dockerlint.shell.ShellCommand> commands = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<dev.dockerlint.shell.ShellNote> notes = new ArrayList<>();
    for (ShellScript part : parts) {
      commands.addAll(part.commands());
      problems.addAll(part.problems());
      notes.addAll(part.notes());
    }
    return new ShellScript(commands, problems, notes);
  }

  /** Parses shell text. */
  private static ShellScript shell(String text, OffsetMap map) {
    return ShellParser.parse(text, map);
  }

  private static List<Token> jsonTokens(LogicalLine ll, JsonArray.Result json) {
    List<Token> tokens = new ArrayList<>();
    for (JsonArray.Element e : json.elements()) {
      tokens.add(new Token(e.value(), ll.range(e.start(), e.end())));
    }
    return tokens;
  }

  /** Whitespace-split arguments, reporting a JSON array with non-string elements. */
  private List<Token> listOrJsonError(LogicalLine ll, JsonArray.Result json, int a, int b) {
    if (json != null && json.kind() == JsonArray.Kind.NOT_STRINGS) {
      error("when using JSON array syntax, arrays must be comprised of strings only", ll.range(a, b), true);
    }
    return blankSplit(ll, a, b);
  }

  /** BuildKit's split on {@code [\t\v\f\r ]+}. */
  private static List<Token> blankSplit(LogicalLine ll, int a, int b) {
    String t = ll.text();
    List<Token> tokens = new ArrayList<>();
    int i = a;
    while (i < b) {
      while (i < b && GoStrings.isBlank(t.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < b && !GoStrings.isBlank(t.charAt(i))) {
        i++;
      }
      if (i > s) {
        tokens.add(ll.token(s, i));
      }
    }
    return tokens;
  }

  private Token single(LogicalLine ll, Token kw, String name, int a, int b) {
    if (a >= b) {
      error(name + " requires exactly one argument", kw.range(), false);
      return null;
    }
    return ll.token(a, b);
  }

  /**
   * BuildKit's parseWords: split on Go white space outside quotes; quotes and escapes stay in the
   * word; an escape character at the very end is dropped. Returns {start, end} pairs.
   */
  private List<int[]> words(String t, int a, int b) {
    List<int[]> words = new ArrayList<>();
    int pos = a;
    while (pos < b) {
      int cp = t.codePointAt(pos);
      if (GoStrings.isSpace(cp)) {
        pos += Character.charCount(cp);
        continue;
      }
      int start = pos;
      int end = pos;
      char quote = 0;
      while (pos < b) {
        cp = t.codePointAt(pos);
        int width = Character.charCount(cp);
        if (quote == 0 && GoStrings.isSpace(cp)) {
          break;
        }
        if (quote == 0 && (cp == '\'' || cp == '"')) {
          quote = (char) cp;
        } else if (quote != 0 && cp == quote) {
          quote = 0;
        } else if (cp == escape && (quote == 0 || quote == '"')) {
          if (pos + width >= b) {
            pos += width; // dropped, and not part of the word
            if (quote != 0) {
              quote = 0;
            }
            continue;
          }
          pos += width;
          width = Character.charCount(t.codePointAt(pos));
        }
        pos += width;
        end = pos;
      }
      if (end > start) {
        words.add(new int[] {start, end});
      }
    }
    return words;
  }

  /** ENV/LABEL pairs (BuildKit's parseNameVal). */
  private List<KeyValue> pairs(LogicalLine ll, Token kw, String name, int a, int b) {
    String t = ll.text();
    List<KeyValue> pairs = new ArrayList<>();
    List<int[]> words = words(t, a, b);
    if (words.isEmpty()) {
      error(name + " requires at least one argument", kw.range(), false);
      return pairs;
    }
    int[] first = words.get(0);
    if (t.substring(first[0], first[1]).indexOf('=') < 0) {
      // legacy "KEY value": the key ends at the first blank run, the value is the raw rest
      int k = a;
      while (k < b && !GoStrings.isBlank(t.charAt(k))) {
        k++;
      }
      if (k >= b) {
        error(name + " must have two arguments", ll.range(a, b), true);
        pairs.add(new KeyValue(ll.token(a, b), ll.token(b, b), true, ll.range(a, b)));
        return pairs;
      }
      int v = k;
      while (v < b && GoStrings.isBlank(t.charAt(v))) {
        v++;
      }
      pairs.add(new KeyValue(ll.token(a, k), ll.token(v, b), true, ll.range(a, b)));
      return pairs;
    }
    for (int[] w : words) {
      int eq = t.indexOf('=', w[0]);
      if (eq < 0 || eq >= w[1]) {
        error("Syntax error - can't find = in " + GoStrings.quote(t.substring(w[0], w[1]))
            + ". Must be of the form: name=value", ll.range(w[0], w[1]), true);
        continue;
      }
      if (eq == w[0]) {
        error(name + " names can not be blank", ll.range(w[0], w[1]), false);
      }
      pairs.add(new KeyValue(ll.token(w[0], eq), ll.token(eq + 1, w[1]), false, ll.range(w[0], w[1])));
    }
    return List.copyOf(pairs);
  }

  /** ARG declarations: every word is {@code name} or {@code name=default}. */
  private List<ArgDeclaration> declarations(LogicalLine ll, Token kw, int a, int b) {
    String t = ll.text();
    List<ArgDeclaration> result = new ArrayList<>();
    List<int[]> words = words(t, a, b);
    if (words.isEmpty()) {
      error("ARG requires at least one argument", kw.range(), false);
    }
    for (int[] w : words) {
      int eq = t.indexOf('=', w[0]);
      boolean hasDefault = eq >= 0 && eq < w[1];
      int nameEnd = hasDefault ? eq : w[1];
      if (nameEnd == w[0]) {
        error("ARG names can not be blank", ll.range(w[0], w[1]), false);
      }
      result.add(new ArgDeclaration(ll.token(w[0], nameEnd), hasDefault ? ll.token(eq + 1, w[1]) : null,
          ll.range(w[0], w[1])));
    }
    return List.copyOf(result);
  }

  private static SourceRange argsRange(LogicalLine ll, Token kw, int a, int b) {
    return a < b ? ll.range(a, b) : kw.range();
  }

  private void error(String message, SourceRange range, boolean fatal) {
    errors.add(new SyntaxError(message, range, fatal));
  }

  /** "unknown instruction: RUNN (did you mean RUN?)" when a keyword is within edit distance 2. */
  static String unknownMessage(String keyword) {
    return "unknown instruction: " + keyword.toUpperCase(Locale.ROOT)
        + NameSuggestion.closest(keyword, KEYWORDS, 2).map(k -> " (did you mean " + k.toUpperCase(Locale.ROOT) + "?)")
            .orElse("");
  }
}
