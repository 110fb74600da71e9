package dev.dockerlint.cli;

import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleCatalog;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.shellcheck.ShellCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Print a rule's page: what it checks, why, and Bad/Good examples.")
final class ExplainCommand implements Callable<Integer> {
  private final Main.Environment env;

  @Parameters(paramLabel = "ID", description = "rule id or alias (for example image-latest or DL3007)")
  String id;

  ExplainCommand(Main.Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<dev.dockerlint.lint.RuleBase> rules = new RuleCatalog(BuiltinRules.all(), BuiltinRules.compose(), List.of())
        .resolveAny(id);
    boolean shellcheckCode = ShellCheck.CODES.contains(id);
    if (rules.isEmpty() && !shellcheckCode) {
      env.err().println("dockerlint: unknown rule '" + id + "'; run 'dockerlint rules' for the list of ids");
      return Main.ERROR;
    }
    if (shellcheckCode) {
      String code = ShellCheck.CODES.canonical(id);
      env.out().print("# " + code + "\n\nShellCheck's check " + code + ", reported on RUN scripts when shellcheck is "
          + "installed: " + ShellCheck.CODES.helpUri(code) + "\n" + (rules.isEmpty() ? "" : "\n"));
    }
    for (dev.dockerlint.lint.RuleBase rule : rules) {
      String page = RuleDocs.page(rule.info().id()).orElse("# " + rule.info().id() + "\n\n" + rule.info().summary() + "\n");
      env.out().print(page.endsWith("\n") ? page : page + "\n");
    }
    env.out().flush();
    return Main.OK;
  }
}
