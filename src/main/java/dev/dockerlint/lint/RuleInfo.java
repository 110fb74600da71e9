package dev.dockerlint.lint;

import java.util.List;

/**
 * A rule's metadata, kept on the rule itself.
 *
 * @param id kebab-case identifier ({@code image-latest})
 * @param aliases codes of other tools that mean the same check ({@code DL3007}), so their ignore
 *     pragmas and configs keep working
 * @param summary one line, no final period
 * @param tags SARIF/GitHub tags such as {@code security}
 * @param securitySeverity GitHub's {@code security-severity} (0.0-10.0) for security rules, or null
 * @param helpUri where the rule is documented when that is not its page in {@code rules/} (a
 *     ShellCheck code's wiki page), or null
 * @param fix the kind of fix the rule's findings may carry (the least safe one), or null when the
 *     rule offers none; its page says the same ({@code Fix: safe | unsafe | none})
 */
public record RuleInfo(
    String id, Severity severity, boolean enabledByDefault, List<String> aliases, String summary,
    List<String> tags, Double securitySeverity, String helpUri, Applicability fix) {
  public RuleInfo {
    aliases = List.copyOf(aliases);
    tags = List.copyOf(tags);
  }

  /** A rule without fixes. */
  public RuleInfo(String id, Severity severity, boolean enabledByDefault, List<String> aliases, String summary,
      List<String> tags, Double securitySeverity, String helpUri) {
    this(id, severity, enabledByDefault, aliases, summary, tags, securitySeverity, helpUri, null);
  }

  /** A rule documented by its page in {@code rules/}. */
  public RuleInfo(String id, Severity severity, boolean enabledByDefault, List<String> aliases, String summary,
      List<String> tags, Double securitySeverity) {
    this(id, severity, enabledByDefault, aliases, summary, tags, securitySeverity, null, null);
  }

  public static RuleInfo of(String id, Severity severity, String summary, String... aliases) {
    return new RuleInfo(id, severity, true, List.of(aliases), summary, List.of(), null);
  }

  public RuleInfo offByDefault() {
    return new RuleInfo(id, severity, false, aliases, summary, tags, securitySeverity, helpUri, fix);
  }

  public RuleInfo withTags(String... newTags) {
    return new RuleInfo(id, severity, enabledByDefault, aliases, summary, List.of(newTags), securitySeverity, helpUri, fix);
  }

  public RuleInfo security(double score) {
    return new RuleInfo(id, severity, enabledByDefault, aliases, summary, tags, score, helpUri, fix);
  }

  /** The rule's findings may carry a fix of this kind. */
  public RuleInfo fixable(Applicability kind) {
    return new RuleInfo(id, severity, enabledByDefault, aliases, summary, tags, securitySeverity, helpUri, kind);
  }

  /** {@code safe}, {@code unsafe} or {@code none}. */
  public String fixLabel() {
    return fix == null ? "none" : fix.label();
  }
}
