package dev.dockerlint.compose;

import dev.dockerlint.ast.NameSuggestion;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a compose file against the Compose Specification's JSON schema ({@code compose-spec.json},
 * shipped with dockerlint under the Apache-2.0 licence, see {@code compose-spec.NOTICE}), node by
 * node, so every problem has the line and column of the key or value at fault. A small checker of
 * the draft-07 keywords the schema uses ({@code type}, {@code properties}, {@code patternProperties},
 * {@code additionalProperties}, {@code required}, {@code items}, {@code oneOf}, {@code anyOf},
 * {@code enum}, {@code pattern}, {@code minimum}, {@code maximum}, {@code uniqueItems}, {@code $ref}),
 * over the same nodes the rules see: no JSON library, no conversion of the file.
 *
 * <p>Values are checked as Compose reads them after interpolation: a quoted {@code "8080"} or
 * {@code "${PORT:-80}"} where a number is expected is fine, and a value whose variable is not known
 * here matches any scalar type.
 */
public final class ComposeSchema {
  private static final String RESOURCE = "compose-spec.json";
  /** Problems past this many in one file are not listed. */
  static final int MAX_PROBLEMS = 20;
  private static ComposeSchema instance;

  private final YamlNode.Mapping root;
  private final Map<String, Pattern> patterns = new HashMap<>();

  private ComposeSchema(YamlNode.Mapping root) {
    this.root = root;
  }

  /** The shipped schema, read once. */
  public static synchronized ComposeSchema get() {
    if (instance == null) {
      try (InputStream in = ComposeSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the jar");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        instance = new ComposeSchema((YamlNode.Mapping) ComposeReader.read(RESOURCE, new SourceText(text), null).root());
      } catch (IOException | ComposeException e) {
        throw new IllegalStateException("cannot read " + RESOURCE, e);
      }
    }
    return instance;
  }

  /** A problem: the node at fault and what is wrong, without the position. */
  record Problem(YamlNode node, String message) {}

  /** The problems of a compose file's root, in file order, at most {@link #MAX_PROBLEMS}. */
  public List<String> validate(YamlNode document) {
    List<Problem> problems = new ArrayList<>();
    check(document, root, "", problems);
    problems.sort(new java.util.Comparator<Problem>() {
      @Override
      public int compare(Problem a, Problem b) {
        return a.node().range().start().compareTo(b.node().range().start());
      }
    });
    List<String> lines = new ArrayList<>();
    for (Problem problem : problems) {
      if (lines.size() == MAX_PROBLEMS) {
        break;
      }
      YamlNode node = problem.node();
      lines.add(node.file() + ":" + node.range().startLine() + ":" + node.range().startColumn() + ": "
          + problem.message());
    }
    return lines;
  }

  private YamlNode.Mapping resolve(YamlNode.Mapping schema) {
    YamlNode.Mapping current = schema;
    for (int hops = 0; hops < 16; hops++) {
      YamlNode.Scalar ref = current.scalar("$ref");
      if (ref == null) {
        return current;
      }
      YamlNode target = root;
      for (String part : ref.text().substring(ref.text().indexOf('#') + 1).split("/")) {
        if (!part.isEmpty()) {
          target = target instanceof YamlNode.Mapping m ? m.get(part) : null;
        }
      }
      if (!(target instanceof YamlNode.Mapping next)) {
        throw new IllegalStateException("schema reference " + ref.text() + " leads nowhere");
      }
      current = next;
    }
    throw new IllegalStateException("schema references loop");
  }

  private void check(YamlNode value, YamlNode.Mapping rawSchema, String path, List<Problem> out) {
    YamlNode.Mapping schema = resolve(rawSchema);
    List<String> types = types(schema);
    if (!types.isEmpty() && !matchesAny(value, types)) {
      out.add(new Problem(value, where(path) + "expected " + describe(types) + ", found " + found(value)));
      return;
    }
    for (String choice : List.of("oneOf", "anyOf")) {
      if (schema.get(choice) instanceof YamlNode.Sequence branches) {
        checkChoice(value, branches, path, out);
      }
    }
    if (schema.get("enum") instanceof YamlNode.Sequence allowed && value instanceof YamlNode.Scalar s && s.known()) {
      boolean listed = false;
      List<String> names = new ArrayList<>();
      for (YamlNode.Scalar option : allowed.scalars()) {
        names.add(option.text());
        listed |= option.text().equals(s.text());
      }
      if (!listed) {
        out.add(new Problem(value, where(path) + ComposeReader.quote(s.text()) + " is not one of "
            + String.join(", ", names)));
      }
    }
    if (value instanceof YamlNode.Scalar s && s.known()) {
      checkScalar(s, schema, path, out);
    } else if (value instanceof YamlNode.Mapping mapping) {
      checkMapping(mapping, schema, path, out);
    } else if (value instanceof YamlNode.Sequence sequence) {
      checkSequence(sequence, schema, path, out);
    }
  }

  private void checkChoice(YamlNode value, YamlNode.Sequence branches, String path, List<Problem> out) {
    List<Problem> best = null;
    List<String> alternatives = new ArrayList<>();
    for (YamlNode branch : branches.items()) {
      if (!(branch instanceof YamlNode.Mapping b)) {
        continue;
      }
      YamlNode.Mapping schema = resolve(b);
      List<Problem> problems = new ArrayList<>();
      check(value, b, path, problems);
      if (problems.isEmpty()) {
        return;
      }
      List<String> types = types(schema);
      alternatives.addAll(types);
      if (best == null && (types.isEmpty() || matchesAny(value, types))) {
        best = problems; // the branch for this kind of value says best what is wrong within it
      }
    }
    if (best != null) {
      out.addAll(best);
    } else {
      out.add(new Problem(value, where(path) + "expected " + describe(new ArrayList<>(new java.util.LinkedHashSet<>(
          alternatives))) + ", found " + found(value)));
    }
  }

  private void checkScalar(YamlNode.Scalar value, YamlNode.Mapping schema, String path, List<Problem> out) {
    YamlNode.Scalar pattern = schema.scalar("pattern");
    if (pattern != null && !pattern(pattern.text()).matcher(value.text()).find()) {
      out.add(new Problem(value, where(path) + ComposeReader.quote(value.text()) + " is not a valid value here"));
    }
    Double number = number(value.text());
    YamlNode.Scalar minimum = schema.scalar("minimum");
    if (number != null && minimum != null && number < Double.parseDouble(minimum.text())) {
      out.add(new Problem(value, where(path) + value.text() + " is below the minimum of " + minimum.text()));
    }
    YamlNode.Scalar maximum = schema.scalar("maximum");
    if (number != null && maximum != null && number > Double.parseDouble(maximum.text())) {
      out.add(new Problem(value, where(path) + value.text() + " is above the maximum of " + maximum.text()));
    }
  }

  private void checkMapping(YamlNode.Mapping value, YamlNode.Mapping schema, String path, List<Problem> out) {
    YamlNode.Mapping properties = schema.mapping("properties");
    YamlNode.Mapping patternProperties = schema.mapping("patternProperties");
    YamlNode.Scalar additional = schema.scalar("additionalProperties");
    boolean closed = additional != null && !additional.isTrue();
    for (YamlNode.Entry entry : value.entries()) {
      String key = entry.key().text();
      String child = path.isEmpty() ? key : path + "." + key;
      boolean matched = false;
      if (properties != null && properties.get(key) instanceof YamlNode.Mapping sub) {
        check(entry.value(), sub, child, out);
        matched = true;
      }
      if (patternProperties != null) {
        for (YamlNode.Entry p : patternProperties.entries()) {
          if (pattern(p.key().text()).matcher(key).find() && p.value() instanceof YamlNode.Mapping sub) {
            check(entry.value(), sub, child, out);
            matched = true;
          }
        }
      }
      if (!matched && closed) {
        out.add(new Problem(entry.key(), unknownKey(key, path, properties)));
      }
    }
    if (schema.get("required") instanceof YamlNode.Sequence required) {
      for (YamlNode.Scalar name : required.scalars()) {
        if (value.get(name.text()) == null) {
          out.add(new Problem(value, where(path) + "the required key " + ComposeReader.quote(name.text())
              + " is missing"));
        }
      }
    }
  }

  private static String unknownKey(String key, String path, YamlNode.Mapping properties) {
    String message = ComposeReader.quote(key) + " is not a key " + (path.isEmpty() ? "of a compose file"
        : "of " + path) + " in the Compose Specification";
    if (properties != null) {
      List<String> names = new ArrayList<>();
      for (YamlNode.Entry entry : properties.entries()) {
        names.add(entry.key().text());
      }
      java.util.Optional<String> close = NameSuggestion.closest(key, names, 2);
      if (close.isPresent()) {
        return message + "; did you mean " + ComposeReader.quote(close.get()) + "?";
      }
    }
    return message;
  }

  private void checkSequence(YamlNode.Sequence value, YamlNode.Mapping schema, String path, List<Problem> out) {
    if (schema.get("items") instanceof YamlNode.Mapping items) {
      for (int i = 0; i < value.items().size(); i++) {
        check(value.items().get(i), items, path + "[" + i + "]", out);
      }
    }
    YamlNode.Scalar unique = schema.scalar("uniqueItems");
    if (unique != null && unique.isTrue()) {
      Set<String> seen = new HashSet<>();
      for (YamlNode.Scalar item : value.scalars()) {
        if (item.known() && !seen.add(item.text())) {
          out.add(new Problem(item, where(path) + ComposeReader.quote(item.text()) + " is listed twice"));
        }
      }
    }
  }

  private Pattern pattern(String regex) {
    Pattern p = patterns.get(regex);
    if (p == null) {
      p = Pattern.compile(regex);
      patterns.put(regex, p);
    }
    return p;
  }

  private static List<String> types(YamlNode.Mapping schema) {
    YamlNode type = schema.get("type");
    if (type instanceof YamlNode.Scalar s) {
      return List.of(s.text());
    }
    if (type instanceof YamlNode.Sequence seq) {
      List<String> names = new ArrayList<>();
      for (YamlNode.Scalar s : seq.scalars()) {
        names.add(s.text());
      }
      return names;
    }
    return List.of();
  }

  private static boolean matchesAny(YamlNode value, List<String> types) {
    for (String type : types) {
      if (matches(value, type)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a value is of a JSON type, as Compose converts a scalar after interpolation. */
  static boolean matches(YamlNode value, String type) {
    if (type.equals("object")) {
      return value instanceof YamlNode.Mapping;
    }
    if (type.equals("array")) {
      return value instanceof YamlNode.Sequence;
    }
    if (!(value instanceof YamlNode.Scalar s)) {
      return false;
    }
    if (s.type() == YamlNode.Type.NULL) {
      return type.equals("null");
    }
    if (!s.known()) {
      return !type.equals("null");
    }
    String text = s.text();
    return switch (type) {
      case "string" -> true;
      case "boolean" -> s.type() == YamlNode.Type.BOOLEAN || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
      case "integer" -> s.type() == YamlNode.Type.INTEGER || text.matches("[-+]?[0-9]+");
      case "number" -> s.type() == YamlNode.Type.INTEGER || s.type() == YamlNode.Type.FLOAT || number(text) != null;
      default -> false;
    };
  }

  private static Double number(String text) {
    if (!text.matches("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?")) {
      return null;
    }
    return Double.parseDouble(text);
  }

  private static String where(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }

  private static String describe(List<String> types) {
    List<String> names = new ArrayList<>();
    for (String type : types) {
      names.add(switch (type) {
        case "object" -> "a mapping";
        case "array" -> "a list";
        case "string" -> "a string";
        case "integer" -> "a whole number";
        case "number" -> "a number";
        case "boolean" -> "true or false";
        case "null" -> "no value";
        default -> type;
      });
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  /** What a value is, never the value itself: it may be a secret written in the wrong place. */
  private static String found(YamlNode value) {
    if (value instanceof YamlNode.Mapping) {
      return "a mapping";
    }
    if (value instanceof YamlNode.Sequence) {
      return "a list";
    }
    return switch (((YamlNode.Scalar) value).type()) {
      case NULL -> "no value";
      case BOOLEAN -> "true or false";
      case INTEGER, FLOAT -> "a number";
      default -> "a string";
    };
  }
}
