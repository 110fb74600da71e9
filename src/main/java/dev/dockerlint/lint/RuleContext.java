package dev.dockerlint.lint;

import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Token;
import dev.dockerlint.source.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a rule reports through, and the settings it may read. */
public final class RuleContext {
  private final String file;
  private final RuleInfo rule;
  private final LintSettings settings;
  private final Path location;
  private final List<Finding> findings = new ArrayList<>();
  private final List<SourceRange> redactions = new ArrayList<>();
  /** The value of each redaction, or null for the text at its range. */
  private final List<String> redactedValues = new ArrayList<>();

  /**
   * @param location where the Dockerfile is on disk, or null (stdin, tests)
   */
  public RuleContext(String file, RuleInfo rule, LintSettings settings, Path location) {
    this.file = file;
    this.rule = rule;
    this.settings = settings;
    this.location = location;
  }

  public LintSettings settings() {
    return settings;
  }

  /**
   * The build context directory: {@code --context} when given, else the Dockerfile's directory;
   * empty when the Dockerfile came from stdin without {@code --context}.
   */
  public Optional<Path> buildContext() {
    if (settings.contextDir() != null) {
      return Optional.of(settings.contextDir());
    }
    if (location == null) {
      return Optional.empty();
    }
    Path parent = location.toAbsolutePath().getParent();
    return Optional.ofNullable(parent);
  }

  /** Where the Dockerfile is on disk, if it came from a file. */
  public Optional<Path> dockerfileLocation() {
    return Optional.ofNullable(location);
  }

  public void report(SourceRange range, String message) {
    findings.add(new Finding(file, rule.id(), rule.severity(), message, range, rule.aliases()));
  }

  /** Reports a finding that only some of the rule's aliases stand for (DL4003 is only about CMD). */
  public void reportAs(SourceRange range, String message, String... aliases) {
    findings.add(new Finding(file, rule.id(), rule.severity(), message, range, List.of(aliases)));
  }

  /**
   * Reports a finding less (or more) severe than the rule's own severity: one rule can cover a
   * build failure and a mere warning (expose-invalid: a port above 65535, an upper-case protocol).
   * The rule's severity is the most severe it reports; a configured severity for the rule still
   * replaces this one.
   */
  public void report(SourceRange range, String message, Severity severity) {
    findings.add(new Finding(file, rule.id(), severity, message, range, rule.aliases()));
  }

  /** {@link #reportAs(SourceRange, String, String...)} with its own severity, as {@link #report(SourceRange, String, Severity)}. */
  public void reportAs(SourceRange range, String message, Severity severity, String... aliases) {
    findings.add(new Finding(file, rule.id(), severity, message, range, List.of(aliases)));
  }

  /** Reports a finding that {@code fix} repairs; a null fix is a finding without one. */
  public void report(SourceRange range, String message, Fix fix) {
    findings.add(new Finding(file, rule.id(), rule.severity(), message, range, rule.aliases(), fix));
  }

  /** {@link #reportAs(SourceRange, String, String...)} with a fix. */
  public void reportAs(SourceRange range, String message, Fix fix, String... aliases) {
    findings.add(new Finding(file, rule.id(), rule.severity(), message, range, List.of(aliases), fix));
  }

  public void report(Token token, String message) {
    report(token.range(), message);
  }

  public void report(Instruction instruction, String message) {
    report(instruction.keyword().range(), message);
  }

  /**
   * Marks source text that holds a secret, so that no output shows it: not the source there (code
   * frames), and not the value in any finding's message, whether or not a finding is shown for it.
   * See {@link Secrets} for what is masked where.
   */
  public void redact(SourceRange range) {
    redact(range, null);
  }

  /**
   * {@link #redact(SourceRange)} for a secret whose value differs from its text (quoted, or with
   * variables expanded): both are masked.
   */
  public void redact(SourceRange range, String value) {
    redactions.add(range);
    redactedValues.add(value);
  }

  /** What the rule reported, for the linter of its kind of file. */
  public List<Finding> findings() {
    return findings;
  }

  /** Where the rule marked secrets. */
  public List<SourceRange> redactions() {
    return redactions;
  }

  /** The value of each of {@link #redactions()}, or null for the text there. */
  public List<String> redactedValues() {
    return redactedValues;
  }
}
