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

/**
 * Runs the enabled rules, and the analyzers beside them, over a file and applies settings and
 * suppressions to what they report.
 */
public final class Linter {
  /** Id of the finding reported when a rule itself fails. */
  public static final String INTERNAL_ERROR = "internal-error";

  private final List<Rule> rules;
  private final List<Analyzer> analyzers;
  private final LintSettings settings;
  private final Set<String> ignored;

  public Linter(List<Rule> allRules, LintSettings settings) {
    this(allRules, settings, List.of());
  }

  /** @param analyzers run on every file beside the rules (ShellCheck) */
  public Linter(List<Rule> allRules, LintSettings settings, List<Analyzer> analyzers) {
    this.settings = settings;
    this.analyzers = List.copyOf(analyzers);
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
   * Findings, the source ranges holding secrets that outputs must mask, and the analyzers'
   * warnings (one line each: why part of the file went unchecked).
   */
  public record Result(List<Finding> findings, List<SourceRange> redactions, List<String> warnings) {
    public Result {
      findings = List.copyOf(findings);
      redactions = List.copyOf(redactions);
      warnings = List.copyOf(warnings);
    }

    public Result(List<Finding> findings, List<SourceRange> redactions) {
      this(findings, redactions, List.of());
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
    return start(file, location).finish();
  }

  /**
   * Starts the analyzers on a file and runs the rules; {@link Started#finish} then waits for the
   * analyzers. Starting many files before finishing any lets an analyzer check them together.
   */
  public Started start(Dockerfile file, java.nio.file.Path location) {
    Analyzer.Pending[] pending = new Analyzer.Pending[analyzers.size()];
    for (int i = 0; i < pending.length; i++) {
      try {
        pending[i] = analyzers.get(i).start(file);
      } catch (RuntimeException | StackOverflowError e) {
        pending[i] = new Failed(e); // analyzers must not throw; one with a bug still leaves the rules' findings
      }
    }
    return new Started(file, runRules(file, location), pending);
  }

  /** A file whose rules have run and whose analyzers may still be at work. */
  public final class Started {
    private final Dockerfile file;
    private final RuleRun[] runs;
    private final Analyzer.Pending[] pending;

    private Started(Dockerfile file, RuleRun[] runs, Analyzer.Pending[] pending) {
      this.file = file;
      this.runs = runs;
      this.pending = pending;
    }

    /** Waits for the analyzers and merges their findings with the rules'. */
    public Result finish() {
      Suppressions suppressions = new Suppressions(file);
      List<Finding> result = new ArrayList<>();
      List<SourceRange> redactions = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      Analyzer.Outcome[] outcomes = new Analyzer.Outcome[pending.length];
      for (int a = 0; a < pending.length; a++) {
        try {
          outcomes[a] = pending[a].await();
        } catch (RuntimeException | StackOverflowError e) {
          outcomes[a] = new Failed(e).await();
        }
        if (outcomes[a].warning() != null) {
          warnings.add(outcomes[a].warning());
        }
      }
      Checked[] checked = new Checked[outcomes.length];
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
          if (!supersededAt(finding, outcomes, checked)) {
            keep(finding, suppressions, result);
          }
        }
      }
      for (Analyzer.Outcome outcome : outcomes) {
        for (Finding finding : outcome.findings()) {
          keep(finding, suppressions, result);
        }
      }
      result.sort(Finding.ORDER);
      return new Result(result, redactions, warnings);
    }
  }

  /** An analyzer that threw: nothing checked, and a warning saying so. */
  private static final class Failed implements Analyzer.Pending {
    private final String failure;

    Failed(Throwable e) {
      this.failure = e.getClass().getSimpleName();
    }

    @Override
    public Analyzer.Outcome await() {
      return Analyzer.Outcome.unchecked("an analyzer failed (" + failure + "); its findings for this file are missing; "
          + "please report this with the Dockerfile");
    }
  }

  /** Whether an analyzer that checks the same thing checked the place of a rule's finding. */
  private boolean supersededAt(Finding finding, Analyzer.Outcome[] outcomes, Checked[] checked) {
    for (int a = 0; a < outcomes.length; a++) {
      if (analyzers.get(a).supersedes().contains(finding.rule())) {
        if (checked[a] == null) {
          checked[a] = new Checked(outcomes[a].checked());
        }
        if (checked[a].contains(finding.range())) {
          return true;
        }
      }
    }
    return false;
  }

  private void keep(Finding finding, Suppressions suppressions, List<Finding> into) {
    if (Suppressions.matches(ignored, finding) || suppressions.suppresses(finding)) {
      return;
    }
    Severity override = severityOverride(finding);
    into.add(override == null ? finding
        : new Finding(finding.file(), finding.rule(), override, finding.message(), finding.range(), finding.aliases()));
  }

  /**
   * The override for the finding's rule; else one given for a code the finding stands for (a
   * family code such as SC3010, which a rule may report under as an alias).
   */
  private Severity severityOverride(Finding finding) {
    Severity override = settings.severities().get(finding.rule());
    for (int i = 0; override == null && i < finding.aliases().size(); i++) {
      override = settings.severities().get(finding.aliases().get(i));
    }
    return override;
  }

  /** An analyzer's checked ranges as sorted, disjoint spans, for a lookup per finding. */
  private static final class Checked {
    private final SourceRange[] spans;

    Checked(List<SourceRange> ranges) {
      SourceRange[] sorted = ranges.toArray(new SourceRange[0]);
      java.util.Arrays.sort(sorted, new java.util.Comparator<SourceRange>() {
        @Override
        public int compare(SourceRange a, SourceRange b) {
          return a.start().compareTo(b.start());
        }
      });
      List<SourceRange> merged = new ArrayList<>();
      for (SourceRange range : sorted) {
        int last = merged.size() - 1;
        if (last >= 0 && range.start().compareTo(merged.get(last).end()) <= 0) {
          merged.set(last, merged.get(last).union(range));
        } else {
          merged.add(range);
        }
      }
      this.spans = merged.toArray(new SourceRange[0]);
    }

    boolean contains(SourceRange range) {
      int low = 0;
      int high = spans.length - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        if (spans[mid].start().compareTo(range.start()) <= 0) {
          if (spans[mid].contains(range)) {
            return true;
          }
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return false;
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
