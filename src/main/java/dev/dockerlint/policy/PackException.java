package dev.dockerlint.policy;

import java.util.List;

/** A rule pack that cannot be used: every problem found, each {@code file:line:col: message}. */
public final class PackException extends Exception {
  private final List<String> problems;

  public PackException(List<String> problems) {
    super(problems.isEmpty() ? "invalid rule pack" : problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public PackException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
