package dev.dockerlint.cli;

import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleCatalog;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.shellcheck.ShellCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Print a rule's page: what it checks, why, and Bad/Good examples.")
final class ExplainCommand implements Callable<Integer> {
  private final Main.Environment env;

  @Parameters(paramLabel = "ID", description = "rule id or alias (for example image-latest or DL3007)")
  String id;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "also know the custom rules of this rule pack; repeatable. The custom-rules: of the working "
          + "directory's config are known too")
  List<java.nio.file.Path> rulePacks = new java.util.ArrayList<>();

  @Option(names = "--isolated", description = "ignore the configuration files (their custom-rules:)")
  boolean isolated;

  ExplainCommand(Main.Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<Rule> all = BuiltinRules.all();
    boolean builtin = !new RuleCatalog(all, BuiltinRules.compose(), List.of()).resolveAny(id).isEmpty()
        || ShellCheck.CODES.contains(id);
    if (!rulePacks.isEmpty() || !isolated && !builtin) {
      // a config's packs are read only for a name no built-in rule has: explain image-latest stays cheap
      List<Rule> custom = CustomRules.forCommand(env, rulePacks, isolated, all);
      if (custom == null) {
        return Main.ERROR;
      }
      all = new java.util.ArrayList<>(all);
      all.addAll(custom);
    }
    List<dev.dockerlint.lint.RuleBase> rules = new RuleCatalog(all, BuiltinRules.compose(), List.of()).resolveAny(id);
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
      String page = (rule instanceof Rule custom ? CustomRules.page(custom) : java.util.Optional.<String>empty())
          .or(() -> RuleDocs.page(rule.info().id()))
          .orElse("# " + rule.info().id() + "\n\n" + rule.info().summary() + "\n");
      env.out().print(page.endsWith("\n") ? page : page + "\n");
    }
    env.out().flush();
    return Main.OK;
  }
}
