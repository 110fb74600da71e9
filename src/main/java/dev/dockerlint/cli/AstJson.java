package dev.dockerlint.cli;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Invalid;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.report.ControlCharacters;
import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code dockerlint ast} as JSON. A class of its own so that Jackson is loaded only when this
 * output is asked for, never on a plain lint run.
 */
final class AstJson {
  private AstJson() {}

  /**
   * A record's components in their declared order, then its derived properties ({@code isFlag()} and
   * the like) by name. Jackson orders the derived ones as reflection lists the methods, which is not
   * fixed: it changed with the thread that first loaded the class.
   */
  private static final BeanSerializerModifier STABLE_ORDER = new BeanSerializerModifier() {
    @Override
    public List<BeanPropertyWriter> orderProperties(SerializationConfig config, BeanDescription description,
        List<BeanPropertyWriter> properties) {
      Class<?> type = description.getBeanClass();
      if (!type.isRecord()) {
        return properties;
      }
      List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
      List<BeanPropertyWriter> ordered = new ArrayList<>(properties);
      ordered.sort(Comparator.<BeanPropertyWriter>comparingInt(p -> {
        int index = components.indexOf(p.getName());
        return index < 0 ? components.size() : index;
      }).thenComparing(BeanPropertyWriter::getName));
      return ordered;
    }
  };

  static String render(Dockerfile file) throws Exception {
    // ranges print as "line:col-line:col" (end exclusive) to keep the dump readable
    SimpleModule compact = new SimpleModule()
        .addSerializer(SourceRange.class, ToStringSerializer.instance)
        .addSerializer(Position.class, ToStringSerializer.instance)
        .setSerializerModifier(STABLE_ORDER);
    ObjectMapper mapper = new ObjectMapper().registerModule(compact).enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("path", file.path());
    root.put("escape", String.valueOf(file.escape()));
    root.set("directives", mapper.valueToTree(file.directives()));
    ArrayNode instructions = root.putArray("instructions");
    for (Instruction instruction : file.instructions()) {
      ObjectNode node = instructions.addObject();
      // one Docker rejects shows as what it was parsed as, with the error that rejects it
      Instruction parsed = instruction.parsed();
      node.put("instruction", parsed.getClass().getSimpleName().toUpperCase(Locale.ROOT));
      node.setAll((ObjectNode) mapper.valueToTree(parsed));
      if (instruction instanceof Invalid invalid) {
        node.set("error", mapper.valueToTree(invalid.error()));
      }
      ObjectNode vars = node.putObject("variables");
      for (Variable v : file.scopeAt(instruction).variables().values()) {
        if (v.kind() != Variable.Kind.PREDEFINED) {
          vars.put(v.name(), v.value());
        }
      }
    }
    ArrayNode stages = root.putArray("stages");
    for (Stage stage : file.stages()) {
      ObjectNode node = stages.addObject();
      node.put("index", stage.index());
      node.put("name", stage.name());
      node.put("baseStage", stage.baseStage());
      node.set("baseImage", mapper.valueToTree(stage.baseImage()));
      node.put("firstLine", stage.from().range().startLine());
      node.put("final", stage.index() == file.stages().size() - 1);
      node.put("effectiveUser", file.effectiveUser(stage).filter(u -> u.user() != null) // USER with no argument
          .map(u -> file.scopeAt(u).resolve(u.user())).orElse(null));
    }
    root.set("comments", mapper.valueToTree(file.comments()));
    root.set("syntaxErrors", mapper.valueToTree(file.syntaxErrors()));
    return escapeRawControls(mapper.writeValueAsString(root)) + "\n";
  }

  /**
   * Jackson escapes C0 in strings but writes DEL, C1, U+2028 and U+2029 raw; the reports escape them
   * too ({@code report.JsonSupport}), and so does this dump. Outside strings JSON holds no such
   * character, so each one found is inside a string and its escape means the same.
   */
  static String escapeRawControls(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c >= 0x7f && ControlCharacters.isControl(c)) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }
}
