package dev.dockerlint.shell;

import java.util.List;
import java.util.Optional;

/**
 * A parsed shell script: every simple command in source order, including those inside subshells,
 * brace groups, {@code if}/{@code for}/{@code while} bodies, command substitutions and
 * {@code sh -c '...'} strings.
 *
 * @param problems parse problems (unterminated quote, unbalanced parenthesis); the commands found
 *     before the problem are still listed
 */
public record ShellScript(List<ShellCommand> commands, List<String> problems) {
  public static final ShellScript EMPTY = new ShellScript(List.of(), List.of());

  public ShellScript {
    commands = List.copyOf(commands);
    problems = List.copyOf(problems);
  }

  /** Commands whose (unwrapped) program name is one of the given ones. */
  public List<ShellCommand> commandsNamed(String... names) {
    return commands.stream()
        .filter(c -> {
          String n = c.unwrapped().name();
          for (String name : names) {
            if (n.equals(name)) {
              return true;
            }
          }
          return false;
        })
        .toList();
  }

  /** The command that reads this one's output through a pipe, if any. */
  public Optional<ShellCommand> pipedInto(ShellCommand command) {
    int index = commands.indexOf(command);
    if (index < 0 || command.separator() != Separator.PIPE) {
      return Optional.empty();
    }
    for (int i = index + 1; i < commands.size(); i++) {
      // skip commands nested deeper (substitutions inside the next command's words come first)
      if (commands.get(i).subshellDepth() <= command.subshellDepth()) {
        return Optional.of(commands.get(i));
      }
    }
    return Optional.empty();
  }

  public boolean hasPipe() {
    return commands.stream().anyMatch(c -> c.separator() == Separator.PIPE);
  }
}
