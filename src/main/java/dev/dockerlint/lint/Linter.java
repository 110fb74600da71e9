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
 * Runs the enabled rules over a file, applies settings and suppressions to what they report, and
 * masks the file's secrets ({@link Secrets}) in every finding: rules report, the linter masks.
 */
public final class Linter {
  /** Id of the finding reported when a rule itself fails. */
  public static final String INTERNAL_ERROR = "internal-error";

  private final List<Rule> rules;
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
   * Findings, already masked; the file's secrets, which outputs of its source must mask; and
   * warnings about the file's pragmas (each starting with {@code path:line:}), which do not stop the run.
   */
  public record Result(List<Finding> findings, Secrets secrets, List<String> warnings) {
    public Result {
      findings = List.copyOf(findings);
      warnings = List.copyOf(warnings);
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
    // --disable-ignore-pragma: only whoever runs dockerlint decides what is not reported
    Suppressions suppressions = settings.disableIgnorePragma() ? null : new Suppressions(file, known);
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
    List<Finding> result = new ArrayList<>();
    RuleRun[] done = runRules(runs, file, location);
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
    for (int i = 0; i < reporting; i++) {
      if (done[i].failure() != null) {
        continue;
      }
      for (Finding finding : done[i].context().findings()) {
        if (Suppressions.matches(ignored, finding) || suppressions != null && suppressions.suppresses(finding)) {
          continue;
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
            : new Finding(finding.file(), finding.rule(), severity, finding.message(), finding.range(), finding.aliases());
        result.add(secrets.mask(shown));
      }
    }
    result.sort(Finding.ORDER);
    return new Result(result, secrets, suppressions == null ? List.of() : suppressions.warnings());
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
      Severity byAlias = settings.severities().get(alias.toLowerCase(Locale.ROOT));
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
