package dev.dockerlint.lint;

import dev.dockerlint.source.SourceRange;
import java.util.Comparator;
import java.util.List;

/**
 * One reported problem.
 *
 * @param file the path as given on the command line ({@code -} for stdin)
 * @param aliases the rule's aliases, for tools that know it by another code
 */
public record Finding(
    String file, String rule, Severity severity, String message, SourceRange range, List<String> aliases) {

  /** Output order: file, line, column, rule (then message, so equal keys stay deterministic). */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
      .thenComparing(f -> f.range().start())
      .thenComparing(Finding::rule)
      .thenComparing(Finding::message)
      .thenComparing(f -> f.range().end());

  public Finding {
    aliases = List.copyOf(aliases);
  }

  public int line() {
    return range.start().line();
  }

  public int column() {
    return range.start().column();
  }
}
