package dev.dockerlint.lint;

import dev.dockerlint.ast.Comment;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

  private record Scoped(int firstLine, int lastLine, Set<String> names) {}

  private final Set<String> global = new HashSet<>();
  private final List<Scoped> scoped = new ArrayList<>();

  Suppressions(Dockerfile file) {
    file.directive("check").ifPresent(d -> {
      for (String part : d.value().split(";")) {
        String p = part.strip();
        if (p.regionMatches(true, 0, "skip=", 0, 5)) {
          addNames(global, p.substring(5));
        }
      }
    });
    List<Comment> comments = file.comments();
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
      int line = comments.get(c).range().startLine();
      Instruction target = nextInstruction(file, comments, line);
      if (target != null) {
        scoped.add(new Scoped(target.range().startLine(), target.range().endLine(), names));
      }
    }
  }

  /** The instruction right below a pragma, with only comment lines between them. */
  private static Instruction nextInstruction(Dockerfile file, List<Comment> comments, int pragmaLine) {
    Set<Integer> commentLines = new HashSet<>();
    for (Comment comment : comments) {
      commentLines.add(comment.range().startLine());
    }
    for (Instruction instruction : file.instructions()) {
      int start = instruction.range().startLine();
      if (start <= pragmaLine) {
        continue;
      }
      for (int l = pragmaLine + 1; l < start; l++) {
        if (!commentLines.contains(l)) {
          return null;
        }
      }
      return instruction;
    }
    return null;
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
    for (Scoped s : scoped) {
      if (line >= s.firstLine && line <= s.lastLine && matches(s.names, finding)) {
        return true;
      }
    }
    return false;
  }

  /** A name matches a finding by rule id or by one of the aliases the finding stands for. */
  static boolean matches(Set<String> names, Finding finding) {
    if (names.isEmpty()) {
      return false;
    }
    if (names.contains("all") || names.contains(finding.rule())) {
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
