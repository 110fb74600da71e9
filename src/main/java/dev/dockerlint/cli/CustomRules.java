package dev.dockerlint.cli;

import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigException;
import dev.dockerlint.config.ConfigResolver;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.policy.Pack;
import dev.dockerlint.policy.PackException;
import dev.dockerlint.policy.Packs;
import dev.dockerlint.policy.PolicyRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run's rule packs ({@code --rules}, {@code custom-rules:}), kept apart from the commands so
 * that a run without a pack loads no class of the policy package (nor RE2/J): the commands use
 * this class only when a pack is named, and see its rules as plain {@link Rule}s.
 */
final class CustomRules {
  private final List<Rule> builtins;
  /** Made on the first pack: a config without custom-rules: loads no policy class. */
  private Packs packs;
  private final List<String> problems = new ArrayList<>();

  CustomRules(List<Rule> builtins) {
    this.builtins = builtins;
  }

  /** The rules of the packs at a path (a file, or a directory of packs); empty with {@link #problems} when invalid. */
  List<Rule> load(Path path, String shown) {
    List<Rule> rules = new ArrayList<>();
    if (packs == null) {
      packs = new Packs(builtins);
    }
    try {
      for (Pack pack : packs.load(path, shown)) {
        rules.addAll(pack.rules());
      }
    } catch (PackException e) {
      for (String problem : e.problems()) {
        if (!problems.contains(problem)) {
          problems.add(problem);
        }
      }
    }
    return rules;
  }

  /** The rules of a config's {@code custom-rules:}; a path the config may not name is a problem too. */
  List<Rule> forConfig(ConfigResolver configs, Config config) {
    List<Rule> rules = new ArrayList<>();
    if (config.customRules().isEmpty()) {
      return rules;
    }
    List<ConfigResolver.PackPath> paths;
    try {
      paths = configs.customRulePaths(config);
    } catch (ConfigException e) {
      if (!problems.contains(e.getMessage())) {
        problems.add(e.getMessage());
      }
      return rules;
    }
    for (ConfigResolver.PackPath path : paths) {
      rules.addAll(load(path.path(), path.shown()));
    }
    return rules;
  }

  /** Every problem found so far, each {@code file:line:col: message}. */
  List<String> problems() {
    return problems;
  }

  /** Every rule of every pack loaded. */
  List<Rule> all() {
    return packs == null ? new ArrayList<>() : new ArrayList<>(packs.rules());
  }

  /** The pack a rule comes from, as messages name it; empty for a built-in rule. */
  static Optional<String> source(Rule rule) {
    return rule instanceof PolicyRule policy ? Optional.of(policy.source()) : Optional.empty();
  }

  /**
   * The page {@code dockerlint explain} shows for a custom rule: its summary, description, where it
   * comes from, its help address and its examples; empty for a built-in rule.
   */
  static Optional<String> page(Rule rule) {
    if (!(rule instanceof PolicyRule policy)) {
      return Optional.empty();
    }
    StringBuilder page = new StringBuilder();
    page.append("# ").append(rule.info().id()).append("\n\n").append(rule.info().summary()).append("\n\n");
    page.append("Custom rule from ").append(policy.source()).append(", severity ").append(rule.info().severity().label());
    if (!rule.info().enabledByDefault()) {
      page.append(", off by default");
    }
    if (!rule.info().aliases().isEmpty()) {
      page.append(", aliases ").append(String.join(", ", rule.info().aliases()));
    }
    page.append(".\n");
    if (policy.description() != null) {
      page.append("\n## Why\n\n").append(policy.description().strip()).append('\n');
    }
    for (boolean bad : new boolean[] {true, false}) {
      boolean first = true;
      for (PolicyRule.Example example : policy.examples()) {
        if (example.bad() != bad) {
          continue;
        }
        if (first) {
          page.append("\n## ").append(bad ? "Bad" : "Good").append('\n');
          first = false;
        }
        String text = example.dockerfile();
        page.append("\n```dockerfile\n").append(text).append(text.endsWith("\n") ? "" : "\n").append("```\n");
      }
    }
    page.append("\n## References\n\n- ").append(rule.info().helpUri()).append('\n');
    return Optional.of(page.toString());
  }

  /**
   * The packs a subcommand ({@code rules}, {@code explain}) shows: those given with {@code --rules},
   * then the {@code custom-rules:} of the working directory's config (none with {@code isolated}).
   * Null when one is invalid: every problem is printed.
   */
  static List<Rule> forCommand(Main.Environment env, List<Path> packs, boolean isolated, List<Rule> builtins) {
    CustomRules custom = new CustomRules(builtins);
    List<Rule> rules = new ArrayList<>();
    for (Path pack : packs) {
      rules.addAll(custom.load(env.workingDir().resolve(pack), pack.toString().replace('\\', '/')));
    }
    if (!isolated && custom.problems().isEmpty()) {
      List<Rule> known = new ArrayList<>(builtins);
      known.addAll(rules);
      dev.dockerlint.lint.RuleCatalog catalog = new dev.dockerlint.lint.RuleCatalog(known,
          List.of(dev.dockerlint.shellcheck.ShellCheck.CODES));
      dev.dockerlint.config.ConfigLoader loader = new dev.dockerlint.config.ConfigLoader(catalog.knownNames(),
          catalog.families());
      ConfigResolver configs = ConfigResolver.discovering(loader,
          dev.dockerlint.config.ConfigLookup.of(env.workingDir(), env.env()));
      try {
        Config config = configs.forDirectory(env.workingDir());
        for (Rule rule : custom.forConfig(configs, config)) {
          if (!rules.contains(rule)) {
            rules.add(rule);
          }
        }
      } catch (ConfigException e) {
        custom.problems.add(e.getMessage());
      }
    }
    if (!custom.problems().isEmpty()) {
      for (String problem : custom.problems()) {
        env.err().println("dockerlint: " + problem);
      }
      return null;
    }
    return rules;
  }

  /** A rule's examples for {@code dockerlint test-rules}: bad or good, text, line in the pack; empty for a built-in rule. */
  static List<PolicyRule.Example> examples(Rule rule) {
    return rule instanceof PolicyRule policy ? policy.examples() : List.of();
  }
}
