package dev.dockerlint.fix;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies the fixes of a file's findings, as ESLint and Ruff do: in each pass every fix whose edits
 * overlap no fix already taken in that pass, then the file is linted again, and fixes that
 * overlapped come in the next pass, at most {@link #MAX_PASSES}. A pass's result must parse as well
 * as the text before it, keep the number of instructions, resolve what it fixes and make no new
 * finding appear; a fix that breaks one of these is dropped and reported, never written.
 *
 * <p>Line breaks a replacement brings are written as the file writes them ({@code \r\n} in a CRLF
 * file). Findings come from the {@link Checker}, so whatever it suppresses (pragmas, config,
 * {@code --ignore}) is not fixed.
 */
public final class Fixer {
  /** ESLint's limit: fixes that keep overlapping after this many passes are left for the next run. */
  public static final int MAX_PASSES = 10;

  /** Parses and lints a text: the findings the fixes come from and that a result is checked against. */
  public interface Checker {
    Checked check(String text);
  }

  /** A text parsed and linted. */
  public record Checked(Dockerfile file, List<Finding> findings) {
    public Checked {
      findings = List.copyOf(findings);
    }
  }

  /** A fix left out, with the finding it was for (as found before the pass) and why. */
  public record Dropped(Finding finding, String reason) {}

  /**
   * @param text the fixed text
   * @param fixed how many findings the applied fixes resolved
   * @param dropped the fixes left out because they broke the file
   * @param before the text as it was, linted
   * @param after the fixed text, linted: what remains
   */
  public record Outcome(String text, int fixed, List<Dropped> dropped, Checked before, Checked after) {
    public Outcome {
      dropped = List.copyOf(dropped);
    }

    public boolean changed() {
      return !text.equals(before.file().source().text());
    }

    /**
     * The line of the original text that a line of the fixed text stands for: fixes keep the
     * number of instructions, so the same line of the same instruction (its last line when the fix
     * made it shorter); outside instructions, the same distance from the instruction before.
     * Baselines key findings by their instruction in the original text, so they keep matching.
     */
    public int originalLine(int fixedLine) {
      List<dev.dockerlint.ast.Instruction> now = after.file().instructions();
      List<dev.dockerlint.ast.Instruction> was = before.file().instructions();
      if (now.size() != was.size()) {
        return fixedLine;
      }
      int shift = 0;
      for (int i = 0; i < now.size(); i++) {
        SourceRange n = now.get(i).range();
        SourceRange w = was.get(i).range();
        if (n.startLine() > fixedLine) {
          break;
        }
        if (fixedLine <= n.endLine()) {
          return Math.min(w.startLine() + fixedLine - n.startLine(), w.endLine());
        }
        shift = w.endLine() - n.endLine();
      }
      return Math.max(1, fixedLine + shift);
    }
  }

  private final Checker checker;
  private final boolean unsafe;

  /** @param unsafe whether unsafe fixes are applied too ({@code --unsafe-fixes}) */
  public Fixer(Checker checker, boolean unsafe) {
    this.checker = checker;
    this.unsafe = unsafe;
  }

  /** Whether this fixer applies {@code fix}. */
  public boolean applies(Fix fix) {
    return fix != null && (unsafe || fix.applicability() == Applicability.SAFE);
  }

  public Outcome fix(String original) {
    Checked first = checker.check(original);
    Checked current = first;
    String text = original;
    boolean crlf = usesCrlf(original);
    int fixed = 0;
    List<Dropped> dropped = new ArrayList<>();
    Set<String> droppedKeys = new HashSet<>();
    int passes = 0;
    // each round applies at least one fix or drops at least one, so rounds are bounded
    while (passes < MAX_PASSES) {
      List<Candidate> taken = select(current, droppedKeys);
      if (taken.isEmpty()) {
        break;
      }
      String next = apply(text, current.file().source(), taken, crlf);
      Checked checked = checker.check(next);
      String problem = problem(current, checked, taken);
      if (problem == null) {
        text = next;
        current = checked;
        fixed += resolvedCount(taken);
        passes++;
        continue;
      }
      if (taken.size() == 1) {
        drop(taken.get(0), problem, dropped, droppedKeys);
        continue;
      }
      // find the fixes that break the file on their own; if none does alone, take only the first
      boolean any = false;
      for (Candidate candidate : taken) {
        String alone = apply(text, current.file().source(), List.of(candidate), crlf);
        String why = problem(current, checker.check(alone), List.of(candidate));
        if (why != null) {
          drop(candidate, why, dropped, droppedKeys);
          any = true;
        }
      }
      if (!any) {
        Candidate only = taken.get(0);
        String next1 = apply(text, current.file().source(), List.of(only), crlf);
        Checked checked1 = checker.check(next1);
        text = next1;
        current = checked1;
        fixed += only.findings.size();
        passes++;
      }
    }
    return new Outcome(text, fixed, dropped, first, current);
  }

  /** A fix to apply, with the findings it repairs (identical fixes of several findings are one). */
  private static final class Candidate {
    final Fix fix;
    final List<Finding> findings = new ArrayList<>();

    Candidate(Fix fix) {
      this.fix = fix;
    }
  }

  private static String key(Finding finding) {
    return finding.rule() + '\u0000' + finding.message() + '\u0000' + finding.fix().title();
  }

  private static void drop(Candidate candidate, String reason, List<Dropped> dropped, Set<String> keys) {
    for (Finding finding : candidate.findings) {
      if (keys.add(key(finding))) {
        dropped.add(new Dropped(finding, reason));
      }
    }
  }

  private static int resolvedCount(List<Candidate> taken) {
    int n = 0;
    for (Candidate candidate : taken) {
      n += candidate.findings.size();
    }
    return n;
  }

  /** This pass's fixes: in finding order, each whose edits overlap none taken before it. */
  private List<Candidate> select(Checked checked, Set<String> droppedKeys) {
    Map<Fix, Candidate> byFix = new LinkedHashMap<>();
    for (Finding finding : checked.findings()) {
      if (!applies(finding.fix()) || droppedKeys.contains(key(finding))) {
        continue;
      }
      Candidate candidate = byFix.get(finding.fix());
      if (candidate == null) {
        candidate = new Candidate(finding.fix());
        byFix.put(finding.fix(), candidate);
      }
      candidate.findings.add(finding);
    }
    SourceText source = checked.file().source();
    // taken edits: start offset to end offset
    TreeMap<Integer, Integer> spans = new TreeMap<>();
    List<Candidate> taken = new ArrayList<>();
    for (Candidate candidate : byFix.values()) {
      List<int[]> offsets = new ArrayList<>();
      boolean free = true;
      for (Edit edit : candidate.fix.edits()) {
        int start = offset(source, edit.range().startLine(), edit.range().startColumn());
        int end = offset(source, edit.range().endLine(), edit.range().endColumn());
        if (start < 0 || end < start || !free(spans, start, end)) {
          free = false;
          break;
        }
        offsets.add(new int[] {start, end});
      }
      if (!free) {
        continue;
      }
      for (int[] span : offsets) {
        spans.merge(span[0], span[1], Math::max);
      }
      taken.add(candidate);
    }
    return taken;
  }

  /**
   * Whether {@code [start, end]} is clear of every taken span, ends included: an edit that only
   * touches another (an insertion where another inserts, or where a replacement starts or ends)
   * waits for the next pass, so the order of the two is never a guess.
   */
  private static boolean free(TreeMap<Integer, Integer> spans, int start, int end) {
    // taken spans are disjoint, so the last one starting at or before end reaches furthest
    Map.Entry<Integer, Integer> last = spans.floorEntry(end);
    return last == null || last.getValue() < start;
  }

  /** The offset of a position in the text, or -1 when it lies outside it. */
  static int offset(SourceText source, int line, int column) {
    if (line > source.lineCount()) {
      return -1;
    }
    int offset = source.lineStart(line) + column - 1;
    return offset > source.text().length() ? -1 : offset;
  }

  /** The text with the edits of the candidates (which do not overlap) applied. */
  static String apply(String text, SourceText source, List<Candidate> taken, boolean crlf) {
    TreeMap<Integer, List<Object[]>> edits = new TreeMap<>();
    for (Candidate candidate : taken) {
      for (Edit edit : candidate.fix.edits()) {
        int start = offset(source, edit.range().startLine(), edit.range().startColumn());
        int end = offset(source, edit.range().endLine(), edit.range().endColumn());
        edits.computeIfAbsent(start, k -> new ArrayList<>()).add(new Object[] {end, edit.replacement()});
      }
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (Map.Entry<Integer, List<Object[]>> entry : edits.entrySet()) {
      // an insertion goes before a replacement starting at the same place
      List<Object[]> here = entry.getValue();
      here.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
      for (Object[] edit : here) {
        out.append(text, at, entry.getKey() < at ? at : entry.getKey());
        out.append(lineBreaks((String) edit[1], crlf));
        at = Math.max(at, (Integer) edit[0]);
      }
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /** A replacement's {@code \n} line breaks as {@code \r\n} in a CRLF file. */
  static String lineBreaks(String replacement, boolean crlf) {
    if (!crlf || replacement.indexOf('\n') < 0) {
      return replacement;
    }
    StringBuilder out = new StringBuilder(replacement.length() + 4);
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      if (c == '\n' && (i == 0 || replacement.charAt(i - 1) != '\r')) {
        out.append('\r');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A file whose first line break is {@code \r\n}. */
  static boolean usesCrlf(String text) {
    int newline = text.indexOf('\n');
    return newline > 0 && text.charAt(newline - 1) == '\r';
  }

  /**
   * Why the fixed text is worse than the text before it, or null when it is not: it parses worse,
   * has another number of instructions, still has a finding a fix was for, or a finding of a rule
   * more often than before.
   */
  private static String problem(Checked before, Checked after, List<Candidate> taken) {
    if (after.file().syntaxErrors().size() > before.file().syntaxErrors().size()) {
      return "the result does not parse (" + after.file().syntaxErrors().get(0).message() + ")";
    }
    int was = before.file().instructions().size();
    int is = after.file().instructions().size();
    if (was != is) {
      return "the result has " + is + " instructions instead of " + was;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Finding finding : before.findings()) {
      counts.merge(finding.rule(), 1, Integer::sum);
    }
    Map<String, Integer> resolving = new HashMap<>();
    for (Candidate candidate : taken) {
      for (Finding finding : candidate.findings) {
        resolving.merge(finding.rule(), 1, Integer::sum);
      }
    }
    Map<String, Integer> afterCounts = new TreeMap<>();
    for (Finding finding : after.findings()) {
      afterCounts.merge(finding.rule(), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> entry : afterCounts.entrySet()) {
      int allowed = counts.getOrDefault(entry.getKey(), 0) - resolving.getOrDefault(entry.getKey(), 0);
      if (entry.getValue() > allowed) {
        return resolving.containsKey(entry.getKey())
            ? "it does not resolve its finding, or makes another '" + entry.getKey() + "' finding appear"
            : "it makes a new '" + entry.getKey() + "' finding appear";
      }
    }
    return null;
  }

  /** The range of the fix's edits in the original text, for messages. */
  public static SourceRange extent(Fix fix) {
    SourceRange range = fix.edits().get(0).range();
    for (Edit edit : fix.edits()) {
      range = range.union(edit.range());
    }
    return range;
  }
}
