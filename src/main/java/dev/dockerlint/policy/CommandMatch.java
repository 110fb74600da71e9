package dev.dockerlint.policy;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import java.util.List;

/**
 * A test of one shell command of a RUN ({@code run:} in a pack): its program name, subcommand,
 * flags and arguments, what it pipes into, and {@code all}/{@code any}/{@code not} of those. The
 * command is seen as the program it really runs ({@code sudo apt-get} is {@code apt-get}), and
 * also as written, so a rule can name the wrapper itself.
 */
abstract class CommandMatch {
  /**
   * @param script the script the command belongs to, for {@code piped-into}; null for an exec-form RUN
   * @param index the command's index in the script, or -1
   */
  abstract boolean matches(ShellCommand command, ShellScript script, int index);

  static final class Name extends CommandMatch {
    private final TextMatch name;

    Name(TextMatch name) {
      this.name = name;
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      return name.matches(command.name());
    }
  }

  static final class Subcommand extends CommandMatch {
    private final TextMatch subcommand;

    Subcommand(TextMatch subcommand) {
      this.subcommand = subcommand;
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      return subcommand.matches(command.subcommand().orElse(null));
    }
  }

  /** Every one of the flags is given ({@code -y} also inside {@code -qy}, {@code --yes} also as {@code --yes=...}). */
  static final class Flags extends CommandMatch {
    private final String[] flags;

    Flags(List<String> flags) {
      this.flags = flags.toArray(new String[0]);
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      for (String flag : flags) {
        if (!command.hasFlag(flag)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Some argument (flags included, quotes removed) matches. */
  static final class Argument extends CommandMatch {
    private final TextMatch argument;

    Argument(TextMatch argument) {
      this.argument = argument;
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      for (Word word : command.arguments()) {
        if (argument.matches(word.value())) {
          return true;
        }
      }
      return false;
    }
  }

  /** Some command later in the same pipeline ({@code curl x | tee f | sh}) matches. */
  static final class PipedInto extends CommandMatch {
    private final CommandMatch reader;

    PipedInto(CommandMatch reader) {
      this.reader = reader;
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      if (script == null || index < 0) {
        return false;
      }
      List<ShellCommand> commands = script.commands();
      int at = index;
      for (int guard = 0; guard < commands.size(); guard++) {
        int next = script.pipeReader(at);
        if (next < 0 || next <= at) {
          return false;
        }
        if (CommandMatch.test(reader, commands.get(next), script, next)) {
          return true;
        }
        at = next;
      }
      return false;
    }
  }

  static final class All extends CommandMatch {
    private final CommandMatch[] parts;

    All(List<CommandMatch> parts) {
      this.parts = parts.toArray(new CommandMatch[0]);
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      for (CommandMatch part : parts) {
        if (!part.matches(command, script, index)) {
          return false;
        }
      }
      return true;
    }
  }

  static final class Any extends CommandMatch {
    private final CommandMatch[] options;

    Any(List<CommandMatch> options) {
      this.options = options.toArray(new CommandMatch[0]);
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      for (CommandMatch option : options) {
        if (option.matches(command, script, index)) {
          return true;
        }
      }
      return false;
    }
  }

  static final class Not extends CommandMatch {
    private final CommandMatch inner;

    Not(CommandMatch inner) {
      this.inner = inner;
    }

    @Override
    boolean matches(ShellCommand command, ShellScript script, int index) {
      return !inner.matches(command, script, index);
    }
  }

  /**
   * Whether a command of a script matches, as the program it runs or as written: {@code sudo
   * apt-get install} is tested as {@code apt-get install} and as {@code sudo ...}.
   */
  static boolean test(CommandMatch match, ShellCommand raw, ShellScript script, int index) {
    ShellCommand invoked = raw.invoked();
    if (invoked == null) {
      return false;
    }
    if (match.matches(invoked, script, index)) {
      return true;
    }
    return invoked != raw && match.matches(raw, script, index);
  }
}
