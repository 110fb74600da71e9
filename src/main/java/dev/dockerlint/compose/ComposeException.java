package dev.dockerlint.compose;

import java.util.List;

/**
 * A compose file that cannot be linted: not YAML, not a compose file, or against the Compose
 * Specification. Each problem is one line, {@code file:line:col: message}.
 */
public final class ComposeException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ComposeException(List<String> problems) {
    super(problems.get(0), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public ComposeException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, one line each; at least one. */
  public List<String> problems() {
    return problems;
  }
}
