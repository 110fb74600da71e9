package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8OutputTest {
  /** Pieces of ASCII, accented letters, CJK and emoji (surrogate pairs), in random sizes. */
  @Test
  void anyMixOfAppendsGivesTheTextsUtf8() throws IOException {
    String[] parts = {"FROM alpine:3.20\n", "é", "日本", "\uD83D\uDC33", "x", "a".repeat(5000), "\uD83D\uDE00\uD83D\uDE00"};
    Random random = new Random(3);
    for (int round = 0; round < 50; round++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Utf8Output out = new Utf8Output(bytes);
      StringBuilder expected = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        String part = parts[random.nextInt(parts.length)];
        switch (random.nextInt(3)) {
          case 0 -> out.append(part);
          case 1 -> out.append("<" + part + ">", 1, part.length() + 1);
          default -> part.chars().forEach(c -> append(out, (char) c));
        }
        expected.append(part);
      }
      out.flush();
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
      assertThat(bytes.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aSurrogatePairSplitAtAPieceBoundaryStaysWhole() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Output out = new Utf8Output(bytes);
    out.append("a".repeat((1 << 15) - 1)).append('\uD83D'); // the piece fills on the high surrogate
    out.append('\uDC33');
    out.flush();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("a\uD83D\uDC33").doesNotContain("?");
  }

  private static void append(Utf8Output out, char c) {
    try {
      out.append(c);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
