package dev.dockerlint.cli;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.policy.PolicyRule;
import dev.dockerlint.report.ControlCharacters;
import dev.dockerlint.rules.BuiltinRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dockerlint test-rules FILE}: runs the {@code examples} of each rule of a pack, each alone
 * through the linter (pragmas included): every {@code bad} snippet must be reported by its rule,
 * no {@code good} one may be. Exit 0 when all pass, 1 when one fails or there is none to run,
 * 2 for an invalid pack.
 */
@Command(name = "test-rules", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Run the examples embedded in rule packs: each bad example must be reported by its rule, "
        + "no good one may be.")
final class TestRulesCommand implements Callable<Integer> {
  private final Main.Environment env;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "rule pack files or directories of *.yaml packs")
  List<Path> packs = new ArrayList<>();

  TestRulesCommand(Main.Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    CustomRules custom = new CustomRules(BuiltinRules.all());
    List<Rule> rules = new ArrayList<>();
    for (Path pack : packs) {
      rules.addAll(custom.load(env.workingDir().resolve(pack), pack.toString().replace('\\', '/')));
    }
    if (!custom.problems().isEmpty()) {
      for (String problem : custom.problems()) {
        env.err().println("dockerlint: " + problem);
      }
      return Main.ERROR;
    }
    int run = 0;
    int failed = 0;
    for (Rule rule : rules) {
      String id = rule.info().id();
      Linter linter = new Linter(List.of(rule), new LintSettings(Set.of(), Set.of(id), Map.of(), List.of()));
      List<PolicyRule.Example> examples = CustomRules.examples(rule);
      if (examples.isEmpty()) {
        env.out().println(CustomRules.source(rule).orElse("?") + ": " + id + ": no examples");
        continue;
      }
      for (PolicyRule.Example example : examples) {
        run++;
        String where = CustomRules.source(rule).orElse("?") + ":" + example.line();
        Dockerfile file = DockerfileParser.parse(where, example.dockerfile());
        List<Finding> findings = linter.lint(file);
        String kind = example.bad() ? "bad" : "good";
        boolean ok = example.bad() != findings.isEmpty();
        if (ok) {
          env.out().println(where + ": ok   " + id + " " + kind + " example");
          continue;
        }
        failed++;
        if (example.bad()) {
          env.out().println(where + ": FAIL " + id + " bad example: not reported");
        } else {
          env.out().println(where + ": FAIL " + id + " good example: reported " + findings.size()
              + (findings.size() == 1 ? " finding" : " findings"));
          for (Finding finding : findings) {
            env.out().println("  " + finding.line() + ":" + finding.column() + " " + ControlCharacters.escape(finding.message()));
          }
        }
      }
    }
    env.out().println(run + (run == 1 ? " example, " : " examples, ") + failed + " failed");
    env.out().flush();
    if (run == 0) {
      env.err().println("dockerlint: no examples to run; add 'examples:' with bad and good Dockerfiles to the rules");
      return Main.FINDINGS;
    }
    return failed == 0 ? Main.OK : Main.FINDINGS;
  }
}
