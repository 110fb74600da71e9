package dev.dockerlint.cli;

import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.shellcheck.ShellCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "List every rule: id, default severity, on or off by default, fix (safe, unsafe or none), aliases, "
        + "summary.")
final class RulesCommand implements Callable<Integer> {
  private final Main.Environment env;

  RulesCommand(Main.Environment env) {
    this.env = env;
  }

  @Option(names = "--rules", paramLabel = "FILE",
      description = "also list the custom rules of this rule pack (a file or a directory of *.yaml packs); repeatable. "
          + "The custom-rules: of the working directory's config are listed too")
  List<Path> rulePacks = new ArrayList<>();

  @Option(names = "--isolated", description = "ignore the configuration files (their custom-rules:)")
  boolean isolated;

  @Override
  public Integer call() {
    List<Rule> custom = List.of();
    if (!rulePacks.isEmpty() || !isolated) {
      custom = CustomRules.forCommand(env, rulePacks, isolated, BuiltinRules.all());
      if (custom == null) {
        return Main.ERROR;
      }
    }
    int width = 2;
    java.util.List<dev.dockerlint.lint.RuleBase> all = new java.util.ArrayList<>(BuiltinRules.all());
    all.addAll(BuiltinRules.compose());
    for (var rule : custom) {
      width = Math.max(width, rule.info().id().length());
    }
    for (var rule : all) {
      width = Math.max(width, rule.info().id().length());
    }
    String row = "%-" + width + "s  %-8s  %-3s  %-6s  %-28s  %s%n";
    env.out().printf(row, "ID", "SEVERITY", "ON", "FIX", "ALIASES", "SUMMARY");
    for (var rule : all) {
      RuleInfo info = rule.info();
      env.out().printf(row, info.id(), info.severity().label(), info.enabledByDefault() ? "on" : "off", info.fixLabel(),
          info.aliases().isEmpty() ? "-" : String.join(",", info.aliases()), info.summary());
    }
    env.out().printf(row, "SC1000-SC9999", "varies", "on", ShellCheck.CODES.info("SC1000", dev.dockerlint.lint.Severity.INFO)
        .fixLabel(), "-",
        "ShellCheck's checks on RUN scripts, when shellcheck is installed (dockerlint explain SC2086)");
    for (Rule rule : custom) {
      RuleInfo info = rule.info();
      env.out().printf(row, info.id(), info.severity().label(), info.enabledByDefault() ? "on" : "off", info.fixLabel(),
          info.aliases().isEmpty() ? "-" : String.join(",", info.aliases()),
          info.summary() + " (custom rule from " + CustomRules.source(rule).orElse("?") + ")");
    }
    env.out().flush();
    return Main.OK;
  }
}
