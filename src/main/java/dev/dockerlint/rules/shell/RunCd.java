package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code cd} in RUN lasts for that RUN only; the next instruction starts in WORKDIR again, which
 * surprises readers. Directories a step works in belong in WORKDIR.
 */
public final class RunCd implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("run-cd", Severity.WARNING,
      "RUN changes directory with cd instead of WORKDIR", "DL3003");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(false)) {
      List<ShellCommand> commands = run.commands();
      // worked out once per RUN, not per cd: a long RUN of cds had made this quadratic
      int lastReturn = lastReturn(commands);
      Removals removals = null;
      // the directory the main shell is in, as far as the RUN's own cds tell (null: not known)
      String cwd = null;
      String previous = null;
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand command = commands.get(i);
        if (!command.is("cd") || command.inSubshell()) {
          continue;
        }
        List<Word> targets = command.positionalArguments();
        String target = targets.isEmpty() ? "" : targets.get(0).value();
        String from = cwd;
        String to = target.equals("-") ? previous : resolve(cwd, target);
        previous = from;
        cwd = to;
        if (isReturn(target) || isTemporary(target) || lastReturn > i) {
          continue;
        }
        if (removals == null) {
          removals = removals(commands);
        }
        // cd build inside /usr/src/app is /usr/src/app/build: removing /usr/src/app removes it too
        if (removedLater(removals, i, target) || to != null && !to.equals(target) && removedLater(removals, i, to)) {
          continue;
        }
        context.report(command.range(), "'" + text(command) + "' lasts only for this RUN; set the directory with "
            + "WORKDIR " + (target.startsWith("/") ? target : "<absolute path>") + " instead");
        break; // one finding per RUN: the later cds follow from the first
      }
    }
  }

  /**
   * {@code cd}, {@code cd /}, {@code cd -}, {@code cd ..}, {@code cd ../..}, {@code cd ~}: going
   * back, not going to work somewhere.
   */
  private static boolean isReturn(String target) {
    return target.isEmpty() || target.equals("/") || target.equals("-") || isUp(target)
        || target.equals("~") || target.equals("$HOME") || target.equals("${HOME}") || target.equals("$OLDPWD");
  }

  /** {@code ..}, {@code ../..}, {@code ../../}: only steps up. */
  private static boolean isUp(String target) {
    String t = Word.normalizePath(target);
    if (t.isEmpty()) {
      return false;
    }
    for (String part : t.split("/", -1)) {
      if (!part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where {@code cd target} goes from {@code cwd}, with {@code .} and {@code ..} worked out; null
   * when that is not known (a relative target from an unknown directory, a variable, {@code ~}).
   */
  static String resolve(String cwd, String target) {
    if (target.isEmpty() || target.startsWith("~") || target.indexOf('$') >= 0 || target.indexOf('`') >= 0) {
      return null;
    }
    String path;
    if (target.startsWith("/")) {
      path = target;
    } else if (cwd == null) {
      return null;
    } else {
      path = cwd + "/" + target;
    }
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** A scratch directory: /tmp, /var/tmp, a mktemp result, a variable naming a temp dir. */
  private static boolean isTemporary(String target) {
    String t = target.toLowerCase(java.util.Locale.ROOT);
    return t.equals("/tmp") || t.startsWith("/tmp/") || t.startsWith("/var/tmp") || t.contains("mktemp")
        || t.startsWith("$tmp") || t.startsWith("${tmp") || t.startsWith("$temp") || t.startsWith("${temp")
        || t.contains("tmpdir") || t.contains("tempdir");
  }

  /**
   * The index of the last {@code cd /}, {@code cd -}, {@code cd ..} (or {@code cd ../..}) in the
   * main shell, or -1: a cd before it is temporary, and the author knows it.
   */
  private static int lastReturn(List<ShellCommand> commands) {
    for (int j = commands.size() - 1; j >= 0; j--) {
      ShellCommand c = commands.get(j);
      if (c.is("cd") && !c.inSubshell()) {
        List<Word> args = c.positionalArguments();
        String t = args.isEmpty() ? "" : args.get(0).value();
        if (t.equals("/") || t.equals("-") || isUp(t) || t.equals("$OLDPWD") || t.equals("\"$OLDPWD\"")) {
          return j;
        }
      }
    }
    return -1;
  }

  /**
   * The paths the RUN's {@code rm}s remove (normalized), each with the index of the last rm that
   * removes it, and the same for every tail of those paths after a slash; so a cd is checked with a
   * few lookups, not against every rm.
   */
  private record Removals(Map<String, Integer> byPath, Map<String, Integer> byTail) {}

  private static Removals removals(List<ShellCommand> commands) {
    Map<String, Integer> byPath = new HashMap<>();
    Map<String, Integer> byTail = new HashMap<>();
    for (int j = 0; j < commands.size(); j++) {
      ShellCommand rm = commands.get(j).unwrapped();
      if (!rm.is("rm")) {
        continue;
      }
      for (Word word : rm.positionalArguments()) {
        String removed = Word.normalizePath(word.value());
        if (removed.isEmpty() || removed.equals("/")) {
          continue;
        }
        byPath.put(removed, j);
        for (int slash = removed.indexOf('/'); slash >= 0; slash = removed.indexOf('/', slash + 1)) {
          byTail.put(removed.substring(slash + 1), j);
        }
      }
    }
    return new Removals(byPath, byTail);
  }

  /**
   * The directory is deleted later in the same RUN (a build directory): an rm after {@code index}
   * removes it, a directory above it, a relative path it ends with, or a path ending with it.
   */
  private static boolean removedLater(Removals removals, int index, String target) {
    String dir = Word.normalizePath(target);
    if (removals.byPath().getOrDefault(dir, -1) > index || removals.byTail().getOrDefault(dir, -1) > index) {
      return true;
    }
    for (int slash = dir.indexOf('/'); slash >= 0; slash = dir.indexOf('/', slash + 1)) {
      if (removals.byPath().getOrDefault(dir.substring(0, slash), -1) > index
          || removals.byPath().getOrDefault(dir.substring(slash + 1), -1) > index) {
        return true;
      }
    }
    return false;
  }

  private static String text(ShellCommand command) {
    StringBuilder b = new StringBuilder();
    for (Word w : command.words()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.raw());
    }
    return b.toString();
  }
}
