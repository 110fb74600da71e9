package dev.dockerlint.compose;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;

/** What a compose rule reports through: findings at YAML nodes, each in the file the node is written in. */
public final class ComposeContext {
  private final RuleInfo rule;
  private final List<Finding> findings = new ArrayList<>();
  private final List<Redaction> redactions = new ArrayList<>();

  /** A secret's place in a file, and its value (null for the text there). */
  record Redaction(String file, SourceRange range, String value) {}

  ComposeContext(RuleInfo rule) {
    this.rule = rule;
  }

  public void report(YamlNode node, String message) {
    findings.add(new Finding(node.file(), rule.id(), rule.severity(), message, node.range(), rule.aliases()));
  }

  /**
   * {@link #report(YamlNode, String)} for a scalar: the exact type keeps the verifier from loading
   * the node types when it links a rule, so a run of Dockerfiles loads none of them.
   */
  public void report(YamlNode.Scalar node, String message) {
    findings.add(new Finding(node.file(), rule.id(), rule.severity(), message, node.range(), rule.aliases()));
  }

  /** A finding less (or more) severe than the rule's own severity. */
  public void report(YamlNode node, String message, Severity severity) {
    findings.add(new Finding(node.file(), rule.id(), severity, message, node.range(), rule.aliases()));
  }

  /** Marks a secret, so that no output shows it (see {@link dev.dockerlint.lint.Secrets}). */
  public void redact(YamlNode node, String value) {
    redactions.add(new Redaction(node.file(), node.range(), value));
  }

  /** {@link #redact(YamlNode, String)} for a scalar (see {@link #report(YamlNode.Scalar, String)}). */
  public void redact(YamlNode.Scalar node, String value) {
    redactions.add(new Redaction(node.file(), node.range(), value));
  }

  /** Marks a secret at a range of a file. */
  public void redact(String file, SourceRange range) {
    redactions.add(new Redaction(file, range, null));
  }

  List<Finding> findings() {
    return findings;
  }

  List<Redaction> redactions() {
    return redactions;
  }
}
