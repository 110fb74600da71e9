package dev.dockerlint.report;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a reporter needs: results per file in input order, and the rule catalog (for SARIF's
 * rule metadata).
 *
 * @param rules every known rule, in catalog order
 * @param ruleDoc the markdown page of a rule ({@code rules/<id>.md}), if any
 * @param configs the config files the run used, as shown to the user (relative to the working
 *     directory, or {@code ~/...}), sorted; empty when only the built-in defaults applied
 */
public record Report(
    String toolName, String toolVersion, String informationUri, List<FileResult> files, List<RuleInfo> rules,
    Function<String, Optional<String>> ruleDoc, List<String> configs) {
  public Report {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
    configs = List.copyOf(configs);
  }

  /** A report of a run that used no config file. */
  public Report(String toolName, String toolVersion, String informationUri, List<FileResult> files,
      List<RuleInfo> rules, Function<String, Optional<String>> ruleDoc) {
    this(toolName, toolVersion, informationUri, files, rules, ruleDoc, List.of());
  }

  /** All findings, sorted by file, line, column, rule. */
  public List<Finding> findings() {
    List<Finding> all = new java.util.ArrayList<>();
    for (FileResult file : files) {
      all.addAll(file.findings());
    }
    all.sort(Finding.ORDER);
    return List.copyOf(all);
  }

  public Map<Severity, Integer> countsBySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    for (FileResult file : files) {
      for (Finding f : file.findings()) {
        counts.put(f.severity(), counts.get(f.severity()) + 1);
      }
    }
    return counts;
  }

  /** The documentation URL of a rule: its page in {@code rules/}, or where its info says (a ShellCheck code's wiki page). */
  public String helpUri(String ruleId) {
    for (RuleInfo rule : rules) {
      if (rule.helpUri() != null && rule.id().equals(ruleId)) {
        return rule.helpUri();
      }
    }
    return informationUri + "/blob/main/rules/" + ruleId + ".md";
  }
}
