package dev.dockerlint.lint;

import dev.dockerlint.ast.Dockerfile;
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

  public Linter(List<Rule> allRules, LintSettings settings) {
    this.settings = settings;
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
    List<Finding> result = new ArrayList<>();
    List<SourceRange> redactions = new ArrayList<>();
    for (Rule rule : rules) {
      RuleContext context = new RuleContext(file.path(), rule.info(), settings, location);
      try {
        rule.check(file, context);
      } catch (RuntimeException | StackOverflowError e) {
        SourceRange start = new SourceRange(new Position(1, 1), new Position(1, 1));
        result.add(new Finding(file.path(), INTERNAL_ERROR, Severity.ERROR,
            "Rule '" + rule.info().id() + "' failed (" + e.getClass().getSimpleName()
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
    return new Result(result, redactions);
  }
}
