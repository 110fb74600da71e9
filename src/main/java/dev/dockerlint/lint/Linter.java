package dev.dockerlint.lint;

import dev.dockerlint.ast.CheckOptions;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.concurrent.IndexedTasks;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the enabled rules, and the analyzers beside them (ShellCheck), over a file, applies settings
 * and suppressions to what they report, and masks the file's secrets ({@link Secrets}) in every
 * finding: rules and analyzers report, the linter masks.
 */
public final class Linter {
  /** Id of the finding reported when a rule itself fails. */
  public static final String INTERNAL_ERROR = "internal-error";

  private final List<Rule> rules;
  private final List<Analyzer> analyzers;
  /** The rules that find secrets but are off: they run only for their secrets. */
  private final List<Rule> masking;
  /**
   * Rules off by default that stand for an experimental BuildKit check: a file's
   * {@code # check=experimental=...} switches them on for that file, as it does in BuildKit.
   */
  private final List<Rule> experimental;
  private final LintSettings settings;
  private final Set<String> ignored;
  /** Every id and alias of all rules (active or not), lower-cased: what a pragma may name. */
  private final Set<String> known = new HashSet<>();

  public Linter(List<Rule> allRules, LintSettings settings) {
    this(allRules, settings, List.of());
  }

  /** @param analyzers run on every file beside the rules (ShellCheck) */
  public Linter(List<Rule> allRules, LintSettings settings, List<Analyzer> analyzers) {
    this.settings = settings;
    this.analyzers = List.copyOf(analyzers);
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
    List<Rule> secretsOnly = new ArrayList<>();
    List<Rule> optIn = new ArrayList<>();
    for (Rule rule : allRules) {
      RuleInfo info = rule.info();
      boolean on = info.enabledByDefault() || settings.enabled().contains(info.id());
      boolean isIgnored = ignored.contains(info.id());
      if (on && !isIgnored) {
        active.add(rule);
      } else if (rule.findsSecrets()) {
        secretsOnly.add(rule);
      } else if (!isIgnored && CheckOptions.isBuildkitCheck(info.aliases())) {
        optIn.add(rule);
      }
    }
    this.rules = List.copyOf(active);
    this.masking = List.copyOf(secretsOnly);
    this.experimental = List.copyOf(optIn);
  }

  public List<Rule> activeRules() {
    return rules;
  }

  /**
   * Findings, already masked; the file's secrets, which outputs of its source must mask; warnings
   * about the file's pragmas (each starting with {@code path:line:}); and the analyzers' warnings
   * (one line each: why part of the file went unchecked). Warnings do not stop the run.
   */
  public record Result(List<Finding> findings, Secrets secrets, List<String> warnings, List<String> analyzerWarnings) {
    public Result {
      findings = List.copyOf(findings);
      warnings = List.copyOf(warnings);
      analyzerWarnings = List.copyOf(analyzerWarnings);
    }

    /** The source ranges to mask wherever the file's text is shown ({@link SourceText#masked}). */
    public List<SourceRange> redactions() {
      return secrets.ranges();
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
   * Findings sorted by position, then rule, with every secret of the file masked. A failing rule
   * becomes an internal-error finding.
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
    CheckOptions checks = file.checkOptions();
    // the rules whose findings count, then the switched-off rules that only find secrets
    List<Rule> runs = new ArrayList<>(rules);
    if (!experimental.isEmpty() && (checks.experimentalAll() || !checks.experimental().isEmpty())) {
      for (Rule rule : experimental) {
        if (checks.enablesExperimental(rule.info().aliases())) {
          runs.add(rule);
        }
      }
    }
    int reporting = runs.size();
    runs.addAll(masking);
    return new Started(file, runs, reporting, runRules(runs, file, location), pending);
  }

  /** A file whose rules have run and whose analyzers may still be at work. */
  public final class Started {
    private final Dockerfile file;
    private final List<Rule> runs;
    /** How many of {@link #runs} report findings; the rest only find secrets. */
    private final int reporting;
    private final RuleRun[] done;
    private final Analyzer.Pending[] pending;

    private Started(Dockerfile file, List<Rule> runs, int reporting, RuleRun[] done, Analyzer.Pending[] pending) {
      this.file = file;
      this.runs = runs;
      this.reporting = reporting;
      this.done = done;
      this.pending = pending;
    }

    /** Waits for the analyzers and merges their findings with the rules', masked. */
    public Result finish() {
      // --disable-ignore-pragma: only whoever runs dockerlint decides what is not reported
      Suppressions suppressions = settings.disableIgnorePragma() ? null : new Suppressions(file, known);
      CheckOptions checks = file.checkOptions();
      List<String> analyzerWarnings = new ArrayList<>();
      Analyzer.Outcome[] outcomes = new Analyzer.Outcome[pending.length];
      for (int a = 0; a < pending.length; a++) {
        try {
          outcomes[a] = pending[a].await();
        } catch (RuntimeException | StackOverflowError e) {
          outcomes[a] = new Failed(e).await();
        }
        if (outcomes[a].warning() != null) {
          analyzerWarnings.add(outcomes[a].warning());
        }
      }
      List<Finding> result = new ArrayList<>();
      List<SourceRange> tokens = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (int i = 0; i < done.length; i++) {
        if (done[i].failure() != null) {
          // a rule that finds secrets failing means some may be unmasked: said even when it is off
          SourceRange start = new SourceRange(new Position(1, 1), new Position(1, 1));
          result.add(new Finding(file.path(), INTERNAL_ERROR, Severity.ERROR,
              "Rule '" + runs.get(i).info().id() + "' failed (" + done[i].failure()
                  + "); please report this with the Dockerfile",
              start, List.of()));
          continue;
        }
        // every rule's secrets, the suppressed findings' and the switched-off rules' included
        tokens.addAll(done[i].context().redactions());
        values.addAll(done[i].context().redactedValues());
      }
      Secrets secrets = Secrets.of(file.source(), tokens, values, instructionsAround(file, tokens));
      Checked[] checked = new Checked[outcomes.length];
      for (int i = 0; i < reporting; i++) {
        if (done[i].failure() != null) {
          continue;
        }
        for (Finding finding : done[i].context().findings()) {
          if (!supersededAt(finding, outcomes, checked)) {
            keep(finding, suppressions, checks, secrets, result);
          }
        }
      }
      for (Analyzer.Outcome outcome : outcomes) {
        for (Finding finding : outcome.findings()) {
          keep(finding, suppressions, checks, secrets, result);
        }
      }
      result.sort(Finding.ORDER);
      return new Result(result, secrets, suppressions == null ? List.of() : suppressions.warnings(), analyzerWarnings);
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

  /**
   * Whether a rule of another kind of file (a compose file's) runs with this linter's settings: on
   * by default or enabled, and not ignored.
   */
  public boolean runs(RuleInfo info) {
    return (info.enabledByDefault() || settings.enabled().contains(info.id())) && !ignored.contains(info.id());
  }

  /** Every id and alias of every rule this linter knows, lower-cased: what a pragma may name. */
  public Set<String> knownNames() {
    return java.util.Collections.unmodifiableSet(known);
  }

  /**
   * A finding of another kind of file (a compose file's) as this linter's settings decide: null
   * when the settings ignore it, else with its configured severity. Pragmas and masking are the
   * caller's, who knows that kind of file.
   */
  public Finding configured(Finding finding) {
    if (Suppressions.matches(ignored, finding)) {
      return null;
    }
    Severity override = configuredSeverity(finding);
    return override == null || override == finding.severity() ? finding
        : new Finding(finding.file(), finding.rule(), override, finding.message(), finding.range(), finding.aliases());
  }

  /** Adds a finding unless it is suppressed, with its final severity and the file's secrets masked. */
  private void keep(Finding finding, Suppressions suppressions, CheckOptions checks, Secrets secrets, List<Finding> into) {
    if (Suppressions.matches(ignored, finding) || suppressions != null && suppressions.suppresses(finding)) {
      return;
    }
    // # check=error=true makes BuildKit's warnings fail the build; a severity configured for the rule still wins
    Severity severity = finding.severity();
    if (checks.errorOnWarning() && CheckOptions.isBuildkitCheck(finding.aliases())) {
      severity = Severity.ERROR;
    }
    Severity override = configuredSeverity(finding);
    if (override != null) {
      severity = override;
    }
    Finding shown = severity == finding.severity() ? finding
        : new Finding(finding.file(), finding.rule(), severity, finding.message(), finding.range(), finding.aliases(),
            finding.fix());
    into.add(secrets.mask(shown));
  }

  /**
   * The severity configured for a finding: by one of the aliases it stands for ({@code --error DL3009}
   * changes only those findings), else by its rule id; null when none is.
   */
  private Severity configuredSeverity(Finding finding) {
    if (settings.severities().isEmpty()) {
      return null;
    }
    for (String alias : finding.aliases()) {
      Severity byAlias = settings.severities().get(alias);
      if (byAlias == null) {
        byAlias = settings.severities().get(alias.toLowerCase(Locale.ROOT));
      }
      if (byAlias != null) {
        return byAlias;
      }
    }
    Severity byId = settings.severities().get(finding.rule());
    return byId != null ? byId : settings.severities().get(finding.rule().toLowerCase(Locale.ROOT));
  }

  /** For each range, the range of the top-level instruction holding it, or the range itself outside any. */
  private static List<SourceRange> instructionsAround(Dockerfile file, List<SourceRange> ranges) {
    List<SourceRange> around = new ArrayList<>(ranges.size());
    List<dev.dockerlint.ast.Instruction> instructions = file.instructions();
    for (SourceRange range : ranges) {
      SourceRange scope = range;
      // instructions are in file order: the last one starting at or before the range
      int lo = 0;
      int hi = instructions.size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        SourceRange candidate = instructions.get(mid).range();
        if (candidate.start().compareTo(range.start()) <= 0) {
          if (candidate.contains(range)) {
            scope = candidate;
          }
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      around.add(scope);
    }
    return around;
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
  private RuleRun[] runRules(List<Rule> runs, Dockerfile file, java.nio.file.Path location) {
    RuleRun[] done = new RuleRun[runs.size()];
    int threads = file.source().text().length() < PARALLEL_RULES_CHARS ? 1 : Runtime.getRuntime().availableProcessors();
    // out of memory and other errors end the run, as on one thread
    // a class, not a lambda: linking a lambda costs start-up time the class-data archive does not save
    IndexedTasks.run(runs.size(), threads, "dockerlint-rules", new java.util.function.IntConsumer() {
      @Override
      public void accept(int i) {
        Rule rule = runs.get(i);
        RuleContext context = new RuleContext(file.path(), rule.info(), settings, location);
        try {
          rule.check(file, context);
          done[i] = new RuleRun(context, null);
        } catch (RuntimeException | StackOverflowError e) {
          done[i] = new RuleRun(null, e.getClass().getSimpleName());
        }
      }
    });
    return done;
  }
}
