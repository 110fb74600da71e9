package dev.dockerlint.cli;

import dev.dockerlint.report.ControlCharacters;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error as every command writes it: each line's control characters escaped
 * ({@link ControlCharacters}), so that a file name, {@code --stdin-filename} or config value
 * holding a newline or an ESC cannot start a line of its own (GitHub Actions reads {@code ::error}
 * lines on stderr as annotations) or rewrite the terminal.
 *
 * <p>{@code println} prints its argument as one line, a newline in it escaped and a line longer
 * than {@link #LONGEST_LINE} cut; anything else
 * written (picocli's writer, {@code print}) keeps its line breaks and has every other control
 * character escaped, C1 and U+2028/U+2029 included, as they arrive in UTF-8.
 */
final class EscapingPrintStream extends PrintStream {
  /** The UTF-8 lead bytes of a C1 character (C2) and of U+2028/U+2029 (E2 80) held back, else empty. */
  private final byte[] held = new byte[2];
  private int heldCount;

  private EscapingPrintStream(OutputStream raw) {
    super(raw, true, StandardCharsets.UTF_8);
  }

  /** The stream under this one, for the progress line's own control characters ({@link Progress}). */
  OutputStream raw() {
    return out;
  }

  /** Standard error for the commands; a stream already escaping is kept. */
  static PrintStream of(PrintStream err) {
    return err instanceof EscapingPrintStream ? err : new EscapingPrintStream(err);
  }

  /**
   * Longest line {@code println} writes whole. Messages are one sentence; what makes one longer is
   * a value quoted from a file (a megabyte rule name in a config), which must not become a megabyte
   * line in a CI log.
   */
  static final int LONGEST_LINE = 2000;

  @Override
  public void println(String line) {
    String escaped = ControlCharacters.escape(String.valueOf(line));
    if (escaped.length() > LONGEST_LINE) {
      int end = Character.isHighSurrogate(escaped.charAt(LONGEST_LINE - 1)) ? LONGEST_LINE - 1 : LONGEST_LINE;
      escaped = escaped.substring(0, end) + "... (" + (escaped.length() - end) + " more characters)";
    }
    synchronized (this) {
      super.print(escaped);
      super.println();
    }
  }

  @Override
  public void println(Object line) {
    println(String.valueOf(line));
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    synchronized (this) {
      ByteRun out = new ByteRun(length);
      for (int i = offset; i < offset + length; i++) {
        accept(bytes[i] & 0xff, out);
      }
      super.write(out.bytes, 0, out.length);
    }
  }

  @Override
  public void flush() {
    synchronized (this) {
      if (heldCount > 0) { // a sequence cut by the end of the output is written as it came
        super.write(held, 0, heldCount);
        heldCount = 0;
      }
      super.flush();
    }
  }

  /** One byte of UTF-8: ASCII controls escaped at once, the lead bytes of C1 and U+2028/9 held for the next. */
  private void accept(int b, ByteRun out) {
    if (heldCount == 1 && held[0] == (byte) 0xc2) {
      heldCount = 0;
      if (b >= 0x80 && b <= 0x9f) {
        out.add(ControlCharacters.escape((char) b));
        return;
      }
      out.add(0xc2);
    } else if (heldCount == 1 && held[0] == (byte) 0xe2) {
      heldCount = 0;
      if (b == 0x80) {
        held[0] = (byte) 0xe2;
        held[1] = (byte) 0x80;
        heldCount = 2;
        return;
      }
      out.add(0xe2);
    } else if (heldCount == 2) {
      heldCount = 0;
      if (b == 0xa8 || b == 0xa9) {
        out.add(ControlCharacters.escape((char) (0x2000 + b - 0x80)));
        return;
      }
      out.add(0xe2);
      out.add(0x80);
    }
    if (b == 0xc2 || b == 0xe2) {
      held[0] = (byte) b;
      heldCount = 1;
    } else if (b != '\n' && (b < 0x20 || b == 0x7f)) {
      out.add(ControlCharacters.escape((char) b));
    } else {
      out.add(b);
    }
  }

  /** The bytes of one write, growing as escapes lengthen it. */
  private static final class ByteRun {
    byte[] bytes;
    int length;

    ByteRun(int expected) {
      bytes = new byte[expected + 16];
    }

    void add(int b) {
      if (length == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
      }
      bytes[length++] = (byte) b;
    }

    void add(String ascii) {
      for (int i = 0; i < ascii.length(); i++) {
        add(ascii.charAt(i));
      }
    }
  }
}
