package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
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

  static void write(Appendable out, Body body) throws IOException {
    StringWriter buffer = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(buffer)) {
      json.setPrettyPrinter(new Layout());
      body.write(json);
    }
    out.append(buffer.toString()).append('\n');
  }

  /** Writes compact JSON (no spaces, no line breaks), with the same escapes and nothing after it. */
  static void compact(Appendable out, Body body) throws IOException {
    StringWriter buffer = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(buffer)) {
      body.write(json);
    }
    out.append(buffer.toString());
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
