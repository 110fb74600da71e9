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
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Frontend;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Invalid;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Label;
import dev.dockerlint.ast.Maintainer;
import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.Stopsignal;
import dev.dockerlint.ast.SyntaxError;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.Unknown;
import dev.dockerlint.ast.User;
import dev.dockerlint.ast.Volume;
import dev.dockerlint.ast.Workdir;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BuildKit's instructions layer ({@code instructions.Parse}): what its parser lets through but a
 * build rejects. Per instruction, the checks run in BuildKit's order and the first failure is the
 * error, with BuildKit's message and the range of the offending token: unknown keywords, argument
 * counts, stage names, the flags each instruction accepts (by frontend version), flag value types
 * (booleans, durations, integers), duplicates, {@code RUN --mount}/{@code --device} syntax,
 * {@code --network}/{@code --security} values, HEALTHCHECK forms and ONBUILD triggers.
 *
 * <p>Like BuildKit, it checks an ONBUILD trigger only for being ONBUILD, FROM or MAINTAINER: the
 * rest of a trigger is checked when an image built on this one runs it.
 */
final class InstructionChecks {
  /** The type of a flag's value, as BuildKit's {@code BFlags} declares it. */
  enum Kind {
    /** {@code --link}, {@code --link=true}, {@code --link=false} (any case). */
    BOOL,
    /** {@code --from=value}, once. */
    STRING,
    /** {@code --mount=value}, any number of times. */
    STRINGS
  }

  /**
   * A flag an instruction accepts, with the first {@code 1.x} frontend release that accepts it on
   * the mainline and on the labs channel ({@link #NEVER} when it has none).
   */
  record Spec(String name, Kind kind, int mainline, int labs) {}

  static final int NEVER = Integer.MAX_VALUE;

  // first frontend versions, from BuildKit's changelog (frontend/dockerfile/docs/reference.md)
  static final Spec[] COPY = {
      new Spec("chown", Kind.STRING, 0, 0), new Spec("from", Kind.STRING, 0, 0),
      new Spec("chmod", Kind.STRING, 2, 2), new Spec("link", Kind.BOOL, 4, 4),
      new Spec("exclude", Kind.STRINGS, 19, 7), new Spec("parents", Kind.BOOL, 20, 7)};
  static final Spec[] ADD = {
      new Spec("chown", Kind.STRING, 0, 0), new Spec("chmod", Kind.STRING, 2, 2),
      new Spec("link", Kind.BOOL, 4, 4), new Spec("keep-git-dir", Kind.BOOL, 5, 5),
      new Spec("checksum", Kind.STRING, 5, 5), new Spec("unpack", Kind.BOOL, 17, 17),
      new Spec("exclude", Kind.STRINGS, 19, 7)};
  static final Spec[] FROM = {new Spec("platform", Kind.STRING, 0, 0)};
  static final Spec[] RUN = {
      new Spec("device", Kind.STRINGS, 14, 14), new Spec("mount", Kind.STRINGS, 2, 0),
      new Spec("network", Kind.STRING, 3, 1), new Spec("security", Kind.STRING, 20, 1)};
  static final Spec[] HEALTHCHECK = {
      new Spec("interval", Kind.STRING, 0, 0), new Spec("timeout", Kind.STRING, 0, 0),
      new Spec("start-period", Kind.STRING, 0, 0), new Spec("start-interval", Kind.STRING, 6, 6),
      new Spec("retries", Kind.STRING, 0, 0)};
  static final Spec[] NONE = {};

  /** Every instruction keyword, for "did you mean" (BuildKit's {@code allInstructionNames}). */
  static final List<String> KEYWORDS = List.of(
      "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label",
      "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir");

  private static final Set<String> NETWORKS = Set.of("default", "none", "host");
  private static final Set<String> SECURITY = Set.of("sandbox", "insecure");

  private final Frontend frontend;
  private final SourceText source;

  InstructionChecks(Frontend frontend, SourceText source) {
    this.frontend = frontend;
    this.source = source;
  }

  /**
   * Checks the top-level instructions, in file order: each one Docker rejects becomes an
   * {@link Invalid} holding the first error, which is added to {@code errors}. Instructions with
   * a parser error (in {@code errors} already) are wrapped with it and not checked further. A FROM
   * with an error stays a FROM, since it still starts a stage, and is added to {@code invalidFroms}.
   */
  List<Instruction> check(List<Instruction> instructions, List<SyntaxError> errors, Set<Instruction> invalidFroms) {
    List<SyntaxError> parserErrors = new ArrayList<>(errors);
    List<Instruction> result = new ArrayList<>(instructions.size());
    int next = 0;
    for (Instruction instruction : instructions) {
      // parser errors are in file order, as instructions are
      SyntaxError parserError = null;
      while (next < parserErrors.size() && before(parserErrors.get(next).range(), instruction.range())) {
        next++;
      }
      for (int k = next; k < parserErrors.size() && inside(parserErrors.get(k).range(), instruction.range()); k++) {
        if (parserErrors.get(k).fatal()) {
          parserError = parserErrors.get(k);
          break;
        }
      }
      SyntaxError error = parserError != null ? parserError : firstError(instruction);
      if (error == null) {
        result.add(instruction);
        continue;
      }
      if (parserError == null) {
        errors.add(error);
      }
      // a FROM always starts a stage, so it stays one; its stage has no known base (BuildModel)
      if (instruction instanceof From) {
        invalidFroms.add(instruction);
        result.add(instruction);
      } else {
        result.add(new Invalid(instruction, error));
      }
    }
    return result;
  }

  private static boolean before(SourceRange a, SourceRange b) {
    return a.endLine() < b.startLine();
  }

  private static boolean inside(SourceRange error, SourceRange instruction) {
    return error.startLine() >= instruction.startLine() && error.startLine() <= instruction.endLine();
  }

  /** The first error BuildKit's instructions layer raises for the instruction, or null. */
  SyntaxError firstError(Instruction instruction) {
    if (instruction instanceof From f) {
      return from(f);
    }
    if (instruction instanceof Run r) {
      return run(r);
    }
    if (instruction instanceof Copy c) {
      return transfer(c, COPY);
    }
    if (instruction instanceof Add a) {
      return transfer(a, ADD);
    }
    if (instruction instanceof Env e) {
      return pairs(e, e.pairs(), "ENV");
    }
    if (instruction instanceof Label l) {
      return pairs(l, l.pairs(), "LABEL");
    }
    if (instruction instanceof Arg a) {
      return arg(a);
    }
    if (instruction instanceof Cmd || instruction instanceof Entrypoint) {
      return flags(instruction, NONE);
    }
    if (instruction instanceof Shell s) {
      return shell(s);
    }
    if (instruction instanceof Expose e) {
      return e.ports().isEmpty() ? error("EXPOSE requires at least one argument", e.keyword().range())
          : flags(e, NONE);
    }
    if (instruction instanceof Volume v) {
      return volume(v);
    }
    if (instruction instanceof User u) {
      return single(u, u.user(), true);
    }
    if (instruction instanceof Workdir w) {
      return single(w, w.path(), true);
    }
    if (instruction instanceof Maintainer m) {
      return single(m, m.maintainer(), true);
    }
    if (instruction instanceof Stopsignal s) {
      return single(s, s.signal(), false); // BuildKit never reads STOPSIGNAL's flags
    }
    if (instruction instanceof Healthcheck h) {
      return healthcheck(h);
    }
    if (instruction instanceof Onbuild o) {
      return onbuild(o);
    }
    if (instruction instanceof Unknown u) {
      return unknown(u);
    }
    return null;
  }

  // ---- flags -------------------------------------------------------------------------------

  private boolean available(Spec spec) {
    return frontend.labs() ? frontend.atLeast(spec.labs()) : spec.mainline() != NEVER && frontend.atLeast(spec.mainline());
  }

  /** BuildKit's {@code BFlags.Parse}: flags in order, the first problem is the error. */
  private SyntaxError flags(Instruction instruction, Spec[] specs) {
    Set<String> used = new HashSet<>();
    for (Flag flag : instruction.flags()) {
      String name = flag.name();
      Spec spec = null;
      Spec later = null;
      for (Spec s : specs) {
        if (s.name().equals(name)) {
          if (available(s)) {
            spec = s;
          } else {
            later = s;
          }
        }
      }
      if (spec == null) {
        return error(unknownFlag(name, specs, later), flag.range());
      }
      if (!used.add(name) && spec.kind() != Kind.STRINGS) {
        return error("duplicate flag specified: --" + name, flag.range());
      }
      if (spec.kind() == Kind.BOOL) {
        if (flag.hasValue() && flag.value().isEmpty()) {
          return error("missing a value on flag: --" + name, flag.range());
        }
        String lower = flag.value() == null ? "" : flag.value().toLowerCase(Locale.ROOT);
        if (!lower.isEmpty() && !lower.equals("true") && !lower.equals("false")) {
          return error("expecting boolean value for flag --" + name + ", not: " + flag.value(), valueRange(flag));
        }
      } else if (!flag.hasValue()) {
        return error("missing a value on flag: --" + name, flag.range());
      }
    }
    return null;
  }

  private String unknownFlag(String name, Spec[] specs, Spec later) {
    String message = "unknown flag: --" + name;
    if (later != null) {
      return message + " (the file asks for " + frontend.describe() + "; --" + name + " " + needs(later) + ")";
    }
    List<String> names = new ArrayList<>();
    for (Spec s : specs) {
      if (available(s)) {
        names.add(s.name());
      }
    }
    java.util.Collections.sort(names); // BuildKit's order is its map's, so random; this one is fixed
    String match = NameSuggestion.buildkit(name, names, true);
    return match == null ? message : message + " (did you mean " + match + "?)";
  }

  private static String needs(Spec spec) {
    // mainline frontends read --device from 1.14 on only to refuse it (DispatchChecks)
    if (spec.mainline() == NEVER || spec.name().equals("device")) {
      return "needs a labs frontend from 1." + spec.labs() + " such as docker/dockerfile:1-labs";
    }
    String needs = "needs docker/dockerfile:1." + spec.mainline() + " or later";
    return spec.labs() < spec.mainline() ? needs + " (or 1." + spec.labs() + "-labs)" : needs;
  }

  /** The source text of a flag's value: after the first {@code =} of the flag word, or the whole flag. */
  SourceRange valueRange(Flag flag) {
    SourceRange r = flag.range();
    String text = source.text();
    int from = offset(r.startLine(), r.startColumn());
    int to = Math.min(offset(r.endLine(), r.endColumn()), text.length());
    int eq = from;
    while (eq < to && text.charAt(eq) != '=') {
      eq++;
    }
    if (eq + 1 >= to) {
      return r;
    }
    return source.range(eq + 1, to);
  }

  /**
   * The part of a flag value's source holding {@code part} (a mount field, say) when it occurs
   * there once, as written; the value's range otherwise.
   */
  SourceRange partRange(Flag flag, String part) {
    SourceRange value = valueRange(flag);
    if (part.isEmpty()) {
      return value;
    }
    String text = source.text();
    int from = offset(value.startLine(), value.startColumn());
    int to = Math.min(offset(value.endLine(), value.endColumn()), text.length());
    int at = -1;
    for (int i = from; i + part.length() <= to; i++) {
      if (text.startsWith(part, i)) {
        if (at >= 0) {
          return value; // twice: which one is meant cannot be told
        }
        at = i;
      }
    }
    return at < 0 ? value : source.range(at, at + part.length());
  }

  private int offset(int line, int column) {
    return line > source.lineCount() ? source.text().length() : source.lineStart(line) + column - 1;
  }

  // ---- instructions ------------------------------------------------------------------------

  private SyntaxError from(From f) {
    int count = f.argumentCount();
    if (count == 3 && f.asKeyword().text().equalsIgnoreCase("as")) {
      String name = f.stageName().text().toLowerCase(Locale.ROOT);
      if (!isStageName(name)) {
        return error("invalid name for build stage: " + GoStrings.quote(f.stageName().text())
            + ", name can't start with a number or contain symbols", f.stageName().range());
      }
    } else if (count != 1) {
      SourceRange where = f.keyword().range();
      if (f.asKeyword() != null) {
        Token last = !f.extraArguments().isEmpty() ? f.extraArguments().get(f.extraArguments().size() - 1)
            : f.stageName() != null ? f.stageName() : f.asKeyword();
        // the words that make the count wrong: those after AS name, else all after the image
        Token first = count > 3 && f.asKeyword().text().equalsIgnoreCase("as") ? f.extraArguments().get(0) : f.asKeyword();
        where = first.range().union(last.range());
      }
      return error("FROM requires either one or three arguments", where);
    }
    return flags(f, FROM);
  }

  /** BuildKit's {@code ^[a-z][a-z0-9-_.]*$} on the lower-cased name. */
  private static boolean isStageName(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private SyntaxError run(Run r) {
    SyntaxError flagError = flags(r, RUN);
    if (flagError != null) {
      return flagError;
    }
    // BuildKit's RUN hooks, in the order Go runs them (by file name): device, mount, network, security
    for (Flag device : r.flags("device")) {
      String problem = RunOptions.deviceError(device.value());
      if (problem != null) {
        return error(problem, valueRange(device));
      }
    }
    for (Flag mount : r.flags("mount")) {
      RunOptions.Problem problem = RunOptions.mountSyntaxError(mount.value());
      if (problem != null) {
        return error(problem.message(), partRange(mount, problem.part()));
      }
    }
    for (Flag network : r.flags("network")) {
      if (!NETWORKS.contains(network.value())) {
        return error("invalid network mode " + GoStrings.quote(network.value()), valueRange(network));
      }
    }
    for (Flag security : r.flags("security")) {
      if (!SECURITY.contains(security.value())) {
        return error("security " + GoStrings.quote(security.value()) + " is not valid", valueRange(security));
      }
    }
    return null;
  }

  private SyntaxError transfer(FileTransfer t, Spec[] specs) {
    String name = t.name();
    if (t.destination() == null) {
      SourceRange where = t.sources().isEmpty() ? t.keyword().range() : t.sources().get(0).range();
      return error(name + " requires at least two arguments, but only one was provided. Destination could not be determined",
          where);
    }
    SyntaxError flagError = flags(t, specs);
    if (flagError != null) {
      return flagError;
    }
    if (isHeredoc(t.destination().text())) {
      return error(name + " cannot accept a heredoc as a destination", t.destination().range());
    }
    return null;
  }

  /** BuildKit's {@code MustParseHeredoc}: the word is {@code <<NAME}, {@code <<-NAME} or with a leading fd. */
  private static boolean isHeredoc(String word) {
    for (HeredocWords.Word w : HeredocWords.words(word, 0, word.length())) {
      if (w.heredoc() != null && w.start() == 0 && w.end() == word.length()) {
        return true;
      }
    }
    return false;
  }

  private SyntaxError pairs(Instruction instruction, List<KeyValue> pairs, String name) {
    SyntaxError flagError = flags(instruction, NONE);
    if (flagError != null) {
      return flagError;
    }
    if (pairs.isEmpty()) {
      return error(name + " requires at least one argument", instruction.keyword().range());
    }
    for (KeyValue pair : pairs) {
      if (pair.key().text().isEmpty()) {
        return error(name + " names can not be blank", pair.range());
      }
    }
    return null;
  }

  private SyntaxError arg(Arg a) {
    if (a.declarations().isEmpty()) {
      return error("ARG requires at least one argument", a.keyword().range());
    }
    for (ArgDeclaration d : a.declarations()) {
      if (d.name().text().isEmpty()) {
        return error("ARG names can not be blank", d.range());
      }
    }
    return null; // BuildKit never reads ARG's flags
  }

  private SyntaxError shell(Shell s) {
    SyntaxError flagError = flags(s, NONE);
    if (flagError != null) {
      return flagError;
    }
    CommandLine command = s.command();
    if (command == null || command instanceof ExecForm exec && exec.arguments().isEmpty()) {
      return error("SHELL requires at least one argument", command == null ? s.keyword().range() : command.range());
    }
    if (!command.isExecForm()) {
      return error("SHELL requires the arguments to be in JSON form", command.range());
    }
    return null;
  }

  private SyntaxError volume(Volume v) {
    if (v.paths().isEmpty()) {
      return error("VOLUME requires at least one argument", v.keyword().range());
    }
    SyntaxError flagError = flags(v, NONE);
    if (flagError != null) {
      return flagError;
    }
    for (Token path : v.paths()) {
      if (GoStrings.trimSpace(path.text()).isEmpty()) {
        return error("VOLUME specified can not be an empty string", path.range());
      }
    }
    return null;
  }

  private SyntaxError single(Instruction instruction, Token argument, boolean checkFlags) {
    if (argument == null) {
      return error(instruction.name() + " requires exactly one argument", instruction.keyword().range());
    }
    return checkFlags ? flags(instruction, NONE) : null;
  }

  private SyntaxError healthcheck(Healthcheck h) {
    if (h.type() == null) {
      return error("HEALTHCHECK requires at least one argument", h.keyword().range());
    }
    String type = h.type().text().toUpperCase(Locale.ROOT);
    if (type.equals("NONE")) {
      // BuildKit reads no flags for NONE
      return h.command() == null ? null : error("HEALTHCHECK NONE takes no arguments", h.command().range());
    }
    SyntaxError flagError = flags(h, HEALTHCHECK);
    if (flagError != null) {
      return flagError;
    }
    if (type.equals("CMD")) {
      if (h.command() == null || h.command() instanceof ExecForm exec && exec.arguments().isEmpty()) {
        return error("Missing command after HEALTHCHECK CMD", h.command() == null ? h.type().range() : h.command().range());
      }
    } else {
      return error("Unknown type " + GoStrings.quote(type) + " in HEALTHCHECK (try CMD)", h.type().range());
    }
    for (String name : new String[] {"interval", "timeout", "start-period", "start-interval"}) {
      for (Flag f : h.flags(name)) {
        String problem = intervalError(name, f.value());
        if (problem != null) {
          return error(problem, valueRange(f));
        }
      }
    }
    for (Flag f : h.flags("retries")) {
      if (!f.value().isEmpty()) {
        GoValues.Int retries = GoValues.parseInt(f.value(), 32);
        if (retries.error() != null) {
          return error(retries.error(), valueRange(f));
        }
        if (retries.value() < 0) {
          return error("--retries cannot be negative (" + retries.value() + ")", valueRange(f));
        }
      }
    }
    return null;
  }

  /** BuildKit's {@code parseOptInterval}: empty or zero is the default; otherwise a duration of 1ms or more. */
  private static String intervalError(String name, String value) {
    if (value.isEmpty()) {
      return null;
    }
    GoValues.Duration d = GoValues.duration(value);
    if (d.error() != null) {
      return d.error();
    }
    if (d.nanos() != 0 && d.nanos() < 1_000_000L) {
      return "Interval " + GoStrings.quote(name) + " cannot be less than 1ms";
    }
    return null;
  }

  private SyntaxError onbuild(Onbuild o) {
    if (o.trigger() == null) {
      return error("ONBUILD requires at least one argument", o.keyword().range());
    }
    SyntaxError flagError = flags(o, NONE);
    if (flagError != null) {
      return flagError;
    }
    String trigger = o.trigger().keyword().text().toUpperCase(Locale.ROOT);
    if (trigger.equals("ONBUILD")) {
      return error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", o.trigger().keyword().range());
    }
    if (trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
      return error(trigger + " isn't allowed as an ONBUILD trigger", o.trigger().keyword().range());
    }
    return null;
  }

  private static SyntaxError unknown(Unknown u) {
    String keyword = u.keyword().text();
    String match = NameSuggestion.buildkit(keyword, KEYWORDS, false);
    return error("unknown instruction: " + keyword + (match == null ? "" : " (did you mean " + match + "?)"),
        u.keyword().range());
  }

  private static SyntaxError error(String message, SourceRange range) {
    return new SyntaxError(message, range, false, SyntaxError.Layer.INSTRUCTIONS);
  }
}
