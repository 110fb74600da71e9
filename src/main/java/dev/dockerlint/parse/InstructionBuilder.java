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
 * flag extraction, per-instruction argument splitting). Only the parser's own errors are reported
 * here (all fatal); what its instructions layer rejects is {@link InstructionChecks}' business.
 */
final class InstructionBuilder {
  private static final Set<String> HEREDOC_KEYWORDS = Set.of("run", "copy", "add");
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
        return new From(kw, fl, range, image, as, stage, args.size() > 3 ? args.subList(3, args.size()) : List.of());
      }
      case "run":
        return new Run(kw, fl, range, command(ll, a, b, bodies, true));
      case "cmd":
        return new Cmd(kw, fl, range, command(ll, a, b, List.of(), false));
      case "entrypoint":
        return new Entrypoint(kw, fl, range, command(ll, a, b, List.of(), false));
      case "shell":
        return new Shell(kw, fl, range, command(ll, a, b, List.of(), false));
      case "copy":
      case "add": {
        JsonArray.Result json = a < b ? JsonArray.parse(ll.text(), a, b) : null;
        boolean isJson = json != null && json.kind() == JsonArray.Kind.STRINGS;
        List<Token> args = isJson ? jsonTokens(ll, json) : listOrJsonError(ll, json, a, b);
        List<Token> sources = args.size() < 2 ? args : args.subList(0, args.size() - 1);
        Token destination = args.size() < 2 ? null : args.get(args.size() - 1);
        return h.lower().equals("copy")
            ? new Copy(kw, fl, range, sources, destination, heredocs, isJson)
            : new Add(kw, fl, range, sources, destination, heredocs, isJson);
      }
      case "volume": {
        JsonArray.Result json = a < b ? JsonArray.parse(ll.text(), a, b) : null;
        boolean isJson = json != null && json.kind() == JsonArray.Kind.STRINGS;
        List<Token> paths = isJson ? jsonTokens(ll, json) : listOrJsonError(ll, json, a, b);
        return new Volume(kw, fl, range, List.copyOf(paths), isJson);
      }
      case "env":
        return new Env(kw, fl, range, pairs(ll, kw, name, a, b));
      case "label":
        return new Label(kw, fl, range, pairs(ll, kw, name, a, b));
      case "arg":
        return new Arg(kw, fl, range, declarations(ll, kw, a, b));
      case "expose":
        return new Expose(kw, fl, range, List.copyOf(blankSplit(ll, a, b)));
      case "user":
        return new User(kw, fl, range, single(ll, a, b));
      case "workdir":
        return new Workdir(kw, fl, range, single(ll, a, b));
      case "stopsignal":
        return new Stopsignal(kw, fl, range, single(ll, a, b));
      case "maintainer":
        return new Maintainer(kw, fl, range, single(ll, a, b));
      case "healthcheck":
        return healthcheck(ll, h, range);
      case "onbuild":
        return onbuild(ll, h, range, end, bodies, depth);
      default: {
        return new Unknown(kw, fl, range, a < b ? ll.token(a, b) : null);
      }
    }
  }

  private Healthcheck healthcheck(LogicalLine ll, Head h, SourceRange range) {
    String t = ll.text();
    int a = h.argStart();
    int b = h.argEnd();
    if (a >= b) {
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
    return new Healthcheck(h.keyword(), h.flags(), range, type, command(ll, next, b, List.of(), false));
  }

  private Onbuild onbuild(LogicalLine ll, Head h, SourceRange range, Position end, List<HeredocBody> bodies,
      int depth) {
    int a = h.argStart();
    int b = h.argEnd();
    if (a >= b || depth >= MAX_ONBUILD_DEPTH) {
      // past the depth bound the chain is cut; the first ONBUILD ONBUILD is what Docker reports
      return new Onbuild(h.keyword(), h.flags(), range, null);
    }
    Instruction trigger = build(ll, a, b, ll.position(a), end, bodies, depth + 1);
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
    if (!isRun || bodies.isEmpty()) {
      return new ShellForm(text, heredocs, shell(ll.text().substring(a, b), ll.mapFrom(a)), true);
    }
    RunScript.Result run = RunScript.of(ll, a, b, bodies);
    return new ShellForm(text, heredocs, run.script(), true, run.heredocScripts());
  }

  private static List<Heredoc> heredocs(List<HeredocBody> bodies) {
    List<Heredoc> heredocs = new ArrayList<>(bodies.size());
    for (HeredocBody body : bodies) {
      heredocs.add(body.heredoc());
    }
    return List.copyOf(heredocs);
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

  private static Token single(LogicalLine ll, int a, int b) {
    return a >= b ? null : ll.token(a, b);
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
      pairs.add(new KeyValue(ll.token(w[0], eq), ll.token(eq + 1, w[1]), false, ll.range(w[0], w[1])));
    }
    return List.copyOf(pairs);
  }

  /** ARG declarations: every word is {@code name} or {@code name=default}. */
  private List<ArgDeclaration> declarations(LogicalLine ll, Token kw, int a, int b) {
    String t = ll.text();
    List<ArgDeclaration> result = new ArrayList<>();
    for (int[] w : words(t, a, b)) {
      int eq = t.indexOf('=', w[0]);
      boolean hasDefault = eq >= 0 && eq < w[1];
      int nameEnd = hasDefault ? eq : w[1];
      result.add(new ArgDeclaration(ll.token(w[0], nameEnd), hasDefault ? ll.token(eq + 1, w[1]) : null,
          ll.range(w[0], w[1])));
    }
    return List.copyOf(result);
  }

  private void error(String message, SourceRange range, boolean fatal) {
    errors.add(new SyntaxError(message, range, fatal));
  }
}
