package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * As PID 1, node and python get no default signal handlers and do not reap orphaned children:
 * {@code docker stop} waits out its timeout and zombies pile up. A small init fixes both.
 */
public final class InitProcess implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("init-process", Severity.INFO,
      "The final stage runs node or python as PID 1 without an init").offByDefault();
  private static final Set<String> RUNTIMES = Set.of("node", "nodejs", "npm", "yarn", "pnpm", "npx", "python",
      "python2", "python3", "pypy", "pypy3");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Optional<Stage> last = file.finalStage();
    if (last.isEmpty()) {
      return;
    }
    Entrypoint entrypoint = null;
    Cmd cmd = null;
    for (Stage stage : file.lineage(last.get())) {
      List<Instruction> instructions = stage.instructions();
      for (int i = instructions.size() - 1; i >= 0; i--) {
        if (entrypoint == null && instructions.get(i) instanceof Entrypoint e) {
          entrypoint = e;
        } else if (cmd == null && instructions.get(i) instanceof Cmd c) {
          cmd = c;
        }
      }
    }
    if (entrypoint != null) {
      // an ENTRYPOINT decides what PID 1 is: an init, a script that may exec, or the runtime itself
      if (entrypoint.command() instanceof ExecForm exec && !exec.arguments().isEmpty()) {
        report(exec.arguments(), true, context);
      }
      return;
    }
    if (cmd != null && cmd.command() instanceof ExecForm exec && !exec.arguments().isEmpty()) {
      report(exec.arguments(), false, context);
    }
  }

  private static void report(List<Token> argv, boolean entrypoint, RuleContext context) {
    Token program = argv.get(0);
    String name = baseName(program.text());
    // a bare interpreter (CMD ["python3"]) is an interactive REPL default, not a service
    if (isRuntime(name) && (entrypoint || argv.size() > 1)) {
      context.report(program, "'" + name + "' runs as PID 1, which neither forwards signals by default nor reaps "
          + "zombies; start it through an init: ENTRYPOINT [\"tini\", \"--\"] or dumb-init (or docker run --init)");
    }
  }

  static boolean isRuntime(String name) {
    if (RUNTIMES.contains(name)) {
      return true;
    }
    // python3.12, pypy3.10
    for (String prefix : new String[] {"python", "pypy"}) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        String rest = name.substring(prefix.length());
        boolean version = true;
        for (int i = 0; i < rest.length(); i++) {
          char c = rest.charAt(i);
          version &= Character.isDigit(c) || c == '.';
        }
        if (version) {
          return true;
        }
      }
    }
    return false;
  }

  private static String baseName(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
