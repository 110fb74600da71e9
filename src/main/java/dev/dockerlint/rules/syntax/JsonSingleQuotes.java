package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/**
 * {@code CMD ['nginx']} is not JSON, so Docker silently runs it in shell form: {@code /bin/sh -c
 * "['nginx']"}, which fails at run time with "[nginx]: not found".
 */
public final class JsonSingleQuotes implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("json-single-quotes", Severity.ERROR,
      "Exec form written with single quotes runs as a shell command");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      Instruction target = instruction instanceof Onbuild o ? o.trigger() : instruction;
      CommandLine command = commandOf(target);
      if (command instanceof ShellForm shell && isSingleQuotedJson(shell.text().text())) {
        String keyword = target instanceof Healthcheck ? "HEALTHCHECK CMD" : target.name();
        context.report(shell.text(), keyword + " " + shell.text().text().strip()
            + " uses single quotes, which JSON does not allow, so it runs as a shell command; use double quotes: "
            + shell.text().text().strip().replace('\'', '"'));
      }
    }
  }

  private static CommandLine commandOf(Instruction instruction) {
    if (instruction instanceof Cmd cmd) {
      return cmd.command();
    }
    if (instruction instanceof Entrypoint entrypoint) {
      return entrypoint.command();
    }
    if (instruction instanceof Run run) {
      return run.command();
    }
    if (instruction instanceof Healthcheck healthcheck) {
      return healthcheck.command();
    }
    return null;
  }

  /**
   * True when the text starts with {@code [}, uses single quotes, and is a JSON array of strings once
   * every single quote is read as a double quote. Linear time.
   */
  static boolean isSingleQuotedJson(String text) {
    String s = text.strip();
    if (!s.startsWith("[") || s.indexOf('\'') < 0) {
      return false;
    }
    s = s.replace('\'', '"');
    int i = skipSpace(s, 1);
    if (i < s.length() && s.charAt(i) == ']') {
      return false;
    }
    while (true) {
      i = string(s, i);
      if (i < 0) {
        return false;
      }
      i = skipSpace(s, i);
      if (i >= s.length()) {
        return false;
      }
      char c = s.charAt(i);
      if (c == ']') {
        return skipSpace(s, i + 1) == s.length();
      }
      if (c != ',') {
        return false;
      }
      i = skipSpace(s, i + 1);
    }
  }

  /** The index after a JSON string starting at {@code i}, or -1. */
  private static int string(String s, int i) {
    if (i >= s.length() || s.charAt(i) != '"') {
      return -1;
    }
    i++;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c < 0x20) {
        return -1;
      }
      if (c == '\\') {
        if (i + 1 >= s.length()) {
          return -1;
        }
        char e = s.charAt(i + 1);
        if (e == 'u') {
          if (i + 6 > s.length()) {
            return -1;
          }
          for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
              return -1;
            }
          }
          i += 6;
          continue;
        }
        if ("\"\\/bfnrt".indexOf(e) < 0) {
          return -1;
        }
        i += 2;
        continue;
      }
      i++;
    }
    return -1;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }
}
