package dev.dockerlint.policy;

import com.google.re2j.PatternSyntaxException;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a rule pack: YAML composed into nodes only (no object construction, no tags), bounded in
 * size, aliases and nesting, as {@code .dockerlint.yaml} is read. Every problem is collected with
 * its line and column, so one run names them all; a value quoted in a message is cut short.
 */
public final class PackReader {
  public static final int MAX_BYTES = 1 << 20;
  static final int MAX_RULES = 1000;
  static final int MAX_DEPTH = 16;
  static final int MAX_PATTERN = 1000;
  static final int MAX_MESSAGE = 1000;
  static final int MAX_EXAMPLES = 100;
  private static final int MAX_PROBLEMS = 100;
  private static final int QUOTED = 80;

  static final List<String> TOP_KEYS = List.of("rules");
  static final List<String> RULE_KEYS = List.of("id", "severity", "message", "summary", "description", "help",
      "aliases", "enabled", "match", "examples");
  static final List<String> MATCH_KEYS = List.of("stage", "forbid", "require");
  static final List<String> INSTRUCTION_KEYS = List.of("instruction", "flag", "from", "run", "env", "arg", "label",
      "user", "expose", "add", "copy", "all", "any", "not");
  static final List<String> COMMAND_KEYS = List.of("name", "subcommand", "flag", "argument", "piped-into", "all",
      "any", "not");
  static final List<String> PATTERN_KEYS = List.of("glob", "regex", "not", "any", "all", "absent");
  private static final List<String> SEVERITIES = List.of("error", "warning", "info", "style");
  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.SEQ, Tag.MAP, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT);

  private final String file;
  private final Map<String, String> taken;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param file the pack as messages name it
   * @param taken names already in use, lower-cased (built-in ids and aliases, other packs' rules),
   *     each with who uses it ("built-in rule 'image-latest'")
   */
  private PackReader(String file, Map<String, String> taken) {
    this.file = file;
    this.taken = taken;
  }

  /**
   * Compiles a pack's text.
   *
   * @throws PackException naming every problem found
   */
  public static Pack read(String file, String text, Map<String, String> taken) throws PackException {
    PackReader reader = new PackReader(file, taken);
    List<PolicyRule> rules = reader.read(text);
    if (!reader.problems.isEmpty()) {
      throw new PackException(reader.problems);
    }
    return new Pack(file, rules);
  }

  private List<PolicyRule> read(String text) {
    if (text.length() > MAX_BYTES) {
      problems.add(file + ": rule pack is larger than 1 MiB");
      return List.of();
    }
    Node root;
    try (Reader reader = new StringReader(text)) {
      root = yaml().compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      problems.add(file + where + ": invalid YAML: " + cut(String.valueOf(problem).replace('\n', ' ').strip()));
      return List.of();
    } catch (YAMLException e) {
      problems.add(file + ": invalid YAML: " + cut(String.valueOf(e.getMessage()).replace('\n', ' ').strip()));
      return List.of();
    } catch (IOException e) {
      problems.add(file + ": " + cut(e.getMessage()));
      return List.of();
    } catch (RuntimeException e) {
      problems.add(file + ": invalid YAML (" + e.getClass().getSimpleName() + ")");
      return List.of();
    }
    if (root == null) {
      problems.add(file + ":1:1: empty rule pack; expected 'rules:' with a list of rules");
      return List.of();
    }
    if (!checkPlainYaml(root, Collections.newSetFromMap(new IdentityHashMap<>()), 0)) {
      return List.of();
    }
    MappingNode top = mapping(root, "a rule pack must be a mapping with the key 'rules'");
    if (top == null) {
      return List.of();
    }
    Map<String, Node> keys = keys(top, TOP_KEYS, "the pack");
    Node rulesNode = keys.get("rules");
    if (rulesNode == null) {
      if (keys.isEmpty() && problems.isEmpty()) {
        error(top, "missing key 'rules'; expected a list of rules");
      }
      return List.of();
    }
    SequenceNode list = sequence(rulesNode, "'rules' must be a list of rules");
    if (list == null) {
      return List.of();
    }
    if (list.getValue().size() > MAX_RULES) {
      error(list, "more than " + MAX_RULES + " rules in one pack");
      return List.of();
    }
    List<PolicyRule> rules = new ArrayList<>();
    Map<String, String> ownNames = new LinkedHashMap<>();
    for (Node item : list.getValue()) {
      if (problems.size() >= MAX_PROBLEMS) {
        break;
      }
      PolicyRule rule = rule(item, ownNames);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  private PolicyRule rule(Node node, Map<String, String> ownNames) {
    MappingNode map = mapping(node, "a rule must be a mapping with id, severity, message and match");
    if (map == null) {
      return null;
    }
    int before = problems.size();
    Map<String, Node> keys = keys(map, RULE_KEYS, "a rule");
    String id = id(keys.get("id"), map, ownNames);
    Severity severity = Severity.WARNING;
    if (keys.containsKey("severity")) {
      String level = oneOf(keys.get("severity"), SEVERITIES);
      severity = level == null ? Severity.WARNING : Severity.parse(level).orElse(Severity.WARNING);
    }
    Node messageNode = keys.get("message");
    String template = messageNode == null ? null : text(messageNode, MAX_MESSAGE, "the message");
    if (messageNode == null) {
      error(map, "missing key 'message'");
    }
    String summary = keys.containsKey("summary") ? text(keys.get("summary"), MAX_MESSAGE, "the summary") : null;
    String description = keys.containsKey("description") ? text(keys.get("description"), MAX_BYTES, "the description")
        : null;
    String help = keys.containsKey("help") ? help(keys.get("help")) : null;
    if (!keys.containsKey("help")) {
      error(map, "missing key 'help'; give the address of the page that explains the rule (SARIF links to it)");
    }
    List<String> aliases = keys.containsKey("aliases") ? aliases(keys.get("aliases"), id, ownNames) : List.of();
    boolean enabled = !keys.containsKey("enabled") || Boolean.TRUE.equals(bool(keys.get("enabled")));
    Node matchNode = keys.get("match");
    if (matchNode == null) {
      error(map, "missing key 'match'");
    }
    Compiled compiled = matchNode == null ? null : match(matchNode);
    Object[] message = template == null ? null : message(messageNode, template,
        compiled == null ? EnumSet.allOf(Placeholder.class) : compiled.binds);
    List<PolicyRule.Example> examples = keys.containsKey("examples") ? examples(keys.get("examples")) : List.of();
    if (problems.size() > before || id == null || compiled == null || message == null || help == null) {
      return null;
    }
    String oneLine = summary != null ? summary : template;
    oneLine = oneLine.replace('\n', ' ').strip();
    RuleInfo info = new RuleInfo(id, severity, enabled, aliases, oneLine, List.of("custom"), null, help);
    return new PolicyRule(info, compiled.require, compiled.stages, compiled.stageName, compiled.match, message, file,
        description, examples);
  }

  // ---- rule metadata

  private String id(Node node, MappingNode rule, Map<String, String> ownNames) {
    if (node == null) {
      error(rule, "missing key 'id'");
      return null;
    }
    String id = scalar(node, "the id");
    if (id == null) {
      return null;
    }
    if (!isId(id)) {
      error(node, "invalid id '" + cut(id) + "'; an id is lower-case words joined by dashes, such as 'no-curl-pipe'");
      return null;
    }
    if (!claim(node, id, "rule '" + id + "'", ownNames)) {
      return null;
    }
    return id;
  }

  /** Takes a name for this pack, or reports whose it is already. */
  private boolean claim(Node node, String name, String owner, Map<String, String> ownNames) {
    String key = name.toLowerCase(Locale.ROOT);
    String other = taken.get(key);
    if (other == null) {
      other = ownNames.get(key);
    }
    if (other != null) {
      error(node, "'" + cut(name) + "' is already the name of " + other + "; choose another");
      return false;
    }
    ownNames.put(key, owner + " of " + file);
    return true;
  }

  static boolean isId(String id) {
    if (id.isEmpty() || id.length() > 64 || id.charAt(0) < 'a' || id.charAt(0) > 'z' || id.endsWith("-")) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && id.charAt(i - 1) != '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private List<String> aliases(Node node, String id, Map<String, String> ownNames) {
    SequenceNode list = sequence(node, "'aliases' must be a list such as [PLAT001]");
    if (list == null) {
      return List.of();
    }
    List<String> aliases = new ArrayList<>();
    for (Node item : list.getValue()) {
      String alias = scalar(item, "an alias");
      if (alias == null) {
        continue;
      }
      if (!isAlias(alias)) {
        error(item, "invalid alias '" + cut(alias) + "'; use letters, digits, '.', '_' and '-', such as PLAT001");
      } else if (claim(item, alias, "an alias of rule '" + (id == null ? "?" : id) + "'", ownNames)) {
        aliases.add(alias);
      }
    }
    return aliases;
  }

  private static boolean isAlias(String alias) {
    if (alias.isEmpty() || alias.length() > 64) {
      return false;
    }
    for (int i = 0; i < alias.length(); i++) {
      char c = alias.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || i > 0 && (c == '-' || c == '_' || c == '.');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private String help(Node node) {
    String url = scalar(node, "the help URL");
    if (url == null) {
      return null;
    }
    boolean web = url.startsWith("https://") || url.startsWith("http://");
    boolean plain = url.length() <= 2000;
    for (int i = 0; i < url.length() && plain; i++) {
      plain = url.charAt(i) > ' ' && url.charAt(i) != 0x7f;
    }
    if (!web || !plain) {
      error(node, "invalid help URL '" + cut(url) + "'; expected an https:// address without spaces");
      return null;
    }
    return url;
  }

  private Object[] message(Node node, String template, Set<Placeholder> binds) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean ok = true;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
        literal.append(c);
        i++;
        continue;
      }
      if (c == '}') {
        error(node, "unmatched '}' in the message; write '}}' for a brace");
        return null;
      }
      if (c != '{') {
        literal.append(c);
        continue;
      }
      int close = template.indexOf('}', i + 1);
      if (close < 0) {
        error(node, "unclosed '{' in the message; write '{{' for a brace");
        return null;
      }
      String name = template.substring(i + 1, close);
      Placeholder placeholder = Placeholder.named(name);
      if (placeholder == null) {
        error(node, "unknown placeholder '{" + cut(name) + "}' in the message; known: " + Placeholder.list());
        ok = false;
      } else if (!binds.contains(placeholder)) {
        error(node, "placeholder '{" + name + "}' is not set by this rule's match; it sets " + describe(binds));
        ok = false;
      } else {
        if (literal.length() > 0) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(placeholder);
      }
      i = close;
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return ok ? parts.toArray() : null;
  }

  private static String describe(Set<Placeholder> binds) {
    StringBuilder all = new StringBuilder();
    for (Placeholder p : binds) {
      all.append(all.length() == 0 ? "" : ", ").append('{').append(p.label()).append('}');
    }
    return all.toString();
  }

  private List<PolicyRule.Example> examples(Node node) {
    MappingNode map = mapping(node, "'examples' must be a mapping with 'bad' and 'good' lists of Dockerfiles");
    if (map == null) {
      return List.of();
    }
    Map<String, Node> keys = keys(map, List.of("bad", "good"), "examples");
    List<PolicyRule.Example> examples = new ArrayList<>();
    for (String kind : List.of("bad", "good")) {
      Node value = keys.get(kind);
      if (value == null) {
        continue;
      }
      List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
      if (items.size() > MAX_EXAMPLES) {
        error(value, "more than " + MAX_EXAMPLES + " examples");
        continue;
      }
      for (Node item : items) {
        String text = text(item, MAX_BYTES, "an example");
        if (text != null) {
          // a block scalar's text starts on the line after its | or >
          boolean block = item instanceof ScalarNode scalar && (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
              || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
          examples.add(new PolicyRule.Example(kind.equals("bad"), text, item.getStartMark().getLine() + (block ? 2 : 1)));
        }
      }
    }
    return examples;
  }

  // ---- match

  /** A compiled {@code match:}, and the placeholders its hits fill. */
  private static final class Compiled {
    boolean require;
    PolicyRule.Stages stages = PolicyRule.Stages.ANY;
    String stageName;
    InstructionMatch match;
    Set<Placeholder> binds;
  }

  private Compiled match(Node node) {
    MappingNode map = mapping(node, "'match' must be a mapping with 'forbid' or 'require', and optionally 'stage'");
    if (map == null) {
      return null;
    }
    Map<String, Node> keys = keys(map, MATCH_KEYS, "match");
    Compiled compiled = new Compiled();
    Node stage = keys.get("stage");
    if (stage != null) {
      String value = scalar(stage, "the stage");
      if (value != null) {
        String v = value.strip();
        if (v.equals("any")) {
          compiled.stages = PolicyRule.Stages.ANY;
        } else if (v.equals("final")) {
          compiled.stages = PolicyRule.Stages.FINAL;
        } else if (v.startsWith("named ") && !v.substring(6).isBlank()) {
          compiled.stages = PolicyRule.Stages.NAMED;
          compiled.stageName = v.substring(6).strip();
        } else {
          error(stage, "invalid stage '" + cut(value) + "'; expected any, final or 'named NAME'");
        }
      }
    }
    Node forbid = keys.get("forbid");
    Node require = keys.get("require");
    if (forbid != null && require != null) {
      error(require, "a rule either forbids or requires; give 'forbid' or 'require', not both");
      return null;
    }
    if (forbid == null && require == null) {
      error(map, "missing 'forbid' or 'require'");
      return null;
    }
    compiled.require = require != null;
    Parsed<InstructionMatch> parsed = instruction(compiled.require ? require : forbid, 0);
    if (parsed == null) {
      return null;
    }
    compiled.match = parsed.value;
    compiled.binds = compiled.require ? EnumSet.of(Placeholder.STAGE, Placeholder.IMAGE) : parsed.binds;
    compiled.binds.add(Placeholder.STAGE);
    return compiled;
  }

  private static final class Parsed<T> {
    final T value;
    final EnumSet<Placeholder> binds;

    Parsed(T value, EnumSet<Placeholder> binds) {
      this.value = value;
      this.binds = binds;
    }
  }

  private Parsed<InstructionMatch> instruction(Node node, int depth) {
    if (depth > MAX_DEPTH) {
      error(node, "match nested more than " + MAX_DEPTH + " levels deep");
      return null;
    }
    MappingNode map = mapping(node, "expected a mapping of instruction tests (" + String.join(", ", INSTRUCTION_KEYS) + ")");
    if (map == null) {
      return null;
    }
    if (map.getValue().isEmpty()) {
      error(map, "empty test; give one of " + String.join(", ", INSTRUCTION_KEYS));
      return null;
    }
    Map<String, Node> keys = keys(map, INSTRUCTION_KEYS, "an instruction test");
    List<InstructionMatch> parts = new ArrayList<>();
    EnumSet<Placeholder> binds = EnumSet.noneOf(Placeholder.class);
    boolean ok = keys.size() == map.getValue().size();
    for (Map.Entry<String, Node> entry : keys.entrySet()) {
      Node value = entry.getValue();
      InstructionMatch part = null;
      switch (entry.getKey()) {
        case "instruction" -> {
          TextMatch keyword = pattern(value, true, depth + 1);
          part = keyword == null ? null : new InstructionMatch.Keyword(keyword);
        }
        case "flag" -> {
          Map<String, TextMatch> fields = fields(value, List.of("name", "value"), List.of("name"), List.of(), depth);
          part = fields == null ? null : new InstructionMatch.FlagMatch(fields.get("name"), fields.get("value"));
          binds.add(Placeholder.VALUE);
        }
        case "from" -> {
          Map<String, TextMatch> f = fields(value, List.of("image", "registry", "repository", "tag", "digest"), List.of(),
              List.of("registry"), depth);
          part = f == null ? null : new InstructionMatch.Image(f.get("image"), f.get("registry"), f.get("repository"),
              f.get("tag"), f.get("digest"));
          binds.add(Placeholder.IMAGE);
          binds.add(Placeholder.TAG);
          binds.add(Placeholder.VALUE);
        }
        case "run" -> {
          CommandMatch command = command(value, depth + 1);
          part = command == null ? null : new InstructionMatch.Command(command);
          binds.add(Placeholder.COMMAND);
        }
        case "env", "arg", "label" -> {
          Map<String, TextMatch> f = fields(value, List.of("key", "value"), List.of(), List.of(), depth);
          InstructionMatch.Pairs.Kind kind = InstructionMatch.Pairs.Kind.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
          part = f == null ? null : new InstructionMatch.Pairs(kind, f.get("key"), f.get("value"));
          binds.add(Placeholder.KEY);
          binds.add(Placeholder.VALUE);
        }
        case "user" -> {
          part = user(value, depth);
          binds.add(Placeholder.VALUE);
        }
        case "expose" -> {
          Map<String, TextMatch> f = fields(value, List.of("port", "protocol"), List.of(), List.of("protocol"), depth);
          part = f == null ? null : new InstructionMatch.Port(f.get("port"), f.get("protocol"));
          binds.add(Placeholder.VALUE);
        }
        case "add", "copy" -> {
          Map<String, TextMatch> f = fields(value, List.of("source", "destination"), List.of(), List.of(), depth);
          part = f == null ? null : new InstructionMatch.Transfer(entry.getKey().equals("add"), f.get("source"),
              f.get("destination"));
          binds.add(Placeholder.VALUE);
        }
        case "all", "any" -> {
          SequenceNode list = sequence(value, "'" + entry.getKey() + "' must be a list of tests");
          if (list == null) {
            break;
          }
          if (list.getValue().isEmpty()) {
            error(list, "'" + entry.getKey() + "' needs at least one test");
            break;
          }
          List<InstructionMatch> items = new ArrayList<>();
          EnumSet<Placeholder> itemBinds = null;
          boolean all = entry.getKey().equals("all");
          for (Node item : list.getValue()) {
            Parsed<InstructionMatch> parsed = instruction(item, depth + 1);
            if (parsed == null) {
              items = null;
              continue;
            }
            if (items != null) {
              items.add(parsed.value);
            }
            if (itemBinds == null) {
              itemBinds = EnumSet.copyOf(parsed.binds);
            } else if (all) {
              itemBinds.addAll(parsed.binds);
            } else {
              itemBinds.retainAll(parsed.binds);
            }
          }
          if (items != null) {
            part = all ? new InstructionMatch.All(items) : new InstructionMatch.Any(items);
            binds.addAll(itemBinds);
          }
        }
        case "not" -> {
          Parsed<InstructionMatch> parsed = instruction(value, depth + 1);
          part = parsed == null ? null : new InstructionMatch.Not(parsed.value);
        }
        default -> throw new IllegalStateException(entry.getKey());
      }
      if (part == null) {
        ok = false;
      } else {
        parts.add(part);
      }
    }
    if (!ok || parts.isEmpty()) {
      return null;
    }
    return new Parsed<>(parts.size() == 1 ? parts.get(0) : new InstructionMatch.All(parts), binds);
  }

  private InstructionMatch user(Node node, int depth) {
    MappingNode map = mapping(node, "'user' must be a mapping of name, group and numeric");
    if (map == null) {
      return null;
    }
    Map<String, Node> keys = keys(map, List.of("name", "group", "numeric"), "'user'");
    if (keys.size() != map.getValue().size()) {
      return null;
    }
    TextMatch name = keys.containsKey("name") ? pattern(keys.get("name"), false, depth + 1) : null;
    TextMatch group = keys.containsKey("group") ? pattern(keys.get("group"), false, depth + 1) : null;
    Boolean numeric = keys.containsKey("numeric") ? bool(keys.get("numeric")) : null;
    if (keys.containsKey("name") && name == null || keys.containsKey("group") && group == null
        || keys.containsKey("numeric") && numeric == null) {
      return null;
    }
    return new InstructionMatch.UserMatch(name, group, numeric);
  }

  /**
   * A mapping of named patterns.
   *
   * @param required the names that must be there
   * @param ignoreCase the names compared without case (registries, protocols)
   */
  private Map<String, TextMatch> fields(Node node, List<String> allowed, List<String> required, List<String> ignoreCase,
      int depth) {
    MappingNode map = mapping(node, "expected a mapping of " + String.join(", ", allowed));
    if (map == null) {
      return null;
    }
    Map<String, Node> keys = keys(map, allowed, "this test");
    boolean ok = keys.size() == map.getValue().size();
    for (String name : required) {
      if (!keys.containsKey(name)) {
        error(map, "missing key '" + name + "'");
        ok = false;
      }
    }
    Map<String, TextMatch> result = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : keys.entrySet()) {
      TextMatch pattern = pattern(entry.getValue(), ignoreCase.contains(entry.getKey()), depth + 1);
      if (pattern == null) {
        ok = false;
      } else {
        result.put(entry.getKey(), pattern);
      }
    }
    return ok ? result : null;
  }

  private CommandMatch command(Node node, int depth) {
    if (depth > MAX_DEPTH) {
      error(node, "match nested more than " + MAX_DEPTH + " levels deep");
      return null;
    }
    MappingNode map = mapping(node, "expected a mapping of command tests (" + String.join(", ", COMMAND_KEYS) + ")");
    if (map == null) {
      return null;
    }
    if (map.getValue().isEmpty()) {
      error(map, "empty command test; give one of " + String.join(", ", COMMAND_KEYS));
      return null;
    }
    Map<String, Node> keys = keys(map, COMMAND_KEYS, "a command test");
    boolean ok = keys.size() == map.getValue().size();
    List<CommandMatch> parts = new ArrayList<>();
    for (Map.Entry<String, Node> entry : keys.entrySet()) {
      Node value = entry.getValue();
      CommandMatch part = null;
      switch (entry.getKey()) {
        case "name" -> {
          TextMatch name = pattern(value, false, depth + 1);
          part = name == null ? null : new CommandMatch.Name(name);
        }
        case "subcommand" -> {
          TextMatch sub = pattern(value, false, depth + 1);
          part = sub == null ? null : new CommandMatch.Subcommand(sub);
        }
        case "argument" -> {
          TextMatch argument = pattern(value, false, depth + 1);
          part = argument == null ? null : new CommandMatch.Argument(argument);
        }
        case "flag" -> {
          List<String> flags = flags(value);
          part = flags == null ? null : new CommandMatch.Flags(flags);
        }
        case "piped-into" -> {
          CommandMatch reader = command(value, depth + 1);
          part = reader == null ? null : new CommandMatch.PipedInto(reader);
        }
        case "all", "any" -> {
          SequenceNode list = sequence(value, "'" + entry.getKey() + "' must be a list of command tests");
          if (list == null) {
            break;
          }
          if (list.getValue().isEmpty()) {
            error(list, "'" + entry.getKey() + "' needs at least one test");
            break;
          }
          List<CommandMatch> items = new ArrayList<>();
          for (Node item : list.getValue()) {
            CommandMatch parsed = command(item, depth + 1);
            if (parsed == null) {
              items = null;
            } else if (items != null) {
              items.add(parsed);
            }
          }
          if (items != null) {
            part = entry.getKey().equals("all") ? new CommandMatch.All(items) : new CommandMatch.Any(items);
          }
        }
        case "not" -> {
          CommandMatch inner = command(value, depth + 1);
          part = inner == null ? null : new CommandMatch.Not(inner);
        }
        default -> throw new IllegalStateException(entry.getKey());
      }
      if (part == null) {
        ok = false;
      } else {
        parts.add(part);
      }
    }
    if (!ok || parts.isEmpty()) {
      return null;
    }
    return parts.size() == 1 ? parts.get(0) : new CommandMatch.All(parts);
  }

  /** {@code flag: -y} or {@code flag: [--no-install-recommends, -y]}: flags that must all be given. */
  private List<String> flags(Node node) {
    List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
    if (items.isEmpty()) {
      error(node, "expected a flag such as --no-install-recommends");
      return null;
    }
    List<String> flags = new ArrayList<>();
    for (Node item : items) {
      String flag = scalar(item, "a flag");
      if (flag == null) {
        return null;
      }
      if (flag.length() < 2 || flag.charAt(0) != '-' || flag.equals("--") || flag.length() > 200) {
        error(item, "invalid flag '" + cut(flag) + "'; expected a flag such as -y or --no-install-recommends");
        return null;
      }
      flags.add(flag);
    }
    return flags;
  }

  /**
   * A value pattern: a glob ({@code "*.corp"}), a list of them (any may match), or a mapping with
   * one of {@code glob}, {@code regex}, {@code not}, {@code any}, {@code all}, {@code absent}.
   */
  private TextMatch pattern(Node node, boolean ignoreCase, int depth) {
    if (depth > MAX_DEPTH) {
      error(node, "pattern nested more than " + MAX_DEPTH + " levels deep");
      return null;
    }
    if (node instanceof ScalarNode) {
      String glob = scalar(node, "a pattern");
      if (glob == null) {
        return null;
      }
      if (glob.length() > MAX_PATTERN) {
        error(node, "pattern longer than " + MAX_PATTERN + " characters");
        return null;
      }
      return TextMatch.glob(glob, ignoreCase);
    }
    if (node instanceof SequenceNode seq) {
      if (seq.getValue().isEmpty()) {
        error(node, "empty list of patterns");
        return null;
      }
      List<TextMatch> options = new ArrayList<>();
      for (Node item : seq.getValue()) {
        TextMatch option = pattern(item, ignoreCase, depth + 1);
        if (option == null) {
          return null;
        }
        options.add(option);
      }
      return TextMatch.any(options);
    }
    MappingNode map = (MappingNode) node;
    Map<String, Node> keys = keys(map, PATTERN_KEYS, "a pattern");
    if (keys.size() != 1 || map.getValue().size() != 1) {
      if (keys.size() == map.getValue().size()) {
        error(node, "a pattern mapping has exactly one of " + String.join(", ", PATTERN_KEYS));
      }
      return null;
    }
    Map.Entry<String, Node> entry = keys.entrySet().iterator().next();
    Node value = entry.getValue();
    switch (entry.getKey()) {
      case "glob" -> {
        if (!(value instanceof ScalarNode)) {
          error(value, "'glob' takes one glob such as \"*.corp\"");
          return null;
        }
        return pattern(value, ignoreCase, depth + 1);
      }
      case "regex" -> {
        String expression = scalar(value, "a regular expression");
        if (expression == null) {
          return null;
        }
        if (expression.length() > MAX_PATTERN) {
          error(value, "regular expression longer than " + MAX_PATTERN + " characters");
          return null;
        }
        try {
          return TextMatch.regex(expression, ignoreCase);
        } catch (PatternSyntaxException e) {
          error(value, "invalid regular expression '" + cut(expression) + "': " + cut(e.getDescription())
              + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : " at '" + cut(e.getPattern()) + "'")
              + " (RE2 syntax: no backreferences or lookaround)");
          return null;
        } catch (RuntimeException e) {
          error(value, "invalid regular expression '" + cut(expression) + "' (" + e.getClass().getSimpleName() + ")");
          return null;
        }
      }
      case "not" -> {
        TextMatch inner = pattern(value, ignoreCase, depth + 1);
        return inner == null ? null : TextMatch.not(inner);
      }
      case "any", "all" -> {
        SequenceNode list = sequence(value, "'" + entry.getKey() + "' must be a list of patterns");
        if (list == null) {
          return null;
        }
        if (list.getValue().isEmpty()) {
          error(list, "'" + entry.getKey() + "' needs at least one pattern");
          return null;
        }
        List<TextMatch> items = new ArrayList<>();
        for (Node item : list.getValue()) {
          TextMatch parsed = pattern(item, ignoreCase, depth + 1);
          if (parsed == null) {
            return null;
          }
          items.add(parsed);
        }
        return entry.getKey().equals("any") ? TextMatch.any(items) : TextMatch.all(items);
      }
      case "absent" -> {
        Boolean absent = bool(value);
        return absent == null ? null : TextMatch.absent(absent);
      }
      default -> throw new IllegalStateException(entry.getKey());
    }
  }

  // ---- nodes

  /**
   * A mapping's keys, each checked against {@code allowed} (an unknown one is a problem) and
   * once only; the values of the known keys, in order.
   */
  private Map<String, Node> keys(MappingNode map, List<String> allowed, String what) {
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode scalar && keyNode.getTag().equals(Tag.STR) ? scalar.getValue() : null;
      if (key == null) {
        error(keyNode, "expected a key (" + String.join(", ", allowed) + ")");
      } else if (!allowed.contains(key)) {
        error(keyNode, "unknown key '" + cut(key) + "' in " + what + "; allowed keys: " + String.join(", ", allowed));
      } else {
        keys.put(key, tuple.getValueNode());
      }
    }
    return keys;
  }

  private MappingNode mapping(Node node, String expected) {
    if (node instanceof MappingNode map) {
      return map;
    }
    error(node, expected + ", not " + kind(node));
    return null;
  }

  private SequenceNode sequence(Node node, String expected) {
    if (node instanceof SequenceNode seq) {
      return seq;
    }
    error(node, expected + ", not " + kind(node));
    return null;
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return node.getTag().equals(Tag.NULL) ? "nothing" : "'" + cut(((ScalarNode) node).getValue()) + "'";
  }

  /** A plain value (not null, not a list or mapping). */
  private String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode scalar) || node.getTag().equals(Tag.NULL)) {
      error(node, "expected " + what + " (a plain value), not " + kind(node));
      return null;
    }
    return scalar.getValue();
  }

  private String text(Node node, int max, String what) {
    String text = scalar(node, what);
    if (text != null && text.length() > max) {
      error(node, what + " is longer than " + max + " characters");
      return null;
    }
    if (text != null && text.isBlank()) {
      error(node, what + " is empty");
      return null;
    }
    return text;
  }

  private Boolean bool(Node node) {
    if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.BOOL)) {
      error(node, "expected true or false, not " + kind(node));
      return null;
    }
    String value = scalar.getValue().toLowerCase(Locale.ROOT);
    return value.equals("true") || value.equals("yes") || value.equals("on") || value.equals("y");
  }

  private String oneOf(Node node, List<String> allowed) {
    String value = scalar(node, "one of " + String.join(", ", allowed));
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      error(node, "invalid value '" + cut(value) + "'; expected one of " + String.join(", ", allowed));
      return null;
    }
    return lower;
  }

  /** Only plain YAML: no explicit tags, no key twice in a mapping, no alias cycles. */
  private boolean checkPlainYaml(Node node, Set<Node> open, int depth) {
    if (!STANDARD_TAGS.contains(node.getTag())) {
      error(node, "YAML tags are not allowed (found " + cut(node.getTag().getValue()) + ")");
      return false;
    }
    if (!(node instanceof SequenceNode) && !(node instanceof MappingNode)) {
      return true;
    }
    if (depth > 64 || !open.add(node)) {
      error(node, "recursive or too deeply nested YAML is not allowed");
      return false;
    }
    boolean ok = true;
    if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        ok &= checkPlainYaml(item, open, depth + 1);
      }
    } else {
      Set<String> seen = new TreeSet<>();
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        ok &= checkPlainYaml(tuple.getKeyNode(), open, depth + 1);
        ok &= checkPlainYaml(tuple.getValueNode(), open, depth + 1);
        if (tuple.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
          error(key, "duplicate key '" + cut(key.getValue()) + "'");
          ok = false;
        }
      }
    }
    open.remove(node);
    return ok;
  }

  private void error(Node node, String message) {
    if (problems.size() >= MAX_PROBLEMS) {
      return;
    }
    Mark mark = node.getStartMark();
    String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    problems.add(file + where + ": " + message);
  }

  /** A value as a message quotes it: one line, at most 80 characters. */
  static String cut(String value) {
    if (value == null) {
      return "";
    }
    String line = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    if (line.length() <= QUOTED) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(QUOTED - 1)) ? QUOTED - 1 : QUOTED;
    return line.substring(0, end) + "...";
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(MAX_BYTES);
    options.setTagInspector(tag -> false);
    return new Yaml(new SafeConstructor(options));
  }
}
