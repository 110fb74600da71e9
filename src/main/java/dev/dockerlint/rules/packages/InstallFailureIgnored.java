package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import dev.dockerlint.shell.pkg.Pip;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code apt-get install -y foo || true} turns a failed install into a successful build: the image
 * ships without the package, and the failure shows up later, at run time, far from its cause.
 */
public final class InstallFailureIgnored implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("install-failure-ignored", Severity.WARNING,
      "A package install's failure is swallowed by '|| true' or '|| exit 0'");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      List<ShellCommand> commands = run.commands();
      int[] swallowers = swallowers(commands);
      Set<ShellCommand> reported = Collections.newSetFromMap(new IdentityHashMap<>());
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand install = commands.get(i).invoked();
        if (install == null || install.is("go") || !PackageManager.installs(install)) {
          continue; // 'go get x || true' is the GOPATH idiom for fetching a tree that does not build at its root
        }
        ShellCommand swallower = swallowers[i] < 0 ? null : commands.get(swallowers[i]);
        if (swallower != null && reported.add(swallower)) {
          context.report(swallower.range(), "'|| " + text(swallower) + "' swallows a failure of '" + label(install)
              + "', so the build goes on without the packages; "
              + "remove it, or handle the one failure you expect");
        }
      }
    }
  }

  /**
   * For each command, the index of the command it falls through to when it fails, if that one
   * always succeeds, else -1: the command and the commands joined to it by {@code &&} or a pipe,
   * then {@code ||} and {@code true}, {@code :}, {@code exit 0}, or an {@code echo}/{@code printf}
   * not followed by {@code exit 1} or {@code false}. Worked out from the end, so that a chain of
   * many commands is walked once, not once per command.
   */
  private static int[] swallowers(List<ShellCommand> commands) {
    int[] result = new int[commands.size()];
    for (int at = commands.size() - 1; at >= 0; at--) {
      result[at] = -1;
      Separator separator = commands.get(at).separator();
      if (separator != Separator.AND && separator != Separator.PIPE && separator != Separator.OR) {
        continue;
      }
      int next = nextAtSameDepth(commands, at);
      if (next < 0) {
        continue;
      }
      result[at] = separator == Separator.OR ? (alwaysSucceeds(commands, next) ? next : -1) : result[next];
    }
    return result;
  }

  /**
   * The index of the command after {@code at} in the same list, or -1. Deeper commands in between
   * must be substitutions inside that command: a subshell or group in between ({@code a && (b) || c})
   * hides the operator that joins it, so the answer would be a guess.
   */
  private static int nextAtSameDepth(List<ShellCommand> commands, int at) {
    int depth = commands.get(at).subshellDepth();
    for (int j = at + 1; j < commands.size(); j++) {
      ShellCommand c = commands.get(j);
      if (c.subshellDepth() < depth) {
        return -1;
      }
      if (c.subshellDepth() == depth) {
        for (int k = at + 1; k < j; k++) {
          if (!c.range().contains(commands.get(k).range())) {
            return -1;
          }
        }
        return j;
      }
    }
    return -1;
  }

  private static boolean alwaysSucceeds(List<ShellCommand> commands, int index) {
    ShellCommand command = commands.get(index);
    if (command.words().isEmpty()) {
      return false;
    }
    List<Word> args = command.arguments();
    if (command.is("true") || command.is(":")) {
      return true;
    }
    if (command.is("exit")) {
      return args.size() == 1 && args.get(0).value().equals("0");
    }
    if (!command.is("echo") && !command.is("printf")) {
      return false;
    }
    // a message, then 'exit 1' or 'false' ({ echo failed >&2; exit 1; }) reports the failure
    if (command.separator() != Separator.AND && command.separator() != Separator.SEQUENCE) {
      return true;
    }
    int next = nextAtSameDepth(commands, index);
    if (next < 0) {
      return true;
    }
    ShellCommand after = commands.get(next);
    List<Word> afterArgs = after.arguments();
    boolean fails = after.is("false")
        || after.is("exit") && afterArgs.size() == 1 && !afterArgs.get(0).value().equals("0");
    return !fails;
  }

  /** {@code apt-get install}, {@code python3 -m pip install}: the install as a message names it. */
  private static String label(ShellCommand install) {
    int pip = Pip.installIndex(install, true);
    StringBuilder out = new StringBuilder(install.name());
    if (pip < 0) {
      return out.append(' ').append(PackageManager.subcommand(install).value()).toString();
    }
    for (Word word : install.words().subList(1, pip + 1)) {
      out.append(' ').append(word.value());
    }
    return out.toString();
  }

  /** The command as a message quotes it: its words, cut short. */
  private static String text(ShellCommand command) {
    StringBuilder out = new StringBuilder();
    for (Word word : command.words()) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(word.raw());
      if (out.length() > 40) {
        return out.substring(0, 40) + "...";
      }
    }
    return out.toString();
  }
}
