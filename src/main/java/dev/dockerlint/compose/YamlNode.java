package dev.dockerlint.compose;

import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of a compose file as the rules see it: composed by SnakeYAML (no objects constructed),
 * with aliases and merge keys resolved, variables interpolated, and the file and range where it is
 * written. Immutable.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {
  // an interface, not a base class: the verifier then loads no node class for the rules' calls
  // passing a Scalar where a YamlNode goes, so a run of Dockerfiles loads none of the model

  /** The file the node is written in, as reports name it. */
  String file();

  SourceRange range();

  /** What a node of the three kinds holds: where it is. */
  abstract class Located {
    private final String file;
    private final SourceRange range;

    Located(String file, SourceRange range) {
      this.file = file;
      this.range = range;
    }

    public String file() {
      return file;
    }

    public SourceRange range() {
      return range;
    }
  }

  /** What YAML resolved a scalar to; a quoted scalar is always a string. */
  enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

  /**
   * A scalar.
   */
  final class Scalar extends Located implements YamlNode {
    private final String text;
    private final String written;
    private final Type type;
    private final boolean known;

    /**
     * @param text the value, with variables interpolated
     * @param known false when a variable it uses has no value here (not in the {@code .env} beside
     *     the file, no default): rules then make no claim about the value
     */
    public Scalar(String file, SourceRange range, String text, Type type, boolean known) {
      this(file, range, text, text, type, known);
    }

    /** @param written the value as the file writes it, before interpolation */
    public Scalar(String file, SourceRange range, String text, String written, Type type, boolean known) {
      super(file, range);
      this.text = text;
      this.written = written;
      this.type = type;
      this.known = known;
    }

    public String text() {
      return text;
    }

    /** The value as written, before interpolation ({@code ${DB_PASSWORD}}). */
    public String written() {
      return written;
    }

    /** Whether the value takes a variable's value ({@code ${VAR}}, {@code $VAR}) rather than being written out. */
    public boolean usesVariables() {
      return !written.equals(text) || written.contains("${");
    }

    public Type type() {
      return type;
    }

    public boolean known() {
      return known;
    }

    /** Whether the value is YAML's or Compose's true ({@code true}, {@code "true"}, {@code yes}). */
    public boolean isTrue() {
      String t = text.toLowerCase(java.util.Locale.ROOT);
      return known && (t.equals("true") || t.equals("yes") || t.equals("on"));
    }
  }

  /** A key and its value, in the order written. */
  record Entry(Scalar key, YamlNode value) {}

  /** A mapping: keys are unique (a duplicate is a load error). */
  final class Mapping extends Located implements YamlNode {
    private final List<Entry> entries;

    public Mapping(String file, SourceRange range, List<Entry> entries) {
      super(file, range);
      this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
      return entries;
    }

    /** The value of a key, or null. */
    public YamlNode get(String key) {
      for (Entry entry : entries) {
        if (entry.key().text().equals(key)) {
          return entry.value();
        }
      }
      return null;
    }

    /** The entry of a key, or null. */
    public Entry entry(String key) {
      for (Entry entry : entries) {
        if (entry.key().text().equals(key)) {
          return entry;
        }
      }
      return null;
    }

    /** The value of a key when it is a scalar, or null. */
    public Scalar scalar(String key) {
      return get(key) instanceof Scalar s ? s : null;
    }

    /** The value of a key when it is a mapping, or null. */
    public Mapping mapping(String key) {
      return get(key) instanceof Mapping m ? m : null;
    }
  }

  /** A sequence. */
  final class Sequence extends Located implements YamlNode {
    private final List<YamlNode> items;

    public Sequence(String file, SourceRange range, List<YamlNode> items) {
      super(file, range);
      this.items = List.copyOf(items);
    }

    public List<YamlNode> items() {
      return items;
    }

    /** The items that are scalars. */
    public List<Scalar> scalars() {
      List<Scalar> result = new ArrayList<>();
      for (YamlNode item : items) {
        if (item instanceof Scalar s) {
          result.add(s);
        }
      }
      return result;
    }
  }
}
