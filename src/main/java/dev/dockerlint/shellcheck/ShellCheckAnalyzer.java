package dev.dockerlint.shellcheck;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Analyzer;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ShellCheck as an {@link Analyzer}: {@link #start} collects a Dockerfile's scripts and hands them
 * to the run's {@link ShellCheckRunner}; {@link Pending#await} places ShellCheck's comments in the
 * Dockerfile as findings {@code SC2086}, severity as ShellCheck's level says.
 */
final class ShellCheckAnalyzer implements Analyzer {
  /** The native checks of what ShellCheck also reports: where it checked a script, its findings stand. */
  static final Set<String> SUPERSEDES = Set.of("run-bashism", "run-syntax-error");

  private final ShellCheckRunner runner;

  ShellCheckAnalyzer(ShellCheckRunner runner) {
    this.runner = runner;
  }

  ShellCheckRunner runner() {
    return runner;
  }

  @Override
  public Set<String> supersedes() {
    return SUPERSEDES;
  }

  /**
   * A file larger is not given to ShellCheck: its scripts, and their maps back into the file, stay
   * in memory until ShellCheck has answered them all, about 17 bytes a byte of a file of short RUNs
   * on top of the rules' 30; with them a 4 MiB file no longer fits the launcher's heap.
   */
  static final int MAX_FILE_CHARS = 1 << 20;

  @Override
  public Pending start(Dockerfile file) {
    if (file.source().text().length() > MAX_FILE_CHARS) {
      return new Done(Outcome.unchecked("the file is larger than " + (MAX_FILE_CHARS >> 20) + " MiB and was not given "
          + "to ShellCheck (its scripts would be held in memory all at once); the native checks ran on it"));
    }
    List<Script> scripts;
    List<String> skipped = new ArrayList<>();
    try {
      scripts = ScriptCollector.collect(file, skipped);
    } catch (RuntimeException | StackOverflowError e) {
      return new Done(Outcome.unchecked("ShellCheck was not run: internal error preparing the scripts ("
          + e.getClass().getSimpleName() + "); please report this with the Dockerfile"));
    }
    String skip = skipped.isEmpty() ? null : skipped.get(0) + (skipped.size() == 1 ? "" : " (and "
        + (skipped.size() - 1) + " more such RUN" + (skipped.size() == 2 ? "" : "s") + ")");
    if (scripts.isEmpty()) {
      return new Done(Outcome.unchecked(skip));
    }
    return new Running(file, scripts, runner.submit(scripts), skip);
  }

  /** An outcome known at once. */
  private static final class Done implements Pending {
    private final Outcome outcome;

    Done(Outcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public Outcome await() {
      return outcome;
    }
  }

  private final class Running implements Pending {
    private final Dockerfile file;
    private final List<Script> scripts;
    private final ShellCheckRunner.Job job;
    private final String skipped;

    Running(Dockerfile file, List<Script> scripts, ShellCheckRunner.Job job, String skipped) {
      this.file = file;
      this.scripts = scripts;
      this.job = job;
      this.skipped = skipped;
    }

    @Override
    public Outcome await() {
      try {
        return placed(runner.await(job));
      } catch (RuntimeException | StackOverflowError e) {
        return Outcome.unchecked("ShellCheck's answer could not be placed: internal error ("
            + e.getClass().getSimpleName() + "); please report this with the Dockerfile");
      }
    }

    private Outcome placed(List<ShellCheckRunner.Answer> answers) {
      List<Finding> findings = new ArrayList<>();
      // a heredoc a shell reads is checked as data of its RUN and as a script: the same finding twice
      Set<String> seen = new HashSet<>();
      List<SourceRange> checked = new ArrayList<>();
      String failure = null;
      for (int i = 0; i < scripts.size(); i++) {
        ShellCheckRunner.Answer answer = answers.get(i);
        if (answer.failure != null) {
          failure = failure == null ? answer.failure : failure;
          continue;
        }
        checked.addAll(scripts.get(i).covered());
        for (Json1.Comment comment : answer.comments) {
          Placed placed = Placed.of(scripts.get(i), comment);
          if (placed != null && seen.add(placed.code() + ' ' + placed.range() + ' ' + placed.message())) {
            findings.add(finding(file.path(), placed));
          }
        }
      }
      String warning = failure != null ? failure + "; ShellCheck's findings for this file are missing" : skipped;
      return new Outcome(findings, checked, warning);
    }
  }

  static Finding finding(String path, Placed placed) {
    return new Finding(path, placed.code(), placed.severity(), placed.message(), placed.range(), List.of(), fix(placed));
  }

  /**
   * ShellCheck's suggested replacements as a fix, or null: unsafe, since what they change (quoting
   * a word, say) can change what the script does when the script meant it; none when the edits
   * overlap or one spans a line break (a continued line's backslash is not ShellCheck's to edit).
   */
  static Fix fix(Placed placed) {
    if (placed.fix().isEmpty()) {
      return null;
    }
    List<Edit> edits = new java.util.ArrayList<>();
    for (Placed.Edit edit : placed.fix()) {
      if (edit.replacement().indexOf('\n') >= 0 || edit.replacement().indexOf('\r') >= 0) {
        return null;
      }
      edits.add(new Edit(edit.range(), edit.replacement()));
    }
    try {
      return new Fix("Apply ShellCheck's suggestion for " + placed.code(), Applicability.UNSAFE, edits);
    } catch (IllegalArgumentException overlapping) {
      return null;
    }
  }

  /** ShellCheck's level as a severity: error, warning, info and style are the same four. */
  static Severity severity(String level) {
    return switch (level) {
      case "error" -> Severity.ERROR;
      case "warning" -> Severity.WARNING;
      case "info" -> Severity.INFO;
      default -> Severity.STYLE;
    };
  }
}
