package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;

/**
 * Edits of a shell-form RUN that fixes share, built from the ranges the shell model holds: a flag
 * after a word, a command appended to the script. Each returns null where the edit could not be
 * made safely, and the finding then has no fix.
 */
final class RunEdits {
  private RunEdits() {}

  /** Inserts {@code " " + text} right after a word ({@code install} gets {@code --no-install-recommends}). */
  static Edit after(Word word, String text) {
    return Edit.insert(word.range().end(), " " + text);
  }

  /**
   * Appends {@code && command} to a RUN's script, in the RUN's continuation style: on the same
   * line for a one-line RUN; else on a new line, with the last line's indentation and the file's
   * escape character, {@code && } leading the line when the last line starts with an operator, else
   * trailing the line before. Null for a RUN that is not plain shell form (exec form, heredocs), a
   * script the shell parser had problems with, or one whose last simple command does not end the
   * text (a compound command, a trailing comment or separator).
   */
  static Edit append(Dockerfile file, Run run, ShellScript script, String command) {
    if (!(run.command() instanceof ShellForm shell) || !shell.heredocs().isEmpty() || !script.problems().isEmpty()
        || !shell.posixShell()) {
      return null;
    }
    ShellCommand last = null;
    for (ShellCommand c : script.commands()) {
      if (c.subshellDepth() == 0 && shell.range().contains(c.range())) {
        last = c;
      }
    }
    if (last == null || last.separator() != Separator.END) {
      return null;
    }
    SourceRange text = shell.range();
    String after = file.source().slice(new SourceRange(last.range().end(), text.end()));
    if (!after.isBlank()) {
      return null;
    }
    int line = last.range().endLine();
    if (line == run.range().startLine()) {
      return Edit.insert(last.range().end(), " && " + command);
    }
    String lastLine = file.source().line(line);
    int indent = 0;
    while (indent < lastLine.length() && (lastLine.charAt(indent) == ' ' || lastLine.charAt(indent) == '\t')) {
      indent++;
    }
    String spaces = lastLine.substring(0, indent);
    String rest = lastLine.substring(indent);
    char escape = file.escape();
    boolean leading = rest.startsWith("&&") || rest.startsWith("||") || rest.startsWith("|") || rest.startsWith(";");
    return Edit.insert(last.range().end(), leading ? " " + escape + "\n" + spaces + "&& " + command
        : " && " + escape + "\n" + spaces + command);
  }
}
