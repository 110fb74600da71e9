package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;

/**
 * A shell-form CMD or ENTRYPOINT runs under {@code /bin/sh -c}: the shell is PID 1 and does not pass
 * SIGTERM on, so {@code docker stop} waits and then kills. As BuildKit does, a stage that set SHELL
 * (itself or a stage it is built on) chose its shell on purpose and is not reported; neither is a
 * command that ends by {@code exec}-ing its program, which replaces the shell.
 */
public final class JsonArgs implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("json-args", Severity.WARNING,
      "CMD or ENTRYPOINT in shell form does not receive stop signals", "DL3025", "JSONArgsRecommended")
      .fixable(Applicability.UNSAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      boolean shellSet = file.inherited(stage, Shell.class).isPresent();
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Shell) {
          shellSet = true;
        }
        CommandLine command = instruction instanceof Cmd cmd ? cmd.command()
            : instruction instanceof Entrypoint entrypoint ? entrypoint.command() : null;
        if (shellSet || !(command instanceof ShellForm shell) || shell.text().text().isBlank()
            || JsonSingleQuotes.isSingleQuotedJson(shell.text().text()) || execs(shell)) {
          continue;
        }
        context.report(shell.text().range(), instruction.name() + " in shell form runs under /bin/sh -c, which does not "
            + "forward stop signals; write it as a JSON array (" + instruction.name()
            + " [\"executable\", \"arg\"]) or start it with exec", fix(shell));
      }
    }
  }

  /** True when the command's last step is {@code exec}, so the program replaces the shell. */
  /**
   * The command as a JSON array, when it is one simple command of plain words: no expansion, glob,
   * redirection, operator or comment, nothing the shell would have done. Unsafe: the program then
   * runs without a shell, and an ENTRYPOINT in exec form takes CMD's arguments where the shell
   * form ignored them.
   */
  private static Fix fix(ShellForm shell) {
    ShellScript script = shell.script();
    if (!shell.posixShell() || !shell.heredocs().isEmpty() || !script.problems().isEmpty()
        || script.commands().size() != 1 || shell.range().startLine() != shell.range().endLine()) {
      return null;
    }
    ShellCommand command = script.commands().get(0);
    if (!command.assignments().isEmpty() || command.words().isEmpty() || command.subshellDepth() != 0) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    StringBuilder json = new StringBuilder("[");
    for (Word word : command.words()) {
      String v = word.value();
      if (word.expands() || v.isEmpty() && !word.quoted() || !plain(word)) {
        return null;
      }
      if (joined.length() > 0) {
        joined.append(' ');
        json.append(", ");
      }
      joined.append(word.raw());
      json.append('"');
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"' || c == '\\') {
          json.append('\\');
        }
        if (c < 0x20) {
          return null;
        }
        json.append(c);
      }
      json.append('"');
    }
    json.append(']');
    // every character of the text is one of the words or the blanks between them: no redirection or operator
    if (!joined.toString().equals(shell.text().text().strip().replaceAll("[ \t]+", " "))) {
      return null;
    }
    return Fix.unsafe("Write it as a JSON array", Edit.replace(shell.text().range(), json.toString()));
  }

  /** A word the shell leaves as written: no glob, tilde, brace, or character the shell treats specially. */
  private static boolean plain(Word word) {
    String raw = word.raw();
    if (word.quoted()) {
      // one quoted string, nothing special inside single quotes; no $ ` \\ inside double quotes
      boolean single = raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'") && raw.indexOf('\'', 1) == raw.length() - 1;
      if (single) {
        return true;
      }
      if (raw.length() < 2 || !raw.startsWith("\"") || !raw.endsWith("\"")) {
        return false;
      }
      for (int i = 1; i < raw.length() - 1; i++) {
        char c = raw.charAt(i);
        if (c == '"' || c == '$' || c == '`' || c == '\\') {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ("*?[]{}~$`\\'\"|&;<>()#!=".indexOf(c) >= 0 || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean execs(ShellForm shell) {
    ShellCommand last = null;
    for (ShellCommand command : shell.script().commands()) {
      if (command.subshellDepth() == 0) {
        last = command;
      }
    }
    return last != null && last.is("exec");
  }
}
