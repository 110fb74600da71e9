package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shared JSON writing for the JSON, SARIF and GitLab reporters: Jackson's streaming generator with a
 * fixed layout (two-space indent, {@code "key": value}, one array element per line, {@code []} and
 * {@code {}} when empty, {@code \n} line ends whatever the platform) and a trailing newline.
 *
 * <p>Strings escape every control character {@link ControlCharacters} names: C0 as JSON requires
 * (RFC 8259, section 7), and DEL, C1, U+2028 and U+2029 too, which JSON allows raw but which would
 * then reach a terminal or log that shows the file (and U+2028/U+2029 end a line in JavaScript
 * before ES2019).
 */
final class JsonSupport {
  private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new Escapes()).build();

  @FunctionalInterface
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private JsonSupport() {}

  /**
   * Writes pretty-printed JSON and a newline. The document goes to {@code out} as it is generated,
   * in the generator's pieces of a few thousand characters, never built whole in memory.
   */
  static void write(Appendable out, Body body) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(new AppendableWriter(out))) {
      json.setPrettyPrinter(new Layout());
      body.write(json);
    }
    out.append('\n');
  }

  /** Writes compact JSON (no spaces, no line breaks), with the same escapes and nothing after it; streamed too. */
  static void compact(Appendable out, Body body) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(new AppendableWriter(out))) {
      body.write(json);
    }
  }

  /** The generator's output passed on to an {@link Appendable}; closing it leaves the target open. */
  private static final class AppendableWriter extends Writer {
    private final Appendable out;

    AppendableWriter(Appendable out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      out.append(new String(chars, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      out.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) throws IOException {
      out.append((char) c);
    }

    @Override
    public void flush() {
      // the target is flushed by whoever owns it, once the report is complete
    }

    @Override
    public void close() {
      // the same: the report's stream outlives the generator
    }
  }

  /** Writes an array of strings. */
  static void stringArray(JsonGenerator json, String field, Iterable<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** Files that could not be linted, in path order (stable for equal paths). */
  static List<FileResult> failedFiles(Report report) {
    List<FileResult> failed = new ArrayList<>();
    for (FileResult file : report.files()) {
      if (file.error() != null) {
        failed.add(file);
      }
    }
    failed.sort(Comparator.comparing(FileResult::path));
    return failed;
  }

  /** Jackson's standard escapes, plus <code>&#92;uXXXX</code> for DEL, C1, U+2028 and U+2029. */
  private static final class Escapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    Escapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    /** Asked for each character above ASCII. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch > 0xffff || !ControlCharacters.isControl((char) ch)) {
        return null;
      }
      String hex = Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT);
      return new SerializedString("\\u" + "0".repeat(4 - hex.length()) + hex);
    }
  }

  /** Stateful, so one instance per generator. */
  private static final class Layout implements PrettyPrinter {
    private int depth;

    private void newline(JsonGenerator json) throws IOException {
      json.writeRaw('\n');
      for (int i = 0; i < depth; i++) {
        json.writeRaw("  ");
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator json) throws IOException {
      json.writeRaw('{');
      depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator json) throws IOException {
      newline(json);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
      json.writeRaw(',');
      newline(json);
    }

    @Override
    public void writeEndObject(JsonGenerator json, int entries) throws IOException {
      depth--;
      if (entries > 0) {
        newline(json);
      }
      json.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator json) throws IOException {
      json.writeRaw('[');
      depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator json) throws IOException {
      newline(json);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw(',');
      newline(json);
    }

    @Override
    public void writeEndArray(JsonGenerator json, int values) throws IOException {
      depth--;
      if (values > 0) {
        newline(json);
      }
      json.writeRaw(']');
    }
  }
}
