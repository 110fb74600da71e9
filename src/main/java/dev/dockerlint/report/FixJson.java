package dev.dockerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import java.io.IOException;

/**
 * A finding's fix as the JSON and SARIF reports write it. Edits are over the text the report's
 * positions refer to; their replacement texts went through secret masking with the finding (a fix
 * touching a secret is never there).
 */
final class FixJson {
  private FixJson() {}

  /**
   * dockerlint's JSON: {@code "fix": {"title": ..., "applicability": "safe", "edits": [{"line",
   * "column", "endLine", "endColumn", "replacement"}]}}, written only for a finding with a fix.
   */
  static void writeJson(JsonGenerator json, Fix fix) throws IOException {
    if (fix == null) {
      return;
    }
    json.writeObjectFieldStart("fix");
    json.writeStringField("title", fix.title());
    json.writeStringField("applicability", fix.applicability().label());
    json.writeArrayFieldStart("edits");
    for (Edit edit : fix.edits()) {
      json.writeStartObject();
      json.writeNumberField("line", edit.range().startLine());
      json.writeNumberField("column", edit.range().startColumn());
      json.writeNumberField("endLine", edit.range().endLine());
      json.writeNumberField("endColumn", edit.range().endColumn());
      json.writeStringField("replacement", edit.replacement());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Writes a result's artifact location, as the reporter writes it for the result's own location. */
  interface Location {
    void write(JsonGenerator json) throws IOException;
  }

  /**
   * SARIF 2.1.0's {@code fixes} (§3.27.30): one fix with its description, one artifact change for
   * the finding's file, and a replacement per edit: the deleted region (empty for an insertion) and
   * the inserted content. The applicability goes into the fix's property bag.
   */
  static void writeSarif(JsonGenerator json, Fix fix, Location location) throws IOException {
    if (fix == null) {
      return;
    }
    json.writeArrayFieldStart("fixes");
    json.writeStartObject();
    json.writeObjectFieldStart("description");
    json.writeStringField("text", fix.title());
    json.writeEndObject();
    json.writeArrayFieldStart("artifactChanges");
    json.writeStartObject();
    location.write(json);
    json.writeArrayFieldStart("replacements");
    for (Edit edit : fix.edits()) {
      json.writeStartObject();
      json.writeObjectFieldStart("deletedRegion");
      json.writeNumberField("startLine", edit.range().startLine());
      json.writeNumberField("startColumn", edit.range().startColumn());
      json.writeNumberField("endLine", edit.range().endLine());
      json.writeNumberField("endColumn", edit.range().endColumn());
      json.writeEndObject();
      if (!edit.replacement().isEmpty()) {
        json.writeObjectFieldStart("insertedContent");
        json.writeStringField("text", edit.replacement());
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("properties");
    json.writeStringField("applicability", fix.applicability().label());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
  }
}
