package dev.dockerlint.fix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context (what {@code diff -u} and
 * {@code git diff} print): Myers' algorithm keeping only the {@code 2d+1} diagonals each step
 * reaches, so memory grows with the square of the number of changed lines, not with the file.
 * Lines are compared with their {@code \r}; shown without it.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /** Beyond this many differing lines the middle of the texts is shown as one replaced block. */
  private static final int MAX_EDITS = 4000;

  private UnifiedDiff() {}

  /** The diff, or the empty string for equal texts. */
  public static String of(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    String[] a = lines(before);
    String[] b = lines(after);
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    // ops over the whole texts: 'e' equal, 'd' a line of a deleted, 'i' a line of b inserted
    StringBuilder ops = new StringBuilder();
    ops.append("e".repeat(prefix));
    ops.append(middle(Arrays.copyOfRange(a, prefix, a.length - suffix), Arrays.copyOfRange(b, prefix, b.length - suffix)));
    ops.append("e".repeat(suffix));
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n');
    out.append("+++ b/").append(path).append('\n');
    hunks(ops, a, b, out);
    return out.toString();
  }

  /** Marks a last line without a line break, so it differs from the same line with one. */
  private static final char NO_BREAK = '\u0000';

  /**
   * The lines of a text, each without its {@code \n}; a final line break starts no line, and a
   * last line without one ends with {@link #NO_BREAK}.
   */
  static String[] lines(String text) {
    if (text.isEmpty()) {
      return new String[0];
    }
    boolean broken = text.endsWith("\n");
    String body = broken ? text.substring(0, text.length() - 1) : text;
    String[] lines = body.split("\n", -1);
    if (!broken) {
      lines[lines.length - 1] += NO_BREAK;
    }
    return lines;
  }

  /** The shortest edit script from a to b (Myers), or all of a deleted then b inserted when it is long. */
  private static String middle(String[] a, String[] b) {
    int n = a.length;
    int m = b.length;
    int max = Math.min(n + m, MAX_EDITS);
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      for (int k = -d; k <= d; k += 2) {
        int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[x].equals(b[y])) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
        }
      }
      trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
    }
    if (found < 0) {
      return "d".repeat(n) + "i".repeat(m);
    }
    StringBuilder reversed = new StringBuilder();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] prev = trace.get(d - 1);
      int k = x - y;
      boolean down = k == -d || k != d && at(prev, d - 1, k - 1) < at(prev, d - 1, k + 1);
      int prevK = down ? k + 1 : k - 1;
      int prevX = at(prev, d - 1, prevK);
      int prevY = prevX - prevK;
      // the step from (prevX, prevY) goes down (a line of b) or right (a line of a), then along the snake to (x, y)
      int midX = down ? prevX : prevX + 1;
      while (x > midX) {
        reversed.append('e');
        x--;
        y--;
      }
      reversed.append(down ? 'i' : 'd');
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      reversed.append('e');
      x--;
      y--;
    }
    return reversed.reverse().toString();
  }

  /** V[k] of step {@code d}, kept for diagonals -d..d. */
  private static int at(int[] snapshot, int d, int k) {
    return snapshot[k + d];
  }

  private static void hunks(CharSequence ops, String[] a, String[] b, StringBuilder out) {
    int length = ops.length();
    int i = 0;
    // line indexes into a and b at op i
    int[] ai = new int[length + 1];
    int[] bi = new int[length + 1];
    for (int o = 0; o < length; o++) {
      char op = ops.charAt(o);
      ai[o + 1] = ai[o] + (op == 'i' ? 0 : 1);
      bi[o + 1] = bi[o] + (op == 'd' ? 0 : 1);
    }
    while (i < length) {
      if (ops.charAt(i) == 'e') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend over changes separated by at most 2 * CONTEXT equal lines
      while (end < length) {
        if (ops.charAt(end) != 'e') {
          end++;
          continue;
        }
        int run = end;
        while (run < length && ops.charAt(run) == 'e') {
          run++;
        }
        if (run < length && run - end <= 2 * CONTEXT) {
          end = run;
        } else {
          end = Math.min(length, end + CONTEXT);
          break;
        }
      }
      int aCount = ai[end] - ai[start];
      int bCount = bi[end] - bi[start];
      out.append("@@ -").append(range(ai[start], aCount)).append(" +").append(range(bi[start], bCount)).append(" @@\n");
      for (int o = start; o < end; o++) {
        char op = ops.charAt(o);
        String line = op == 'i' ? b[bi[o]] : a[ai[o]];
        out.append(op == 'e' ? ' ' : op == 'd' ? '-' : '+').append(shown(line)).append('\n');
        if (line.endsWith(String.valueOf(NO_BREAK))) {
          out.append("\\ No newline at end of file\n");
        }
      }
      i = end;
    }
  }

  private static String range(int start, int count) {
    int first = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(first) : first + "," + count;
  }

  private static String shown(String line) {
    String text = line.endsWith(String.valueOf(NO_BREAK)) ? line.substring(0, line.length() - 1) : line;
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
