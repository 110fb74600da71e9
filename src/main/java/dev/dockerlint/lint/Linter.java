package dev.dockerlint.lint;

import dev.dockerlint.ast.CheckOptions;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.concurrent.IndexedTasks;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Runs the enabled rules over a file and applies settings and suppressions to what they report. */
public final class Linter {
  /** Id of the finding reported when a rule itself fails. */
  public static final String INTERNAL_ERROR = "internal-error";

  private final List<Rule> rules;
  /**
   * Rules off by default that stand for an experimental BuildKit check: a file's
   * {@code # check=experimental=...} switches them on for that file, as it does in BuildKit.
   */
  private final List<Rule> experimental;
  private final LintSettings settings;
  private final Set<String> ignored;

  public Linter(List<Rule> allRules, LintSettings settings) {
    this.settings = settings;
    Set<String> lowered = new HashSet<>();
    for (String name : settings.ignored()) {
      lowered.add(name.toLowerCase(Locale.ROOT));
    }
    this.ignored = lowered;
    List<Rule> active = new ArrayList<>();
    List<Rule> optIn = new ArrayList<>();
    for (Rule rule : allRules) {
      RuleInfo info = rule.info();
      boolean on = info.enabledByDefault() || settings.enabled().contains(info.id());
      if (ignored.contains(info.id())) {
        continue;
      }
      if (on) {
        active.add(rule);
      } else if (CheckOptions.isBuildkitCheck(info.aliases())) {
        optIn.add(rule);
      }
    }
    this.rules = List.copyOf(active);
    this.experimental = List.copyOf(optIn);
  }

  public List<Rule> activeRules() {
    return rules;
  }

  /** Findings, and the source ranges holding secrets that outputs must mask. */
  public record Result(List<Finding> findings, List<SourceRange> redactions) {
    public Result {
      findings = List.copyOf(findings);
      redactions = List.copyOf(redactions);
    }
  }

  /** Lints a Dockerfile that is not on disk (stdin, tests). */
  public List<Finding> lint(Dockerfile file) {
    return lint(file, null);
  }

  public List<Finding> lint(Dockerfile file, java.nio.file.Path location) {
    return check(file, location).findings();
  }

  /**
   * Findings sorted by position, then rule. A failing rule becomes an internal-error finding.
   *
   * @param location the Dockerfile on disk, so rules can find its build context; or null
   */
  public Result check(Dockerfile file, java.nio.file.Path location) {
    Suppressions suppressions = new Suppressions(file);
    CheckOptions checks = file.checkOptions();
    List<Rule> rules = this.rules;
    if (!experimental.isEmpty() && (checks.experimentalAll() || !checks.experimental().isEmpty())) {
      List<Rule> withExperimental = new ArrayList<>(this.rules);
      for (Rule rule : experimental) {
        if (checks.enablesExperimental(rule.info().aliases())) {
          withExperimental.add(rule);
        }
      }
      rules = withExperimental;
    }
    List<Finding> result = new ArrayList<>();
    List<SourceRange> redactions = new ArrayList<>();
    RuleRun[] runs = runRules(rules, file, location);
    for (int i = 0; i < rules.size(); i++) {
      RuleContext context = runs[i].context();
      if (runs[i].failure() != null) {
        SourceRange start = new SourceRange(new Position(1, 1), new Position(1, 1));
        result.add(new Finding(file.path(), INTERNAL_ERROR, Severity.ERROR,
            "Rule '" + rules.get(i).info().id() + "' failed (" + runs[i].failure()
                + "); please report this with the Dockerfile",
            start, List.of()));
        continue;
      }
      redactions.addAll(context.redactions());
      for (Finding finding : context.findings()) {
        if (Suppressions.matches(ignored, finding) || suppressions.suppresses(finding)) {
          continue;
        }
        // # check=error=true makes BuildKit's warnings fail the build; a severity configured for the rule still wins
        Severity severity = finding.severity();
        if (checks.errorOnWarning() && CheckOptions.isBuildkitCheck(finding.aliases())) {
          severity = Severity.ERROR;
        }
        Severity override = settings.severities().get(finding.rule());
        if (override != null) {
          severity = override;
        }
        result.add(severity == finding.severity() ? finding
            : new Finding(finding.file(), finding.rule(), severity, finding.message(), finding.range(), finding.aliases()));
      }
    }
    result.sort(Finding.ORDER);
    maskSecretsInMessages(file, result, redactions);
    return new Result(result, redactions);
  }

  /**
   * A message that quotes source text holding a secret (BuildKit's "invalid signal: ghp_..." of a
   * token written where a signal belongs) shows it masked, as the code frames do: the text of
   * every redacted range, six characters or longer, becomes its first four and {@code ****}.
   */
  private static void maskSecretsInMessages(Dockerfile file, List<Finding> findings, List<SourceRange> redactions) {
    if (redactions.isEmpty()) {
      return;
    }
    List<String> secrets = new ArrayList<>();
    for (SourceRange range : redactions) {
      String secret = file.source().slice(range);
      if (secret.length() >= 6) {
        secrets.add(secret);
      }
    }
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      String message = f.message();
      for (String secret : secrets) {
        if (message.contains(secret)) {
          message = message.replace(secret, secret.substring(0, 4) + "****");
        }
      }
      if (!message.equals(f.message())) {
        findings.set(i, new Finding(f.file(), f.rule(), f.severity(), message, f.range(), f.aliases()));
      }
    }
  }

  /** Files this large have their rules spread over all cores; smaller ones are not worth a thread. */
  static final int PARALLEL_RULES_CHARS = 256 * 1024;

  /** What one rule reported, or the simple name of what it threw. */
  private record RuleRun(RuleContext context, String failure) {}

  /**
   * Runs every rule with its own context, one slot per rule.
   * Rules are stateless and the Dockerfile immutable, so a large file runs them on several threads;
   * the caller merges the slots in rule order, so output does not depend on scheduling.
   */
  private RuleRun[] runRules(List<Rule> rules, Dockerfile file, java.nio.file.Path location) {
    RuleRun[] runs = new RuleRun[rules.size()];
    int threads = file.source().text().length() < PARALLEL_RULES_CHARS ? 1 : Runtime.getRuntime().availableProcessors();
    // out of memory and other errors end the run, as on one thread
    // a class, not a lambda: linking a lambda costs start-up time the class-data archive does not save
    IndexedTasks.run(rules.size(), threads, "dockerlint-rules", new java.util.function.IntConsumer() {
      @Override
      public void accept(int i) {
        Rule rule = rules.get(i);
        RuleContext context = new RuleContext(file.path(), rule.info(), settings, location);
        try {
          rule.check(file, context);
          runs[i] = new RuleRun(context, null);
        } catch (RuntimeException | StackOverflowError e) {
          runs[i] = new RuleRun(null, e.getClass().getSimpleName());
        }
      }
    });
    return runs;
  }
}
