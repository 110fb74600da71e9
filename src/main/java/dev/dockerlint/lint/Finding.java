package dev.dockerlint.lint;

import dev.dockerlint.source.SourceRange;
import java.util.Comparator;
import java.util.List;

/**
 * One reported problem.
 *
 * @param file the path as given on the command line ({@code -} for stdin)
 * @param aliases the rule's aliases, for tools that know it by another code
 * @param fix what repairs it, or null when nothing does (or the fix would touch a secret)
 */
public record Finding(
    String file, String rule, Severity severity, String message, SourceRange range, List<String> aliases, Fix fix) {

  /** A finding without a fix. */
  public Finding(String file, String rule, Severity severity, String message, SourceRange range, List<String> aliases) {
    this(file, rule, severity, message, range, aliases, null);
  }

  /** Output order: file, line, column, rule (then message, so equal keys stay deterministic). */
  /** By file, start, rule, message, end. Written out: Comparator.comparing spins classes at start-up. */
  public static final Comparator<Finding> ORDER = new Comparator<>() {
    @Override
    public int compare(Finding a, Finding b) {
      return compareForOutput(a, b);
    }
  };

  private static int compareForOutput(Finding a, Finding b) {
    int c = a.file().compareTo(b.file());
    if (c == 0) {
      c = a.range().start().compareTo(b.range().start());
    }
    if (c == 0) {
      c = a.rule().compareTo(b.rule());
    }
    if (c == 0) {
      c = a.message().compareTo(b.message());
    }
    return c != 0 ? c : a.range().end().compareTo(b.range().end());
  }

  public Finding {
    aliases = List.copyOf(aliases);
  }

  /** The same finding with another fix (null for none). */
  public Finding withFix(Fix newFix) {
    return new Finding(file, rule, severity, message, range, aliases, newFix);
  }

  public boolean hasFix() {
    return fix != null;
  }

  public int line() {
    return range.start().line();
  }

  public int column() {
    return range.start().column();
  }
}
