package dev.dockerlint.parse;

import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.HeredocScript;
import dev.dockerlint.shell.EmbeddedScript;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellParser;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.source.OffsetMap;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shell runs for a shell-form RUN with heredocs, as BuildKit hands it over:
 *
 * <ul>
 *   <li>When the whole command is one heredoc ({@code RUN <<EOF}), its body is the script: run by
 *       the stage's shell, or, when it starts with {@code #!}, by the program that line names (a
 *       POSIX shell is parsed, python or node is not).
 *   <li>Otherwise the shell gets the command line followed by each body and its delimiter, and runs
 *       it as one script: a body is the script of the shell that reads it ({@code RUN bash <<EOF},
 *       {@code RUN <<EOF sh -e}) and data for anything else ({@code cat}, {@code python3}).
 * </ul>
 *
 * Every command keeps its exact position: the composed text maps each part back to the file. A body
 * is parsed as written whether or not its delimiter is quoted: with {@code <<EOF} the outer shell
 * first expands {@code $VAR} and {@code $(...)} in it, with {@code <<'EOF'} the inner shell does;
 * the commands are the same.
 */
final class RunScript {
  private RunScript() {}

  /** The parsed script and the heredocs a shell runs. */
  record Result(ShellScript script, List<HeredocScript> heredocScripts) {}

  static Result of(LogicalLine ll, int a, int b, List<HeredocBody> bodies) {
    List<HeredocWords.Word> words = HeredocWords.words(ll.text(), a, b);
    if (words.size() == 1 && words.get(0).heredoc() != null && bodies.size() == 1) {
      return single(bodies.get(0));
    }
    Composed composed = new Composed(ll.text().substring(a, b), ll.mapFrom(a), bodies);
    List<EmbeddedScript> embedded = new ArrayList<>();
    ShellScript script = ShellParser.parse(composed.text, composed, embedded);
    List<HeredocScript> scripts = new ArrayList<>();
    for (EmbeddedScript e : embedded) {
      for (int k = 0; k < bodies.size(); k++) {
        if (composed.bodyStarts[k] == e.start()) {
          scripts.add(new HeredocScript(bodies.get(k).heredoc(), e.shell()));
        }
      }
    }
    return new Result(script, List.copyOf(scripts));
  }

  /** {@code RUN <<EOF}: the body is the script, unless a {@code #!} line names something else than a shell. */
  private static Result single(HeredocBody body) {
    Heredoc heredoc = body.heredoc();
    String text = heredoc.body();
    // BuildKit looks for "#!" in the body as written: a <<- body with a tab first has none
    boolean tabsStripped = heredoc.chomp() && !text.isEmpty() && body.bodyMap().position(0).column() > 1;
    String shell = "";
    if (text.startsWith("#!") && !tabsStripped) {
      shell = interpreter(text);
      if (!ShellCommand.isShell(shell)) {
        return new Result(ShellScript.EMPTY, List.of()); // python, node, perl ...: not shell
      }
    }
    return new Result(ShellParser.parse(text, body.bodyMap()), List.of(new HeredocScript(heredoc, shell)));
  }

  /**
   * The program a {@code #!} line runs, without its directory: {@code #!/bin/bash -e} gives bash,
   * {@code #!/usr/bin/env python3} gives python3, {@code #!/usr/bin/env -S bash -eu} gives bash.
   */
  static String interpreter(String body) {
    int eol = body.indexOf('\n');
    String line = (eol < 0 ? body : body.substring(0, eol)).substring(2).strip();
    String[] parts = line.split("[ \t]+");
    int i = 0;
    String program = parts.length == 0 ? "" : baseName(parts[0]);
    if (program.equals("env")) {
      i = 1;
      while (i < parts.length) {
        String p = parts[i];
        if (p.equals("-u") || p.equals("--unset")) {
          i += 2;
        } else if (p.startsWith("-") || p.indexOf('=') > 0) {
          i++; // -S (split the rest), -i, NAME=value
        } else {
          break;
        }
      }
      program = i < parts.length ? baseName(parts[i]) : "";
    }
    return program;
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * BuildKit's text for the shell: the command line, then for each heredoc a newline, its body and
   * its delimiter. Offsets map to the line, the bodies and the terminator lines in the file.
   */
  private static final class Composed implements OffsetMap {
    final String text;
    /** Where each body starts in {@link #text}. */
    final int[] bodyStarts;
    /** Part k covers [starts[k], starts[k+1]) and is mapped by maps[k] from its own offset 0. */
    private final int[] starts;
    private final OffsetMap[] maps;

    Composed(String line, OffsetMap lineMap, List<HeredocBody> bodies) {
      StringBuilder b = new StringBuilder(line);
      bodyStarts = new int[bodies.size()];
      starts = new int[1 + 3 * bodies.size()];
      maps = new OffsetMap[starts.length];
      maps[0] = lineMap;
      Position after = lineMap.range(0, line.length()).end();
      int part = 1;
      for (int k = 0; k < bodies.size(); k++) {
        Heredoc heredoc = bodies.get(k).heredoc();
        starts[part] = b.length();
        maps[part++] = new Pinned(after);
        b.append('\n');
        bodyStarts[k] = b.length();
        starts[part] = b.length();
        maps[part++] = bodies.get(k).bodyMap();
        b.append(heredoc.body());
        SourceRange end = heredoc.bodyRange();
        int column = Math.max(1, end.endColumn() - heredoc.name().length());
        starts[part] = b.length();
        maps[part++] = new Along(new Position(end.endLine(), column));
        b.append(heredoc.name());
        after = end.end();
      }
      text = b.toString();
    }

    private int part(int offset) {
      int lo = 0;
      int hi = starts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= offset) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      // an empty part (an empty body) shares its start with the next one: take the last
      return lo;
    }

    @Override
    public Position position(int offset) {
      int k = part(offset);
      return maps[k].position(offset - starts[k]);
    }

    @Override
    public SourceRange range(int startOffset, int endOffset) {
      int k = part(startOffset);
      if (endOffset > startOffset && part(endOffset - 1) == k) {
        return maps[k].range(startOffset - starts[k], endOffset - starts[k]);
      }
      return OffsetMap.super.range(startOffset, endOffset);
    }
  }

  /** Every offset at one position: the newline BuildKit puts between the line and a body. */
  private record Pinned(Position at) implements OffsetMap {
    @Override
    public Position position(int offset) {
      return at;
    }
  }

  /** Offsets along one line from a start position: a terminator line's delimiter. */
  private record Along(Position start) implements OffsetMap {
    @Override
    public Position position(int offset) {
      return new Position(start.line(), start.column() + offset);
    }
  }
}
