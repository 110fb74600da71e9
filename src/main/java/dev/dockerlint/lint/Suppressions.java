package dev.dockerlint.lint;

import dev.dockerlint.ast.Comment;
import dev.dockerlint.ast.Directive;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline pragmas: {@code # dockerlint ignore=a,b} on the comment lines directly above an instruction
 * covers that instruction; {@code # dockerlint global ignore=a} anywhere covers the whole file.
 * {@code # hadolint ...} pragmas work the same through rule aliases, and BuildKit's
 * {@code # check=skip=A,B} directive skips those checks file-wide.
 */
final class Suppressions {
  private static final Pattern PRAGMA =
      Pattern.compile("^(dockerlint|hadolint)\\s+(global\\s+)?ignore\\s*=\\s*(.*)$", Pattern.CASE_INSENSITIVE);

  /** Names a pragma ignores on the instruction below it, which ends on {@code lastLine}. */
  private record Scoped(int lastLine, Set<String> names) {}

  private final Set<String> global = new HashSet<>();
  /** By the first line of the instruction they cover; instructions never overlap. */
  private final java.util.TreeMap<Integer, Scoped> scoped = new java.util.TreeMap<>();

  Suppressions(Dockerfile file) {
    Optional<Directive> check = file.directive("check");
    if (check.isPresent()) {
      for (String part : check.get().value().split(";")) {
        String p = part.strip();
        if (p.regionMatches(true, 0, "skip=", 0, 5)) {
          addNames(global, p.substring(5));
        }
      }
    }
    List<Comment> comments = file.comments();
    // worked out once, not per pragma: a file of many pragmas made that quadratic
    int[] commentBlockEnd = commentBlockEnds(comments);
    int[] instructionStarts = new int[file.instructions().size()];
    for (int i = 0; i < instructionStarts.length; i++) {
      instructionStarts[i] = file.instructions().get(i).range().startLine();
    }
    for (int c = 0; c < comments.size(); c++) {
      Matcher m = PRAGMA.matcher(comments.get(c).text());
      if (!m.matches()) {
        continue;
      }
      Set<String> names = new HashSet<>();
      addNames(names, m.group(3));
      if (m.group(2) != null) {
        global.addAll(names);
        continue;
      }
      Instruction target = nextInstruction(file, instructionStarts, comments.get(c).range().startLine(), commentBlockEnd[c]);
      if (target != null) {
        Scoped previous = scoped.get(target.range().startLine());
        if (previous != null) {
          names.addAll(previous.names());
        }
        scoped.put(target.range().startLine(), new Scoped(target.range().endLine(), names));
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

  /** The instruction right below a pragma, with only comment lines between them. */
  private static Instruction nextInstruction(Dockerfile file, int[] instructionStarts, int pragmaLine, int blockEnd) {
    int index = java.util.Arrays.binarySearch(instructionStarts, pragmaLine + 1);
    if (index < 0) {
      index = -index - 1;
    }
    // instructions are in file order; the first one below the pragma must follow its comment block
    if (index >= instructionStarts.length || instructionStarts[index] > blockEnd + 1) {
      return null;
    }
    return file.instructions().get(index);
  }

  private static void addNames(Set<String> into, String list) {
    // text after the list ("ignore=DL3008 because ...") is a reason, not a rule
    String head = list.strip().split("\\s+", 2)[0];
    for (String name : head.split(",")) {
      if (!name.isBlank()) {
        into.add(name.strip().toLowerCase(Locale.ROOT));
      }
    }
  }

  boolean suppresses(Finding finding) {
    if (matches(global, finding)) {
      return true;
    }
    int line = finding.range().startLine();
    Map.Entry<Integer, Scoped> covering = scoped.floorEntry(line);
    return covering != null && line <= covering.getValue().lastLine() && matches(covering.getValue().names(), finding);
  }

  /** A name matches a finding by rule id or by one of the aliases the finding stands for. */
  static boolean matches(Set<String> names, Finding finding) {
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
