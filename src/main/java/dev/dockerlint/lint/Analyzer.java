package dev.dockerlint.lint;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Set;

/**
 * A check that another program does, run beside the rules: ShellCheck on RUN scripts. Its
 * findings go through the same pragmas, ignores, severity overrides and sorting as the rules'.
 * {@link #start} must return at once (the work goes on in another process while the rules run)
 * and neither it nor {@link Pending#await} may throw: a failing analyzer gives a warning, and the
 * rules' findings are reported as always.
 */
public interface Analyzer {
  /** Starts checking one file. */
  Pending start(Dockerfile file);

  /**
   * Ids of rules that check part of what this analyzer checks: where the analyzer checked the
   * file ({@link Outcome#checked()}), their findings give way to the analyzer's, so the same
   * mistake is not reported twice.
   */
  Set<String> supersedes();

  /** The analyzer's work on one file. */
  interface Pending {
    /** Waits for the result. */
    Outcome await();
  }

  /**
   * @param findings what the analyzer reported, with file positions
   * @param checked the parts of the file the analyzer checked (the scripts it was given and
   *     could check)
   * @param warning why some or all of the file went unchecked (one line), or null
   */
  record Outcome(List<Finding> findings, List<SourceRange> checked, String warning) {
    public Outcome {
      findings = List.copyOf(findings);
      checked = List.copyOf(checked);
    }

    /** Nothing checked, for this reason (null when there was nothing to check). */
    public static Outcome unchecked(String warning) {
      return new Outcome(List.of(), List.of(), warning);
    }
  }
}
