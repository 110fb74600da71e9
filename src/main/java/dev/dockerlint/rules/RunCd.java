package dev.dockerlint.rules;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;

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
    for (RunScripts.ShellRun run : RunScripts.shellRuns(file, false)) {
      List<ShellCommand> commands = run.commands();
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand command = commands.get(i);
        if (!command.is("cd") || command.inSubshell()) {
          continue;
        }
        List<Word> targets = command.positionalArguments();
        String target = targets.isEmpty() ? "" : targets.get(0).value();
        if (isReturn(target) || isTemporary(target) || removedLater(commands, i, target)
            || returnsLater(commands, i)) {
          continue;
        }
        context.report(command.range(), "'" + text(command) + "' lasts only for this RUN; set the directory with "
            + "WORKDIR " + (target.startsWith("/") ? target : "<absolute path>") + " instead");
        break; // one finding per RUN: the later cds follow from the first
      }
    }
  }

  /** {@code cd}, {@code cd /}, {@code cd -}, {@code cd ..}, {@code cd ~}: going back, not going to work somewhere. */
  private static boolean isReturn(String target) {
    return target.isEmpty() || target.equals("/") || target.equals("-") || target.equals("..")
        || target.equals("~") || target.equals("$HOME") || target.equals("${HOME}") || target.equals("$OLDPWD");
  }

  /** A scratch directory: /tmp, /var/tmp, a mktemp result, a variable naming a temp dir. */
  private static boolean isTemporary(String target) {
    String t = target.toLowerCase(java.util.Locale.ROOT);
    return t.equals("/tmp") || t.startsWith("/tmp/") || t.startsWith("/var/tmp") || t.contains("mktemp")
        || t.startsWith("$tmp") || t.startsWith("${tmp") || t.startsWith("$temp") || t.startsWith("${temp")
        || t.contains("tmpdir") || t.contains("tempdir");
  }

  /** A later {@code cd /}, {@code cd -}, {@code cd ..} in the main shell: the author knows the cd is temporary. */
  private static boolean returnsLater(List<ShellCommand> commands, int index) {
    for (int j = index + 1; j < commands.size(); j++) {
      ShellCommand c = commands.get(j);
      if (c.is("cd") && !c.inSubshell()) {
        List<Word> args = c.positionalArguments();
        String t = args.isEmpty() ? "" : args.get(0).value();
        if (t.equals("/") || t.equals("-") || t.equals("..") || t.equals("$OLDPWD") || t.equals("\"$OLDPWD\"")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The directory (or one containing it) is deleted later in the same RUN: a build directory. */
  private static boolean removedLater(List<ShellCommand> commands, int index, String target) {
    String dir = RunScripts.normalize(target);
    for (int j = index + 1; j < commands.size(); j++) {
      ShellCommand rm = commands.get(j).unwrapped();
      if (!rm.is("rm")) {
        continue;
      }
      for (Word word : rm.positionalArguments()) {
        String removed = RunScripts.normalize(word.value());
        if (removed.isEmpty() || removed.equals("/")) {
          continue;
        }
        if (dir.equals(removed) || dir.startsWith(removed + "/") || dir.endsWith("/" + removed) || removed.endsWith("/" + dir)) {
          return true;
        }
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
