package dev.dockerlint.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void aChangedLineWithContext() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
    assertThat(UnifiedDiff.of("Dockerfile", before, after)).isEqualTo(
        "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
  }

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("x", "a\n", "a\n")).isEmpty();
  }

  @Test
  void insertionsAndAMissingFinalLineBreak() {
    assertThat(UnifiedDiff.of("D", "a\nb", "a\nb\nc")).isEqualTo(
        "--- a/D\n+++ b/D\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n");
    assertThat(UnifiedDiff.of("D", "a\r\nb\r\n", "a\r\nc\r\n")).isEqualTo("--- a/D\n+++ b/D\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
  }

  @Test
  void distantChangesAreSeparateHunks() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append(i).append('\n');
    }
    String b = a.toString().replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n");
    String diff = UnifiedDiff.of("D", a.toString(), b);
    assertThat(diff).contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n").contains("@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
  }

  /** Applying the diff to the old text gives the new one, for random pairs of texts. */
  @Test
  void theDiffRebuildsTheNewText() {
    Random random = new Random(14);
    for (int round = 0; round < 2000; round++) {
      List<String> a = randomLines(random);
      List<String> b = new ArrayList<>(a);
      int edits = random.nextInt(6);
      for (int e = 0; e < edits; e++) {
        int at = b.isEmpty() ? 0 : random.nextInt(b.size() + 1);
        switch (random.nextInt(3)) {
          case 0 -> b.add(at, "x" + random.nextInt(4));
          case 1 -> {
            if (at < b.size()) {
              b.remove(at);
            }
          }
          default -> {
            if (at < b.size()) {
              b.set(at, "y" + random.nextInt(4));
            }
          }
        }
      }
      String before = String.join("\n", a) + (a.isEmpty() ? "" : "\n");
      String after = String.join("\n", b) + (b.isEmpty() ? "" : "\n");
      String diff = UnifiedDiff.of("D", before, after);
      assertThat(apply(before, diff)).as("%s -> %s\n%s", a, b, diff).isEqualTo(after);
    }
  }

  private static List<String> randomLines(Random random) {
    List<String> lines = new ArrayList<>();
    int n = random.nextInt(15);
    for (int i = 0; i < n; i++) {
      lines.add("l" + random.nextInt(5));
    }
    return lines;
  }

  /** A minimal patch: hunks in order, context checked. */
  static String apply(String before, String diff) {
    if (diff.isEmpty()) {
      return before;
    }
    String[] old = before.isEmpty() ? new String[0] : before.substring(0, before.length() - 1).split("\n", -1);
    List<String> out = new ArrayList<>();
    String[] lines = diff.split("\n", -1);
    int at = 0;
    for (int i = 2; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("@@")) {
        String minus = line.substring(4, line.indexOf(' ', 4));
        int start = Integer.parseInt(minus.split(",")[0]);
        int count = minus.contains(",") ? Integer.parseInt(minus.split(",")[1]) : 1;
        int first = count == 0 ? start : start - 1;
        while (at < first) {
          out.add(old[at++]);
        }
      } else if (line.startsWith(" ")) {
        assertThat(old[at]).isEqualTo(line.substring(1));
        out.add(old[at++]);
      } else if (line.startsWith("-")) {
        assertThat(old[at]).isEqualTo(line.substring(1));
        at++;
      } else if (line.startsWith("+")) {
        out.add(line.substring(1));
      }
    }
    while (at < old.length) {
      out.add(old[at++]);
    }
    return out.isEmpty() ? "" : String.join("\n", out) + "\n";
  }
}
