package dev.dockerlint.ast;

import dev.dockerlint.shell.ShellScript;
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
}
