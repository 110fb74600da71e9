package dev.dockerlint.compose;

import dev.dockerlint.compose.rules.ComposeRule;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Secrets;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.lint.Suppressions;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the compose rules over a project, and applies to their findings what the {@link Linter}
 * applies to a Dockerfile's: the settings of the file's config ({@link Linter#runs},
 * {@link Linter#configured}), the file's pragmas ({@code # dockerlint ignore=compose-privileged}
 * on the comment lines right above a key covers that key and everything below it;
 * {@code # dockerlint global ignore=...} anywhere covers the file) and the masking of its secrets.
 * Findings are reported per file, each identical finding once.
 */
public final class ComposeLinter {
  private final List<ComposeRule> rules;
  private final Linter settings;
  private final boolean pragmas;

  /**
   * @param settings the linter of the config that applies: which rules run, ignores and severities
   * @param pragmas whether the files' pragmas count ({@code --disable-ignore-pragma} turns them off)
   */
  public ComposeLinter(List<ComposeRule> rules, Linter settings, boolean pragmas) {
    this.rules = List.copyOf(rules);
    this.settings = settings;
    this.pragmas = pragmas;
  }

  /**
   * One file's outcome.
   *
   * @param source the text with its secrets masked, for code frames
   * @param warnings about the file's pragmas, each {@code path:line: ...}
   */
  public record FileFindings(String path, SourceText source, List<Finding> findings, List<String> warnings) {}

  /** The findings of every file of the project, in the order the files were read. */
  public List<FileFindings> lint(ComposeProject project) {
    List<Finding> found = new ArrayList<>();
    List<ComposeContext.Redaction> redactions = new ArrayList<>();
    for (Map.Entry<YamlNode.Scalar, String> secret : project.secretValues().entrySet()) {
      redactions.add(new ComposeContext.Redaction(secret.getKey().file(), secret.getKey().range(), secret.getValue()));
    }
    String firstFile = project.sources().get(0).path();
    for (ComposeRule rule : rules) {
      boolean reporting = settings.runs(rule.info());
      if (!reporting && !rule.findsSecrets()) {
        continue;
      }
      ComposeContext context = new ComposeContext(rule.info());
      try {
        rule.check(project, context);
      } catch (RuntimeException | StackOverflowError e) {
        found.add(new Finding(firstFile, Linter.INTERNAL_ERROR, Severity.ERROR, "Rule '" + rule.info().id()
            + "' failed (" + e.getClass().getSimpleName() + "); please report this with the compose file",
            new SourceRange(new Position(1, 1), new Position(1, 1)), List.of()));
        continue;
      }
      redactions.addAll(context.redactions());
      if (reporting) {
        found.addAll(context.findings());
      }
    }
    Set<String> known = new HashSet<>(settings.knownNames());
    for (ComposeRule rule : rules) {
      known.add(rule.info().id());
      for (String alias : rule.info().aliases()) {
        known.add(alias.toLowerCase(Locale.ROOT));
      }
    }
    Map<String, FileFindings> byFile = new LinkedHashMap<>();
    for (ComposeSource source : project.sources()) {
      if (byFile.containsKey(source.path())) {
        continue; // a file included twice is one file
      }
      List<SourceRange> ranges = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (ComposeContext.Redaction redaction : redactions) {
        if (redaction.file().equals(source.path())) {
          ranges.add(redaction.range());
          values.add(redaction.value());
        }
      }
      Secrets secrets = Secrets.of(source.text(), ranges, values, ranges);
      Pragmas filePragmas = pragmas ? new Pragmas(source, known) : null;
      List<Finding> kept = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Finding finding : found) {
        if (!finding.file().equals(source.path()) || filePragmas != null && filePragmas.suppresses(finding)) {
          continue;
        }
        Finding shown = settings.configured(finding);
        if (shown == null) {
          continue;
        }
        shown = secrets.mask(shown);
        String key = shown.rule() + "\t" + shown.range() + "\t" + shown.message();
        if (seen.add(key)) {
          kept.add(shown);
        }
      }
      kept.sort(Finding.ORDER);
      byFile.put(source.path(), new FileFindings(source.path(), source.text().masked(secrets.ranges()), kept,
          filePragmas == null ? List.of() : filePragmas.warnings));
    }
    return new ArrayList<>(byFile.values());
  }

  /**
   * A compose file's pragmas, read from its comment lines: YAML comments are not part of the node
   * tree, so the lines are read as text. A pragma covers the line below its block of comment lines
   * and the lines indented deeper below that (the key's value), or a list written at the key's own
   * indentation.
   */
  private static final class Pragmas {
    private final Set<String> global = new HashSet<>();
    /** Per covered line, the names that line's findings may not have. */
    private final Map<Integer, Set<String>> byLine = new java.util.HashMap<>();
    final List<String> warnings = new ArrayList<>();

    Pragmas(ComposeSource source, Set<String> known) {
      SourceText text = source.text();
      int lines = text.lineCount();
      for (int line = 1; line <= lines; line++) {
        String stripped = text.line(line).strip();
        if (!stripped.startsWith("#")) {
          continue;
        }
        Suppressions.Pragma pragma = Suppressions.pragma(stripped.substring(1).strip());
        if (pragma == null) {
          continue;
        }
        Set<String> names = new HashSet<>();
        for (String name : pragma.names()) {
          if (Suppressions.isUnknown(name, known)) {
            warnings.add(source.path() + ":" + line + ": pragma names '" + name
                + "', which no rule stands for, so it was skipped; run 'dockerlint rules' for the ids and aliases");
          }
          names.add(name.toLowerCase(Locale.ROOT));
        }
        if (pragma.scope().equals("global")) {
          global.addAll(names);
          continue;
        }
        int target = line + 1;
        while (target <= lines && text.line(target).strip().startsWith("#")) {
          target++;
        }
        if (target > lines || text.line(target).isBlank()) {
          continue; // covers nothing: a blank line or the end of the file follows
        }
        String first = text.line(target);
        int indent = indentation(first);
        boolean opensBlock = first.strip().endsWith(":") || first.strip().endsWith(": |") || first.strip().endsWith(": >");
        cover(target, names);
        for (int next = target + 1; next <= lines; next++) {
          String body = text.line(next);
          if (body.isBlank() || body.strip().startsWith("#")) {
            continue;
          }
          int depth = indentation(body);
          if (depth > indent || depth == indent && opensBlock && body.strip().startsWith("- ")) {
            cover(next, names);
          } else {
            break;
          }
        }
      }
    }

    private void cover(int line, Set<String> names) {
      Set<String> existing = byLine.get(line);
      if (existing == null) {
        byLine.put(line, new HashSet<>(names));
      } else {
        existing.addAll(names);
      }
    }

    private static int indentation(String line) {
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      return i;
    }

    boolean suppresses(Finding finding) {
      if (Suppressions.matches(global, finding)) {
        return true;
      }
      Set<String> names = byLine.get(finding.line());
      return names != null && Suppressions.matches(names, finding);
    }
  }
}
