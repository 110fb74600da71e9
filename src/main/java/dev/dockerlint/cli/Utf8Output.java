package dev.dockerlint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A report on its way to a stream: gathered as text and written as UTF-8 in pieces of 32 KiB or so.
 * An OutputStreamWriter encodes a few characters per call; for text that is all ASCII, as reports
 * nearly always are, encoding a whole piece is a copy.
 */
final class Utf8Output implements Appendable {
  private static final int PIECE = 1 << 15;

  private final OutputStream out;
  private final StringBuilder pending = new StringBuilder(PIECE + 1024);

  Utf8Output(OutputStream out) {
    this.out = out;
  }

  @Override
  public Appendable append(CharSequence text) throws IOException {
    pending.append(text);
    writeIfFull();
    return this;
  }

  @Override
  public Appendable append(CharSequence text, int start, int end) throws IOException {
    pending.append(text, start, end);
    writeIfFull();
    return this;
  }

  @Override
  public Appendable append(char c) throws IOException {
    pending.append(c);
    writeIfFull();
    return this;
  }

  /** Writes everything appended so far and flushes the stream. */
  void flush() throws IOException {
    write(pending.length());
    out.flush();
  }

  private void writeIfFull() throws IOException {
    if (pending.length() >= PIECE) {
      int end = pending.length();
      if (Character.isHighSurrogate(pending.charAt(end - 1))) {
        end--; // the pair's second half comes with the next piece
      }
      write(end);
    }
  }

  private void write(int end) throws IOException {
    if (end > 0) {
      out.write(pending.substring(0, end).getBytes(StandardCharsets.UTF_8));
      pending.delete(0, end);
    }
  }
}
