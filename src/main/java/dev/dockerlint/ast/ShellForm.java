package dev.dockerlint.ast;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.List;

/**
 * A shell-form command. {@code script} is the parsed shell: the command line and, when a heredoc is
 * the script itself ({@code RUN <<EOF}) or is fed to a shell ({@code RUN bash <<EOF}), its body.
 * {@code posixShell} is false when the stage's SHELL is not a POSIX shell (pwsh, cmd); the script
 * is then {@link ShellScript#EMPTY} so shell rules stay silent rather than guess.
 *
 * @param text the command text as BuildKit joins it (heredoc bodies not included)
 */
public record ShellForm(Token text, List<Heredoc> heredocs, ShellScript script, boolean posixShell)
    implements CommandLine {
  public ShellForm {
    heredocs = List.copyOf(heredocs);
  }

  @Override
  public SourceRange range() {
    return text.range();
  }

  /**
   * Whether the command is heredocs alone ({@code RUN <<EOF}, {@code RUN <<A <<B}): their bodies
   * are the script, run by the stage's shell (or their shebang's program).
   */
  public boolean onlyHeredocs() {
    if (heredocs.isEmpty()) {
      return false;
    }
    StringBuilder rest = new StringBuilder(text.text());
    int from = 0;
    for (Heredoc heredoc : heredocs) {
      String word = heredoc.word().text();
      int at = rest.indexOf(word, from);
      if (at < 0) {
        return false;
      }
      for (int i = at; i < at + word.length(); i++) {
        rest.setCharAt(i, ' ');
      }
      from = at + word.length();
    }
    return rest.toString().isBlank();
  }

  /**
   * The shell that reads a heredoc as its script: {@code RUN bash -e <<EOF}, a shell given
   * options only (no {@code -c}); null when the heredoc is data for another program (cat,
   * python, tee) or the command is heredocs alone ({@link #onlyHeredocs()}).
   */
  public ShellCommand shellReading(Heredoc heredoc) {
    for (ShellCommand command : script.commands()) {
      if (command.subshellDepth() != 0 || !command.range().contains(heredoc.word().range())) {
        continue;
      }
      ShellCommand program = command.unwrapped();
      if (!ShellCommand.SHELLS.contains(program.name())) {
        return null;
      }
      for (Word argument : program.arguments()) {
        if (!argument.value().startsWith("-") || argument.value().equals("-c")) {
          return null;
        }
      }
      return program;
    }
    return null;
  }
}
