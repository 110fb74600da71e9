package dev.dockerlint.lint;

import dev.dockerlint.ast.CheckOptions;
import dev.dockerlint.ast.Comment;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.ast.Instruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline pragmas: {@code # dockerlint ignore=a,b} on the comment lines directly above an instruction
 * covers that instruction; {@code # dockerlint stage ignore=a} directly above a FROM covers that
 * stage; {@code # dockerlint global ignore=a} anywhere covers the whole file. {@code # hadolint ...}
 * pragmas work the same through rule aliases, and BuildKit's {@code # check=skip=A,B} directive
 * skips those checks file-wide ({@code skip=all}: every rule aliasing a BuildKit check, never a
 * build error; see {@link dev.dockerlint.ast.CheckOptions}). A name no rule stands for is skipped
 * with a warning, as in configs.
 */
public final class Suppressions {
  private static final Pattern PRAGMA = Pattern.compile(
      "^(dockerlint|hadolint)\\s+(?:(global|stage)\\s+)?ignore\\s*=\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  /** ShellCheck's codes, which its findings carry; not dockerlint rules, but no typo either. */
  private static final Pattern SHELLCHECK_CODE = Pattern.compile("sc\\d{4}");

  /**
   * A pragma read from a comment's text (without the {@code #}).
   *
   * @param scope {@code global}, {@code stage} or empty (the line below)
   * @param names as written
   */
  public record Pragma(String scope, List<String> names) {}

  /** The pragma a comment's text (without the {@code #}) holds, or null: for files of other kinds (compose files). */
  public static Pragma pragma(String commentText) {
    Matcher m = PRAGMA.matcher(commentText);
    if (!m.matches()) {
      return null;
    }
    return new Pragma(m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT), names(m.group(3)));
  }

  /** Whether a name a pragma gives stands for nothing: no rule, not {@code all}, not a ShellCheck code. */
  public static boolean isUnknown(String name, Set<String> known) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !known.contains(lower) && !lower.equals("all") && !SHELLCHECK_CODE.matcher(lower).matches();
  }

  /** Names a pragma ignores on the lines {@code firstLine..lastLine}. */
  private record Scoped(int firstLine, int lastLine, Set<String> names) {}

  private final Set<String> global = new HashSet<>();
  /** BuildKit's {@code # check=skip=...}: {@code all} means its checks, never a build error. */
  private final CheckOptions checks;
  /** By the first line of the instruction they cover; instructions never overlap. */
  private final java.util.TreeMap<Integer, Scoped> scoped = new java.util.TreeMap<>();
  /** Stage pragmas: each covers a stage, from its FROM to the line before the next FROM. */
  private final List<Scoped> stages = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** @param known rule ids and aliases, lower-cased: the names a pragma may give */
  Suppressions(Dockerfile file, Set<String> known) {
    checks = file.checkOptions();
    List<Comment> comments = file.comments();
    // worked out once, not per pragma: a file of many pragmas made that quadratic
    int[] commentBlockEnd = commentBlockEnds(comments);
    int[] instructionStarts = new int[file.instructions().size()];
    for (int i = 0; i < instructionStarts.length; i++) {
      instructionStarts[i] = file.instructions().get(i).range().startLine();
    }
    for (int c = 0; c < comments.size(); c++) {
      Comment comment = comments.get(c);
      Matcher m = PRAGMA.matcher(comment.text());
      if (!m.matches()) {
        continue;
      }
      List<String> written = names(m.group(3));
      warnUnknown(file, comment, written, known);
      Set<String> names = new HashSet<>();
      for (String name : written) {
        names.add(name.toLowerCase(Locale.ROOT));
      }
      String scope = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      if (scope.equals("global")) {
        global.addAll(names);
        continue;
      }
      int below = nextInstruction(instructionStarts, comment.range().startLine(), commentBlockEnd[c]);
      if (scope.equals("stage")) {
        if (below < 0 || !(file.instructions().get(below) instanceof From from)) {
          warnings.add(file.path() + ":" + comment.range().startLine() + ": '# " + comment.text()
              + "' is not directly above a FROM, so it covers no stage; move it above the FROM of the stage");
          continue;
        }
        int end = Integer.MAX_VALUE;
        for (int i = below + 1; i < instructionStarts.length; i++) {
          if (file.instructions().get(i) instanceof From) {
            end = instructionStarts[i] - 1;
            break;
          }
        }
        stages.add(new Scoped(from.range().startLine(), end, names));
        continue;
      }
      if (below >= 0) {
        Instruction target = file.instructions().get(below);
        Scoped previous = scoped.get(target.range().startLine());
        if (previous != null) {
          names.addAll(previous.names());
        }
        scoped.put(target.range().startLine(), new Scoped(target.range().startLine(), target.range().endLine(), names));
      }
    }
  }

  /** Warnings about the pragmas, each starting with the file and line: names no rule stands for. */
  List<String> warnings() {
    return warnings;
  }

  private void warnUnknown(Dockerfile file, Comment comment, List<String> names, Set<String> known) {
    for (String name : names) {
      if (isUnknown(name, known)) {
        warnings.add(file.path() + ":" + comment.range().startLine() + ": pragma names '" + name
            + "', which no rule stands for, so it was skipped; run 'dockerlint rules' for the ids and aliases");
      }
    }
  }

  /** For each comment, the line of the last comment in the unbroken run of comment lines it is in. */
  private static int[] commentBlockEnds(List<Comment> comments) {
    int[] ends = new int[comments.size()];
    for (int c = comments.size() - 1; c >= 0; c--) {
      int line = comments.get(c).range().startLine();
      boolean continues = c + 1 < comments.size() && comments.get(c + 1).range().startLine() == line + 1;
      ends[c] = continues ? ends[c + 1] : line;
    }
    return ends;
  }

  /** The index of the instruction right below a pragma, with only comment lines between them; or -1. */
  private static int nextInstruction(int[] instructionStarts, int pragmaLine, int blockEnd) {
    int index = java.util.Arrays.binarySearch(instructionStarts, pragmaLine + 1);
    if (index < 0) {
      index = -index - 1;
    }
    // instructions are in file order; the first one below the pragma must follow its comment block
    if (index >= instructionStarts.length || instructionStarts[index] > blockEnd + 1) {
      return -1;
    }
    return index;
  }

  /**
   * The names of a pragma's list, as written: separated by commas with optional spaces around them
   * ({@code DL3023, DL3021}); the list ends at a space not next to a comma, and what follows is a
   * reason ({@code ignore=DL3008 because ...}, {@code ignore=DL3008 # why}).
   */
  static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    int i = 0;
    int n = list.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(list.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(list.charAt(i)) && list.charAt(i) != ',' && list.charAt(i) != '#') {
        i++;
      }
      if (i > start) {
        names.add(list.substring(start, i));
      }
      int next = i;
      while (next < n && Character.isWhitespace(list.charAt(next))) {
        next++;
      }
      if (next >= n || list.charAt(next) != ',') {
        break; // the end of the list: a reason may follow
      }
      i = next + 1;
    }
    return names;
  }

  boolean suppresses(Finding finding) {
    if (matches(global, finding) || checks.skips(finding.rule(), finding.aliases())) {
      return true;
    }
    int line = finding.range().startLine();
    for (Scoped stage : stages) {
      if (line >= stage.firstLine() && line <= stage.lastLine() && matches(stage.names(), finding)) {
        return true;
      }
    }
    Map.Entry<Integer, Scoped> covering = scoped.floorEntry(line);
    return covering != null && line <= covering.getValue().lastLine() && matches(covering.getValue().names(), finding);
  }

  /** A name matches a finding by rule id or by one of the aliases the finding stands for. */
  public static boolean matches(Set<String> names, Finding finding) {
    if (names.isEmpty()) {
      return false;
    }
    // rule ids are lower case; codes of an analyzer's family are not (SC2086)
    if (names.contains("all") || names.contains(finding.rule().toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (String alias : finding.aliases()) {
      if (names.contains(alias.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
