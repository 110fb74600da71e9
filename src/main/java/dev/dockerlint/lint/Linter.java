package dev.dockerlint.lint;

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
  private final LintSettings settings;
  private final Set<String> ignored;
  /** Every id and alias of all rules (active or not), lower-cased: what a pragma may name. */
  private final Set<String> known = new HashSet<>();

  public Linter(List<Rule> allRules, LintSettings settings) {
    this.settings = settings;
    for (Rule rule : allRules) {
      known.add(rule.info().id());
      for (String alias : rule.info().aliases()) {
        known.add(alias.toLowerCase(Locale.ROOT));
      }
    }
    Set<String> lowered = new HashSet<>();
    for (String name : settings.ignored()) {
      lowered.add(name.toLowerCase(Locale.ROOT));
    }
    this.ignored = lowered;
    List<Rule> active = new ArrayList<>();
    for (Rule rule : allRules) {
      RuleInfo info = rule.info();
      boolean on = info.enabledByDefault() || settings.enabled().contains(info.id());
      if (on && !ignored.contains(info.id())) {
        active.add(rule);
      }
    }
    this.rules = List.copyOf(active);
  }

  public List<Rule> activeRules() {
    return rules;
  }

  /**
   * Findings, the source ranges holding secrets that outputs must mask, and warnings about the
   * file's pragmas (each starting with {@code path:line:}), which do not stop the run.
   */
  public record Result(List<Finding> findings, List<SourceRange> redactions, List<String> warnings) {
    public Result {
      findings = List.copyOf(findings);
      redactions = List.copyOf(redactions);
      warnings = List.copyOf(warnings);
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
    Suppressions suppressions = new Suppressions(file, known);
    List<Finding> result = new ArrayList<>();
    List<SourceRange> redactions = new ArrayList<>();
    RuleRun[] runs = runRules(file, location);
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
        Severity override = settings.severities().get(finding.rule());
        result.add(override == null ? finding
            : new Finding(finding.file(), finding.rule(), override, finding.message(), finding.range(), finding.aliases()));
      }
    }
    result.sort(Finding.ORDER);
    return new Result(result, redactions, suppressions.warnings());
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
  private RuleRun[] runRules(Dockerfile file, java.nio.file.Path location) {
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
