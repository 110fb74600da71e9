package dev.dockerlint.shellcheck;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.ShellDialect;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scripts of a Dockerfile that ShellCheck checks, as a shell runs them:
 * <ul>
 *   <li>every shell-form RUN (ONBUILD triggers too), its flags left out, with the bodies of the
 *       heredocs it reads after its line ({@code RUN cat <<EOF > /etc/x});
 *   <li>a heredoc that is the script ({@code RUN <<EOF}) or that a shell reads
 *       ({@code RUN bash -e <<EOF}), as a script of its own;
 *   <li>the string of {@code sh -c '...'} / {@code bash -c "..."} when the outer shell leaves it
 *       as written (no {@code $} expansion in it).
 * </ul>
 * Stages whose shell is not one ShellCheck knows (pwsh, cmd, zsh) and heredocs whose shebang names
 * another interpreter (python, node) are left out.
 */
final class ScriptCollector {
  /** Proxy variables BuildKit passes to every RUN without an ARG; the lower-case ones would give SC2154. */
  private static final java.util.Set<String> PROXY_ARGS = java.util.Set.of("http_proxy", "https_proxy", "ftp_proxy", "no_proxy",
      "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY");

  private final Dockerfile file;
  private final SourceText source;
  private final List<Script> scripts = new ArrayList<>();

  private ScriptCollector(Dockerfile file) {
    this.file = file;
    this.source = file.source();
  }

  /**
   * ShellCheck's time grows with the square of a command list's length (a RUN of 400 commands
   * joined by {@code &&} takes it 3 s and 270 MB, one of 1,000 30 s and 3 GB), so longer RUNs
   * are not given to it; the native checks still look at them.
   */
  static final int MAX_COMMANDS = 400;
  /** Nor RUNs longer than this (their heredocs included), whatever their shape. */
  static final int MAX_CHARS = 128 * 1024;

  static List<Script> collect(Dockerfile file) {
    return collect(file, new ArrayList<>());
  }

  /** @param skipped where to say which RUNs are too long for ShellCheck, one line each */
  static List<Script> collect(Dockerfile file, List<String> skipped) {
    ScriptCollector collector = new ScriptCollector(file);
    Map<Run, ShellDialect> dialects = ShellDialect.ofRuns(file);
    for (Stage stage : file.stages()) {
      for (Instruction instruction : stage.instructions()) {
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        if (target instanceof Run run && run.command() instanceof ShellForm form && form.posixShell()) {
          ShellDialect dialect = dialects.getOrDefault(run, ShellDialect.SH);
          int chars = form.text().text().length();
          for (Heredoc heredoc : form.heredocs()) {
            chars += heredoc.body().length();
          }
          if (!checkable(dialect)) {
            continue;
          }
          if (form.script().commands().size() > MAX_COMMANDS || chars > MAX_CHARS) {
            skipped.add("the RUN at line " + run.range().startLine() + " is too long for ShellCheck ("
                + form.script().commands().size() + " commands, " + chars / 1024 + " KB; it checks up to " + MAX_COMMANDS
                + " commands and " + MAX_CHARS / 1024 + " KB) and was not given to it");
          } else {
            collector.run(run, form, dialect, new Declared(file.scopeAt(instruction)));
          }
        }
      }
    }
    return collector.scripts;
  }

  /** The dialects ShellCheck checks (zsh and the non-POSIX shells it does not). */
  static boolean checkable(ShellDialect dialect) {
    return dialect != ShellDialect.OTHER && dialect != ShellDialect.ZSH;
  }

  /**
   * Whether a variable is declared where a RUN runs: by an ARG or ENV in scope, or as one of the
   * proxy variables BuildKit passes to every RUN. A class, not a lambda: see Stage.ofType.
   */
  private static final class Declared implements java.util.function.Predicate<String> {
    private final Scope scope;

    Declared(Scope scope) {
      this.scope = scope;
    }

    @Override
    public boolean test(String name) {
      return PROXY_ARGS.contains(name) || scope.isDeclared(name);
    }
  }

  private void run(Run run, ShellForm form, ShellDialect dialect, Declared declared) {
    SourceRange anchor = run.keyword().range();
    TextMap line = TextMap.ofCommand(source, file.escape(), form.text());
    List<TextMap> bodies = new ArrayList<>();
    for (Heredoc heredoc : form.heredocs()) {
      bodies.add(TextMap.ofHeredoc(source, heredoc));
    }
    // the -c strings first: those not checked are holes in what the scripts around them cover
    List<Script> strings = new ArrayList<>();
    holes = new ArrayList<>();
    for (ShellCommand command : form.script().commands()) {
      ShellCommand program = command.unwrapped();
      Word word = program.scriptWord();
      if (word == null) {
        continue;
      }
      ShellDialect inner = dialect.shellNamed(program.name());
      Script string = word.expands() || program.is("su") || !checkable(inner) ? null
          : scriptString(word, inner, declared, line, bodies, anchor);
      if (string != null) {
        strings.add(string);
      } else {
        holes.add(word.range());
      }
    }
    if (form.heredocs().isEmpty()) {
      Script.Builder b = new Script.Builder(source, anchor);
      appendMapped(b, line, form.text().text());
      scripts.add(b.build(dialect, declared, covering(form.text().range())));
    } else if (form.onlyHeredocs()) {
      for (int h = 0; h < form.heredocs().size(); h++) {
        body(form.heredocs().get(h), bodies.get(h), dialect, declared, anchor);
      }
    } else {
      // the line, then the bodies it reads, as the shell gets them
      Script.Builder b = new Script.Builder(source, anchor);
      appendMapped(b, line, form.text().text());
      SourceRange covered = form.text().range();
      for (int h = 0; h < form.heredocs().size(); h++) {
        Heredoc heredoc = form.heredocs().get(h);
        b.added("\n");
        appendMapped(b, bodies.get(h), heredoc.body());
        TextMap terminator = TextMap.ofTerminator(source, heredoc);
        if (terminator != null) {
          b.append(terminator);
        } else {
          b.added(heredoc.name());
        }
        covered = covered.union(heredoc.bodyRange());
      }
      scripts.add(b.added("\n").build(dialect, declared, covering(covered)));
      for (int h = 0; h < form.heredocs().size(); h++) {
        ShellCommand reader = form.shellReading(form.heredocs().get(h));
        if (reader != null) {
          body(form.heredocs().get(h), bodies.get(h), dialect.shellNamed(reader.name()), declared, anchor);
        }
      }
    }
    scripts.addAll(strings);
  }

  /** The -c strings of the RUN being collected that ShellCheck does not get. */
  private List<SourceRange> holes = List.of();

  /**
   * What a script of the RUN covers: its range without the {@code -c} strings it holds that are
   * not checked on their own (ShellCheck sees them as plain words, so the native checks still
   * speak for what is inside).
   */
  private List<SourceRange> covering(SourceRange range) {
    List<SourceRange> pieces = new ArrayList<>();
    SourceRange rest = range;
    List<SourceRange> sorted = new ArrayList<>(holes);
    sorted.sort(new java.util.Comparator<SourceRange>() {
      @Override
      public int compare(SourceRange a, SourceRange b) {
        return a.start().compareTo(b.start());
      }
    });
    for (SourceRange hole : sorted) {
      if (rest == null || !rest.contains(hole)) {
        continue;
      }
      if (hole.start().compareTo(rest.start()) > 0) {
        pieces.add(new SourceRange(rest.start(), hole.start()));
      }
      rest = hole.end().compareTo(rest.end()) < 0 ? new SourceRange(hole.end(), rest.end()) : null;
    }
    if (rest != null) {
      pieces.add(rest);
    }
    return pieces;
  }

  private static void appendMapped(Script.Builder b, TextMap map, String text) {
    if (map != null) {
      b.append(map);
    } else {
      b.append(null, text, 0, text.length());
    }
  }

  /** A heredoc checked as a script: with its own shebang's dialect when it has one. */
  private void body(Heredoc heredoc, TextMap map, ShellDialect dialect, Declared declared, SourceRange anchor) {
    String body = heredoc.body();
    ShellDialect used = dialect;
    if (body.startsWith("#!")) {
      used = dialect.ofShebang(body); // python, node, perl... are not checked
    }
    if (body.isBlank() || !checkable(used)) {
      return;
    }
    Script.Builder b = new Script.Builder(source, anchor);
    appendMapped(b, map, body);
    scripts.add(b.build(used, declared, covering(heredoc.bodyRange())));
  }

  private int offsetOf(Position position) {
    return source.lineStart(position.line()) + position.column() - 1;
  }

  /**
   * The string of {@code sh -c '...'} as a script, placed character by character in the text it
   * was written in; null when it cannot be placed exactly.
   */
  private Script scriptString(Word word, ShellDialect dialect, Declared declared, TextMap line, List<TextMap> bodies,
      SourceRange anchor) {
    int fileOffset = offsetOf(word.range().start());
    TextMap within = null;
    int at = -1;
    if (line != null) {
      at = line.indexOf(fileOffset);
      within = line;
    }
    for (int i = 0; at < 0 && i < bodies.size(); i++) {
      if (bodies.get(i) != null) {
        at = bodies.get(i).indexOf(fileOffset);
        within = bodies.get(i);
      }
    }
    if (at < 0 || !within.text().startsWith(word.raw(), at)) {
      return null; // not placed exactly (a string inside a string): not checked rather than misplaced
    }
    int[] indexes = new int[word.value().length()];
    String value = unquote(word.raw(), at, indexes);
    if (value == null || !value.equals(word.value()) || value.isBlank()) {
      return null;
    }
    TextMap map = TextMap.ofIndexes(value, within, indexes, at + word.raw().length());
    Script.Builder b = new Script.Builder(source, anchor);
    b.append(map);
    return b.build(dialect, declared, List.of(word.range()));
  }

  /**
   * A word with its quotes and escapes removed, as the shell passes it on, each character's index
   * in the text written to {@code indexes} (offset by {@code base}); null for what it cannot
   * follow ({@code $'...'}) or a value longer than {@code indexes}.
   */
  static String unquote(String raw, int base, int[] indexes) {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '\'') {
        int close = raw.indexOf('\'', i + 1);
        if (close < 0) {
          return null;
        }
        for (int k = i + 1; k < close; k++) {
          if (!put(out, raw.charAt(k), base + k, indexes)) {
            return null;
          }
        }
        i = close + 1;
      } else if (c == '"') {
        i++;
        while (i < raw.length() && raw.charAt(i) != '"') {
          char d = raw.charAt(i);
          if (d == '\\' && i + 1 < raw.length() && "$`\"\\\n".indexOf(raw.charAt(i + 1)) >= 0) {
            if (raw.charAt(i + 1) != '\n' && !put(out, raw.charAt(i + 1), base + i + 1, indexes)) {
              return null;
            }
            i += 2;
          } else {
            if (!put(out, d, base + i, indexes)) {
              return null;
            }
            i++;
          }
        }
        if (i >= raw.length()) {
          return null;
        }
        i++;
      } else if (c == '\\' && i + 1 < raw.length()) {
        if (raw.charAt(i + 1) != '\n' && !put(out, raw.charAt(i + 1), base + i + 1, indexes)) {
          return null;
        }
        i += 2;
      } else if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
        return null;
      } else {
        if (!put(out, c, base + i, indexes)) {
          return null;
        }
        i++;
      }
    }
    return out.toString();
  }

  private static boolean put(StringBuilder out, char c, int index, int[] indexes) {
    if (out.length() >= indexes.length) {
      return false;
    }
    indexes[out.length()] = index;
    out.append(c);
    return true;
  }
}
