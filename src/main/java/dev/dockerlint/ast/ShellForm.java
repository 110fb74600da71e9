package dev.dockerlint.ast;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.List;

/**
 * A shell-form command. {@code script} is the parsed shell: the command line and the bodies of the
 * heredocs a shell runs ({@link #heredocScripts}): the heredoc that is the whole command
 * ({@code RUN <<EOF}, unless a {@code #!} line names another interpreter), or one a shell reads as
 * its script ({@code RUN bash <<EOF}, {@code RUN <<EOF sh -e}). Bodies given to other programs are
 * data and not parsed.
 * {@code posixShell} is false when the stage's SHELL is not a POSIX shell (pwsh, cmd); the script
 * is then {@link ShellScript#EMPTY} so shell rules stay silent rather than guess.
 *
 * @param text the command text as BuildKit joins it (heredoc bodies not included)
 * @param heredocScripts the heredocs whose bodies a shell runs as its script (RUN only), in order
 */
public record ShellForm(Token text, List<Heredoc> heredocs, ShellScript script, boolean posixShell,
    List<HeredocScript> heredocScripts) implements CommandLine {
  public ShellForm {
    heredocs = List.copyOf(heredocs);
    heredocScripts = List.copyOf(heredocScripts);
  }

  /** A command without heredoc scripts (CMD, ENTRYPOINT, a RUN whose heredocs are data). */
  public ShellForm(Token text, List<Heredoc> heredocs, ShellScript script, boolean posixShell) {
    this(text, heredocs, script, posixShell, List.of());
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
