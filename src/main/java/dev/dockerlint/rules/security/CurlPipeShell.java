package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.Pip;
import java.util.List;
import java.util.Optional;

/**
 * {@code curl https://x/install.sh | sh} runs whatever the server (or anyone between) sends at
 * build time, unverified, as root; a truncated download runs half a script.
 */
public final class CurlPipeShell implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("curl-pipe-shell", Severity.WARNING,
      "A downloaded script is piped straight into a shell or interpreter").withTags("security").security(6.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      ShellScript script = run.script();
      for (ShellCommand raw : script.commands()) {
        ShellCommand command = raw.invoked();
        if (command == null) {
          continue;
        }
        if (isDownloader(command) && raw.separator() == Separator.PIPE) {
          ShellCommand current = raw;
          Optional<ShellCommand> next = script.pipedInto(current);
          while (next.isPresent()) {
            ShellCommand reader = next.get().unwrapped();
            if (readsScriptFromStdin(reader)) {
              context.report(raw.range().union(next.get().range()), message(command.name(), reader.name()));
              break;
            }
            current = next.get();
            next = script.pipedInto(current);
          }
        } else if (isInterpreter(command.name())) {
          // sh -c "$(curl -fsSL https://x)", bash <(curl -fsSL https://x)
          for (Word word : command.arguments()) {
            String v = word.value();
            for (String opener : List.of("$(curl", "$(wget", "<(curl", "<(wget", "`curl", "`wget")) {
              if (v.startsWith(opener + " ")) {
                context.report(raw.range(), message(opener.substring(opener.length() - 4), command.name()));
                break;
              }
            }
          }
        }
      }
    }
  }

  private static boolean isDownloader(ShellCommand command) {
    return command.is("curl") || command.is("wget");
  }

  private static boolean isInterpreter(String name) {
    return switch (name) {
      case "sh", "bash", "zsh", "dash", "ash", "ksh", "mksh", "fish", "perl", "ruby", "node", "php" -> true;
      default -> Pip.isPython(name);
    };
  }

  /**
   * An interpreter that takes its program from stdin: no script argument, or {@code -}, {@code -s},
   * {@code /dev/stdin}. {@code python3 -c '...'} or {@code sh -c '...'} reading data is not.
   */
  private static boolean readsScriptFromStdin(ShellCommand command) {
    if (!isInterpreter(command.name())) {
      return false;
    }
    String name = command.name();
    boolean inline = command.hasFlag("-c")
        || Pip.isPython(name) && command.hasFlag("-m")
        || (name.equals("perl") || name.equals("ruby") || name.equals("node")) && command.hasFlag("-e")
        || name.equals("php") && command.hasFlag("-r");
    if (inline) {
      return false;
    }
    if (command.hasFlag("-s")) {
      return true;
    }
    List<Word> positional = command.positionalArguments();
    for (Word w : command.arguments()) {
      if (w.value().equals("-")) {
        return true;
      }
    }
    return positional.isEmpty() || positional.get(0).value().equals("/dev/stdin");
  }

  private static String message(String downloader, String interpreter) {
    return "'" + downloader + "' output piped into '" + interpreter + "' runs unverified remote code; download to a "
        + "file, check its checksum or signature, then run it";
  }
}
