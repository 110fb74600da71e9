package dev.dockerlint.compose;

import dev.dockerlint.source.Position;
import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML file composed into {@link YamlNode}s with SnakeYAML's node API: no object is ever
 * constructed and no tag but the standard ones (and Compose's {@code !reset} and {@code !override})
 * is accepted, with caps on size, nesting, aliases and the nodes aliases expand to, so a hostile file
 * can neither run code nor exhaust memory. Merge keys ({@code <<: *defaults}) are resolved here, as
 * YAML 1.1 defines them; scalar values are interpolated ({@link Interpolation}), keys are not.
 */
final class ComposeReader {
  /** Larger files are no compose file anyone writes. */
  static final int MAX_CHARS = 4 << 20;
  /** Nodes an alias-heavy file may expand to; a billion laughs stops here. */
  static final int MAX_NODES = 200_000;
  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.SEQ, Tag.MAP, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT, Tag.MERGE);
  static final String RESET = "!reset";
  static final String OVERRIDE = "!override";

  private final String file;
  private final SourceText source;
  private final Interpolation interpolation;
  private int nodes;
  /** The collections being converted: meeting one again is an alias cycle. */
  private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** Nodes tagged {@code !reset} or {@code !override}, for the merge of several files. */
  final Map<YamlNode, String> mergeTags = new IdentityHashMap<>();
  /** Scalars whose value took a secret-named variable's value, and that value. */
  final Map<YamlNode.Scalar, String> secretValues = new IdentityHashMap<>();

  private ComposeReader(String file, SourceText source, Interpolation interpolation) {
    this.file = file;
    this.source = source;
    this.interpolation = interpolation;
  }

  /** What one file holds: its root (null for an empty file), and what the reader noted. */
  record Read(YamlNode root, Map<YamlNode, String> mergeTags, Map<YamlNode.Scalar, String> secretValues) {}

  /**
   * @param variables the {@code .env} values to interpolate with (null: do not interpolate, for
   *     JSON such as the schema)
   */
  static Read read(String file, SourceText source, Map<String, String> variables) throws ComposeException {
    ComposeReader reader = new ComposeReader(file, source, variables == null ? null : new Interpolation(variables));
    if (source.text().length() > MAX_CHARS) {
      throw new ComposeException(file + ":1:1: larger than 4 MiB; not a compose file");
    }
    Node root;
    try (StringReader in = new StringReader(source.text())) {
      LoaderOptions options = options();
      Composer composer = new Composer(new ParserImpl(new StreamReader(in), options), new Resolver(), options);
      root = composer.getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new ComposeException(reader.at(mark) + ": invalid YAML: " + oneLine(String.valueOf(problem)));
    } catch (YAMLException e) {
      throw new ComposeException(file + ":1:1: invalid YAML: " + oneLine(String.valueOf(e.getMessage())));
    } catch (StackOverflowError e) {
      throw new ComposeException(file + ":1:1: invalid YAML: nested too deeply");
    }
    if (root == null) {
      return new Read(null, Map.of(), Map.of());
    }
    YamlNode converted = reader.convert(root, true);
    return new Read(converted, reader.mergeTags, reader.secretValues);
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(200);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(MAX_CHARS);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    return options;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private String at(Mark mark) {
    if (mark == null) {
      return file + ":1:1";
    }
    Position p = position(mark);
    return file + ":" + p.line() + ":" + p.column();
  }

  private String at(Node node) {
    return at(node.getStartMark());
  }

  /** A mark's line and column (code points in SnakeYAML) as a 1-based position in UTF-16 columns. */
  private Position position(Mark mark) {
    int line = mark.getLine() + 1;
    if (line > source.lineCount()) {
      line = Math.max(1, source.lineCount());
    }
    String text = source.line(line);
    int chars = 0;
    for (int cp = 0; cp < mark.getColumn() && chars < text.length(); cp++) {
      chars += Character.charCount(text.codePointAt(chars));
    }
    return new Position(line, chars + 1 + Math.max(0, mark.getColumn() - text.codePointCount(0, text.length())));
  }

  private SourceRange range(Node node) {
    Position start = position(node.getStartMark());
    Position end = node.getEndMark() == null ? start : position(node.getEndMark());
    return end.compareTo(start) < 0 ? new SourceRange(start, start) : new SourceRange(start, end);
  }

  private YamlNode convert(Node node, boolean interpolate) throws ComposeException {
    if (++nodes > MAX_NODES) {
      throw new ComposeException(at(node) + ": YAML aliases expand to more than " + MAX_NODES
          + " nodes; not a compose file");
    }
    Tag tag = node.getTag();
    String mergeTag = null;
    if (!STANDARD_TAGS.contains(tag)) {
      String name = tag.getValue();
      if (name.equals(RESET) || name.equals(OVERRIDE)) {
        mergeTag = name;
      } else {
        throw new ComposeException(at(node) + ": YAML tags are not allowed (found " + quote(name) + ")");
      }
    }
    YamlNode result;
    if (node instanceof ScalarNode scalar) {
      result = scalar(scalar, interpolate);
    } else {
      if (!open.add(node)) {
        throw new ComposeException(at(node) + ": recursive YAML aliases are not allowed");
      }
      if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          items.add(convert(item, interpolate));
        }
        result = new YamlNode.Sequence(file, range(node), items);
      } else {
        result = mapping((MappingNode) node, interpolate);
      }
      open.remove(node);
    }
    if (mergeTag != null) {
      mergeTags.put(result, mergeTag);
    }
    return result;
  }

  private YamlNode.Scalar scalar(ScalarNode node, boolean interpolate) {
    YamlNode.Type type = typeOf(node);
    String text = node.getValue();
    String written = text;
    boolean known = true;
    String secret = null;
    if (interpolate && interpolation != null && type == YamlNode.Type.STRING) {
      Set<String> used = new HashSet<>();
      Interpolation.Result result = interpolation.apply(text, used);
      if (!used.isEmpty() && !result.text().equals(text)) {
        secret = result.text();
      }
      text = result.text();
      known = result.known();
    }
    YamlNode.Scalar scalar = new YamlNode.Scalar(file, range(node), text, written, type, known);
    if (secret != null && !secret.isEmpty()) {
      secretValues.put(scalar, secret);
    }
    return scalar;
  }

  private static YamlNode.Type typeOf(ScalarNode node) {
    Tag tag = node.getTag();
    if (tag.equals(Tag.INT)) {
      return YamlNode.Type.INTEGER;
    }
    if (tag.equals(Tag.FLOAT)) {
      return YamlNode.Type.FLOAT;
    }
    if (tag.equals(Tag.BOOL)) {
      return YamlNode.Type.BOOLEAN;
    }
    if (tag.equals(Tag.NULL)) {
      return YamlNode.Type.NULL;
    }
    return YamlNode.Type.STRING;
  }

  /** A mapping with its merge keys resolved: its own keys first win, then each merged mapping's in order. */
  private YamlNode.Mapping mapping(MappingNode node, boolean interpolate) throws ComposeException {
    List<YamlNode.Entry> own = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    List<YamlNode.Mapping> merged = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (keyNode.getTag().equals(Tag.MERGE)) {
        merged.addAll(mergeSources(tuple.getValueNode(), interpolate));
        continue;
      }
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        throw new ComposeException(at(keyNode) + ": a key must be a plain value, not a mapping or sequence");
      }
      if (!keys.add(keyScalar.getValue())) {
        throw new ComposeException(at(keyNode) + ": duplicate key " + quote(keyScalar.getValue()));
      }
      YamlNode.Scalar key = scalar(keyScalar, false);
      YamlNode value = convert(tuple.getValueNode(), interpolate);
      own.add(new YamlNode.Entry(key, value));
    }
    List<YamlNode.Entry> entries = new ArrayList<>(own);
    for (YamlNode.Mapping source : merged) {
      for (YamlNode.Entry entry : source.entries()) {
        if (keys.add(entry.key().text())) {
          entries.add(entry);
        }
      }
    }
    return new YamlNode.Mapping(file, range(node), entries);
  }

  private List<YamlNode.Mapping> mergeSources(Node value, boolean interpolate) throws ComposeException {
    List<YamlNode.Mapping> sources = new ArrayList<>();
    if (value instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (!(convert(item, interpolate) instanceof YamlNode.Mapping m)) {
          throw new ComposeException(at(item) + ": a merge key (<<) takes a mapping or a list of mappings");
        }
        sources.add(m);
      }
    } else if (convert(value, interpolate) instanceof YamlNode.Mapping m) {
      sources.add(m);
    } else {
      throw new ComposeException(at(value) + ": a merge key (<<) takes a mapping or a list of mappings");
    }
    return sources;
  }

  /** A value quoted for a message: at most 60 characters. */
  static String quote(String value) {
    String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
    return "'" + shown + "'";
  }

}
