package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.HeredocScript;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.pkg.Pip;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.Credentials;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.List;

/**
 * A credential in a well-known format ({@link Credentials}) written into the Dockerfile: it ends up in the image (ENV,
 * LABEL, files written by RUN), in the build history (ARG, RUN text) and in version control. In
 * heredoc bodies (files written by COPY, ADD and RUN, scripts run by RUN) also a password, token or
 * secret assigned a literal value ({@code admin_password = hunter2}; see {@link HeredocAssignments}).
 */
public final class SecretLiteral implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("secret-literal", Severity.ERROR,
      "A credential is written in the Dockerfile").withTags("security").security(9.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean findsSecrets() {
    return true;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    SourceText source = file.source();
    List<Instruction> instructions = file.instructions();
    int[] starts = new int[instructions.size()];
    int[] ends = new int[instructions.size()];
    for (int i = 0; i < starts.length; i++) {
      SourceRange range = instructions.get(i).range();
      starts[i] = offset(source, range.start().line(), range.start().column());
      ends[i] = offset(source, range.end().line(), range.end().column());
    }
    // one pass over the whole text: scanning per instruction made every search run to the end of
    // the file, quadratic on large files
    List<Credentials.Found> secrets = Credentials.scan(source.text(), 0, source.text().length());
    for (Credentials.Found secret : secrets) {
      context.redact(source.range(secret.start(), secret.end())); // masked in comments too
      if (!insideInstruction(secret, starts, ends)) {
        continue; // comments between instructions are not part of the image
      }
      context.report(source.range(secret.start(), secret.end()), secret.kind() + " '" + secret.masked()
          + "' is written in the Dockerfile; revoke it and pass credentials at build time with "
          + "RUN --mount=type=secret instead");
    }
    for (Instruction instruction : instructions) {
      Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
      if (target instanceof FileTransfer transfer) {
        boolean code = transfer.destination() != null && isCodeFile(transfer.destination().text());
        for (Heredoc heredoc : transfer.heredocs()) {
          checkAssignments(source, heredoc, code, secrets, context);
        }
      } else if (target instanceof Run run && run.command() instanceof ShellForm shell) {
        boolean interpreter = runsInterpreter(shell);
        for (Heredoc heredoc : shell.heredocs()) {
          checkAssignments(source, heredoc, interpreter && !isScript(run, heredoc), secrets, context);
        }
      }
    }
  }

  /** File names whose contents are program code: there only quoted values are literals. */
  private static final String[] CODE_EXTENSIONS = {".py", ".js", ".mjs", ".cjs", ".ts", ".rb", ".php", ".go",
      ".java", ".kt", ".scala", ".groovy", ".pl", ".pm", ".lua", ".rs", ".c", ".h", ".cc", ".cpp", ".cs", ".swift",
      ".r", ".jl", ".ex", ".exs"};

  private static boolean isCodeFile(String destination) {
    String d = destination.toLowerCase(java.util.Locale.ROOT);
    for (String extension : CODE_EXTENSIONS) {
      if (d.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }

  /** Programs whose heredoc bodies are code: python3 <<EOF, node <<EOF. */
  private static final java.util.Set<String> INTERPRETERS =
      java.util.Set.of("node", "nodejs", "deno", "bun", "perl", "ruby", "php", "lua", "Rscript", "julia", "groovy");

  private static boolean runsInterpreter(ShellForm shell) {
    for (ShellCommand command : shell.script().commands()) {
      String name = command.unwrapped().name();
      if (Pip.isPython(name) || INTERPRETERS.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isScript(Run run, Heredoc heredoc) {
    for (HeredocScript script : run.heredocScripts()) {
      if (script.heredoc() == heredoc) {
        return true;
      }
    }
    return false;
  }

  /** Each body line as written in the file (tabs of a {@code <<-} body included), scanned for a secret assignment. */
  private void checkAssignments(SourceText source, Heredoc heredoc, boolean requireQuotes, List<Credentials.Found> formats,
      RuleContext context) {
    String body = heredoc.body();
    int lines = 0;
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) == '\n') {
        lines++;
      }
    }
    if (!body.isEmpty() && body.charAt(body.length() - 1) != '\n') {
      lines++;
    }
    int first = heredoc.bodyRange().startLine();
    for (int line = first; line < first + lines && line <= source.lineCount(); line++) {
      HeredocAssignments.Found found = HeredocAssignments.scan(source.line(line), requireQuotes);
      if (found == null) {
        continue;
      }
      int start = source.lineStart(line) + found.start();
      int end = source.lineStart(line) + found.end();
      if (overlapsFormat(formats, start, end)) {
        continue; // reported above by its format
      }
      SourceRange range = source.range(start, end);
      context.redact(range, found.value());
      context.report(range, "'" + found.key() + "' is set to the literal value '"
          + dev.dockerlint.lint.Secrets.masked(found.value()) + "' in a heredoc written in the Dockerfile; revoke "
          + "it and pass credentials at build time with RUN --mount=type=secret instead");
    }
  }

  private static boolean overlapsFormat(List<Credentials.Found> formats, int start, int end) {
    for (Credentials.Found s : formats) {
      if (s.start() < end && start < s.end()) {
        return true;
      }
    }
    return false;
  }

  /** Instructions are in file order, so their start offsets are sorted: binary search. */
  private static boolean insideInstruction(Credentials.Found secret, int[] starts, int[] ends) {
    int lo = 0;
    int hi = starts.length - 1;
    int candidate = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= secret.start()) {
        candidate = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return candidate >= 0 && secret.end() <= ends[candidate];
  }

  private static int offset(SourceText source, int line, int column) {
    if (line > source.lineCount()) {
      return source.text().length();
    }
    return Math.min(source.text().length(), source.lineStart(line) + column - 1);
  }

}
