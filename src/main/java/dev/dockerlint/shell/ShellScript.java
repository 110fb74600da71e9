package dev.dockerlint.shell;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A parsed shell script: every simple command in source order, including those inside subshells,
 * brace groups, {@code if}/{@code for}/{@code while} bodies, command substitutions and
 * {@code sh -c '...'} strings.
 *
 * <p>Order: commands are listed in the order they end, so the commands nested in a command's own
 * words (its {@code $(...)} substitutions, its {@code sh -c} script) come right <em>before</em> it,
 * with a deeper {@code subshellDepth}: {@code echo $(id -u)} lists {@code id -u} then
 * {@code echo $(id -u)}.
 *
 * @param problems parse problems (unterminated quote, unbalanced parenthesis), each with the
 *     position where it was found; the commands found before the problem are still listed
 * @param notes the same problems with their ranges, and the constructs POSIX sh does not define
 *     ({@link ShellNote}), in the order the parser met them
 */
public record ShellScript(List<ShellCommand> commands, List<String> problems, List<ShellNote> notes) {
  public static final ShellScript EMPTY = new ShellScript(List.of(), List.of(), List.of());

  public ShellScript {
    commands = List.copyOf(commands);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** A script without notes (built by hand, or from parts that kept none). */
  public ShellScript(List<ShellCommand> commands, List<String> problems) {
    this(commands, problems, List.of());
  }

  /** Commands whose (unwrapped) program name is one of the given ones. */
  public List<ShellCommand> commandsNamed(String... names) {
    List<ShellCommand> named = new java.util.ArrayList<>();
    for (ShellCommand c : commands) {
      String n = c.unwrapped().name();
      for (String name : names) {
        if (n.equals(name)) {
          named.add(c);
          break;
        }
      }
    }
    return List.copyOf(named);
  }

  /**
   * The command that reads this one's output through a pipe, if any. Relies on the parser's order
   * (a command comes after the commands of its own substitutions): commands nested deeper that lie
   * inside the next command at this depth are its substitutions and are skipped; a deeper command
   * that does not is the first command of a subshell the pipe feeds ({@code curl x | (sh)}).
   */
  public Optional<ShellCommand> pipedInto(ShellCommand command) {
    if (command.separator() != Separator.PIPE) {
      return Optional.empty();
    }
    int index = -1;
    for (int i = 0; i < commands.size() && index < 0; i++) {
      if (commands.get(i) == command) {
        index = i;
      }
    }
    if (index < 0) {
      index = commands.indexOf(command);
    }
    int reader = index < 0 ? -1 : pipeReader(index);
    return reader < 0 ? Optional.empty() : Optional.of(commands.get(reader));
  }

  /**
   * {@link #pipedInto(ShellCommand)} by position: the index in {@link #commands()} of the command
   * that reads the output of the command at {@code index}, or -1. For rules that walk the commands
   * by index, where looking each command up again would make them quadratic.
   */
  public int pipeReader(int index) {
    ShellCommand command = commands.get(index);
    if (command.separator() != Separator.PIPE || index + 1 >= commands.size()) {
      return -1;
    }
    ShellCommand first = commands.get(index + 1);
    int depth = command.subshellDepth();
    if (first.subshellDepth() == depth) {
      return index + 1;
    }
    if (first.subshellDepth() < depth) {
      return -1; // the enclosing substitution ends after the pipe: a syntax error
    }
    for (int i = index + 1; i < commands.size(); i++) {
      ShellCommand next = commands.get(i);
      if (next.subshellDepth() < depth) {
        break; // left the enclosing list: first was in a subshell the pipe feeds
      }
      if (next.subshellDepth() == depth) {
        return next.range().contains(first.range()) ? i : index + 1;
      }
    }
    return index + 1;
  }

  /** For a {@link #lastIndexOf} result kept by a caller: not looked for yet (-1 is looked for, none). */
  public static final int NOT_SEARCHED = -2;

  /**
   * The index of the last command (wrappers looked through) that {@code matches}, or -1. Rules ask
   * "is there a clean-up after command i?", which is "is the last clean-up after i?": one scan of
   * the script answers it for every command, where a scan per command was quadratic. Callers pass a
   * class or enum, not a lambda: linking lambdas costs start-up time (bench/README.md).
   */
  public int lastIndexOf(Predicate<ShellCommand> matches) {
    for (int j = commands.size() - 1; j >= 0; j--) {
      if (matches.test(commands.get(j).unwrapped())) {
        return j;
      }
    }
    return -1;
  }

  public boolean hasPipe() {
    for (ShellCommand c : commands) {
      if (c.separator() == Separator.PIPE) {
        return true;
      }
    }
    return false;
  }
}
