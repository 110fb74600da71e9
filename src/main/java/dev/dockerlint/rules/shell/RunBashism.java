package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellDialect;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellNote;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.Map;

/**
 * Bash syntax in a RUN that {@code /bin/sh} runs. Debian's and Ubuntu's {@code /bin/sh} is dash,
 * which rejects it (a syntax error or "not found") or, worse, does something else without a word
 * ({@code &>} backgrounds the command, {@code {a,b}} stays as written). busybox ash (Alpine)
 * accepts much of bash; there only what it lacks is reported: arrays, brace expansion,
 * {@code pushd}/{@code popd}. Each finding stands for ShellCheck's code for the same construct.
 */
public final class RunBashism implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("run-bashism", Severity.WARNING,
      "Bash-only syntax in a RUN that /bin/sh runs", "SC2112", "SC2113", "SC3003", "SC3009", "SC3010", "SC3011",
      "SC3014", "SC3020", "SC3030", "SC3044", "SC3046", "SC3054");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Map<Run, ShellDialect> dialects = null;
    for (ShellRun run : file.shellRuns(true)) {
      if (run.commands().isEmpty() && run.script().notes().isEmpty()) {
        continue;
      }
      if (dialects == null) {
        dialects = ShellDialect.ofRuns(file);
      }
      ShellDialect stage = dialects.getOrDefault(run.run(), ShellDialect.SH);
      ShellDialect.Regions regions = stage.regions((ShellForm) run.run().command());
      for (ShellNote note : run.script().notes()) {
        Construct construct = Construct.of(note.kind());
        if (construct != null) {
          report(context, regions, construct, note.range(), note.detail());
        }
      }
      for (ShellCommand command : run.commands()) {
        if (command.words().isEmpty()) {
          continue;
        }
        Word name = command.words().get(0);
        if (command.is("source")) {
          report(context, regions, Construct.SOURCE, name.range(), "source");
        } else if (name.raw().equals("[[")) {
          report(context, regions, Construct.DOUBLE_BRACKET, name.range(), "[[ ... ]]");
        } else if (command.is("pushd") || command.is("popd")) {
          report(context, regions, Construct.PUSHD, name.range(), command.name());
        } else if (name.raw().equals("[") || command.is("test")) {
          for (Word argument : command.arguments()) {
            if (argument.value().equals("==")) {
              report(context, regions, Construct.DOUBLE_EQUALS, argument.range(), "==");
            }
          }
        }
      }
    }
  }

  private static void report(RuleContext context, ShellDialect.Regions regions, Construct construct,
      SourceRange range, String written) {
    ShellDialect dialect = regions.at(range);
    if (!dialect.isPlainSh() || dialect == ShellDialect.BUSYBOX && !construct.failsInBusybox) {
      return;
    }
    String shell = dialect == ShellDialect.DASH ? "dash" : dialect == ShellDialect.BUSYBOX ? "busybox sh" : "/bin/sh";
    context.reportAs(range, construct.message(written, shell), construct.codes);
  }

  /** The constructs reported, each with what goes wrong in sh and ShellCheck's codes for it. */
  private enum Construct {
    SOURCE(false, "is a bash command: {sh} fails with 'not found'; use '. FILE' instead", "SC3046"),
    DOUBLE_BRACKET(false, "is bash syntax: {sh} fails with '[[: not found', so the test is never true; use "
        + "'[ ... ]' or SHELL [\"/bin/bash\", \"-c\"]", "SC3010"),
    DOUBLE_EQUALS(false, "in a test is bash's: the '[' of {sh} rejects it ('unexpected operator'), so the test is "
        + "false; use '='", "SC3014"),
    ARRAY(true, "is a bash array: {sh} fails with a syntax error; use a string of words or SHELL "
        + "[\"/bin/bash\", \"-c\"]", "SC3030"),
    ARRAY_REFERENCE(true, "is a bash array reference: {sh} fails with 'Bad substitution'; use a string of words or "
        + "SHELL [\"/bin/bash\", \"-c\"]", "SC3054"),
    FUNCTION(false, "is a bash keyword: {sh} fails with a syntax error; define the function as 'name() { ...; }'",
        "SC2112", "SC2113"),
    HERE_STRING(false, "is a bash here-string: {sh} fails with a syntax error; pipe the text in with printf or use "
        + "a heredoc", "SC3011"),
    AMPERSAND_REDIRECT(false, "is bash's: {sh} runs the command in the background and empties the file instead; use "
        + "'> FILE 2>&1'", "SC3020"),
    BRACE_EXPANSION(true, "is bash brace expansion: {sh} passes it on as written; spell the words out", "SC3009"),
    ANSI_C_QUOTE(false, "is bash's ANSI-C quoting: {sh} keeps the '$' and the backslashes; make the text with printf",
        "SC3003"),
    PUSHD(true, "is a bash command: {sh} fails with 'not found'; use 'cd DIR' and 'cd -'", "SC3044");

    final boolean failsInBusybox;
    final String text;
    final String[] codes;

    Construct(boolean failsInBusybox, String text, String... codes) {
      this.failsInBusybox = failsInBusybox;
      this.text = text;
      this.codes = codes;
    }

    String message(String written, String shell) {
      return "'" + written + "' " + text.replace("{sh}", shell);
    }

    static Construct of(ShellNote.Kind kind) {
      return switch (kind) {
        case ARRAY -> ARRAY;
        case ARRAY_REFERENCE -> ARRAY_REFERENCE;
        case FUNCTION_KEYWORD -> FUNCTION;
        case HERE_STRING -> HERE_STRING;
        case AMPERSAND_REDIRECT -> AMPERSAND_REDIRECT;
        case BRACE_EXPANSION -> BRACE_EXPANSION;
        case ANSI_C_QUOTE -> ANSI_C_QUOTE;
        default -> null;
      };
    }
  }
}
