package dev.dockerlint.config;

import dev.dockerlint.lint.RuleFamily;
import dev.dockerlint.lint.Severity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Parses the text of a {@code .dockerlint.yaml} (see {@link ConfigLoader}). The YAML is only composed
 * into nodes (no object construction, no tags), with bounded size, aliases and nesting, so a hostile
 * file cannot run code or exhaust memory. Kept apart from {@link ConfigLoader} so that a run without a
 * config file never loads SnakeYAML.
 */
final class YamlConfigReader {
  private static final long MAX_BYTES = ConfigLoader.MAX_BYTES;
  private static final Set<String> KEYS = new TreeSet<>(
      List.of("ignore", "enable", "severity", "failure-threshold", "trusted-registries", "format", "label-schema",
          "shellcheck"));
  /** Keys of hadolint's config that only hadolint uses: their presence means a .hadolint.yaml. */
  private static final Set<String> HADOLINT_ONLY_KEYS = Set.of("ignored", "override", "trustedRegistries",
      "strict-labels", "disable-ignore-pragma", "no-fail", "no-color", "verbose");
  private static final Set<String> DOCKERLINT_ONLY_KEYS = Set.of("ignore", "enable", "severity", "trusted-registries",
      "shellcheck");
  private static final List<String> LABEL_FORMATS =
      List.of("text", "rfc3339", "url", "semver", "hash", "spdx", "email");
  /** hadolint's --format names mapped to ours. */
  private static final Map<String, String> HADOLINT_FORMATS = Map.of("tty", "text", "json", "json",
      "checkstyle", "checkstyle", "codeclimate", "gitlab", "gitlab_codeclimate", "gitlab", "gnu", "gnu",
      "sarif", "sarif");
  private static final List<String> THRESHOLDS = List.of("error", "warning", "info", "style", "none");
  private static final List<String> FORMATS =
      List.of("text", "json", "sarif", "github", "gitlab", "checkstyle", "junit", "gnu");
  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.SEQ, Tag.MAP, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT);

  private final Set<String> knownRules;
  private final List<RuleFamily> families;

  /**
   * @param knownRules rule ids and aliases, lower-cased, accepted in ignore/enable/severity
   * @param families code families (ShellCheck's SC codes) accepted as well
   */
  YamlConfigReader(Set<String> knownRules, List<RuleFamily> families) {
    this.knownRules = knownRules;
    this.families = families;
  }

  private boolean isKnown(String name) {
    if (knownRules.contains(name.toLowerCase(Locale.ROOT))) {
      return true;
    }
    for (RuleFamily family : families) {
      if (family.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** @param origin where the file was found: only a trusted one may name a program ({@code shellcheck: PATH}) */
  Config parse(Path file, String text, ConfigOrigin origin) throws ConfigException {
    if (text.length() > MAX_BYTES) {
      throw new ConfigException(file + ": config file is larger than 1 MiB");
    }
    Node root;
    try (Reader reader = new StringReader(text)) {
      root = yaml().compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new ConfigException(file + where + ": invalid YAML: " + String.valueOf(problem).replace('\n', ' ').strip());
    } catch (YAMLException e) {
      throw new ConfigException(file + ": invalid YAML: " + e.getMessage().replace('\n', ' ').strip());
    } catch (IOException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
    if (root == null) {
      return new Config(file, List.of(), List.of(), Map.of(), null, List.of(), null, Map.of(), List.of());
    }
    if (!(root instanceof MappingNode mapping)) {
      throw error(file, root, "the config must be a mapping of keys " + KEYS);
    }
    checkPlainYaml(file, mapping);
    if (isHadolintConfig(file, mapping)) {
      return parseHadolint(file, mapping);
    }
    List<String> ignore = List.of();
    List<String> enable = List.of();
    Map<String, Severity> severity = new LinkedHashMap<>();
    String threshold = null;
    List<String> registries = List.of();
    String format = null;
    Map<String, String> labelSchema = Map.of();
    String shellcheck = null;
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(file, tuple.getKeyNode());
      Node value = tuple.getValueNode();
      switch (key) {
        case "shellcheck" -> shellcheck = shellcheck(file, value, origin);
        case "ignore" -> ignore = ruleList(file, value);
        case "enable" -> enable = ruleList(file, value);
        case "severity" -> severity = severities(file, value);
        case "failure-threshold" -> threshold = oneOf(file, value, THRESHOLDS);
        case "trusted-registries" -> registries = stringList(file, value);
        case "format" -> format = oneOf(file, value, FORMATS);
        case "label-schema" -> labelSchema = labelSchema(file, value);
        default -> throw error(file, tuple.getKeyNode(), "unknown key '" + key + "'; allowed keys: "
            + String.join(", ", KEYS));
      }
    }
    return new Config(file, ignore, enable, severity, threshold, registries, format, labelSchema, List.of(),
        ConfigOrigin.REPOSITORY, shellcheck);
  }

  /**
   * {@code shellcheck: false} (off), {@code true}, or the absolute path of the executable. A path
   * names a program dockerlint will run, so only a config whoever runs dockerlint chose may give
   * one: a repository's config is written by whoever controls the repository.
   */
  private static String shellcheck(Path file, Node node, ConfigOrigin origin) throws ConfigException {
    String value = scalar(file, node);
    if (node.getTag().equals(Tag.BOOL)) {
      String lower = value.toLowerCase(Locale.ROOT);
      return lower.equals("false") || lower.equals("no") || lower.equals("off") ? "false" : "true";
    }
    if (!origin.trusted()) {
      throw error(file, node, "'shellcheck' names a program to run, which only a config you chose can do (given "
          + "with -c or your user config); in a repository's config it may only be false or true");
    }
    boolean absolute;
    try {
      absolute = Path.of(value).isAbsolute();
    } catch (java.nio.file.InvalidPathException e) {
      absolute = false;
    }
    if (!absolute) {
      throw error(file, node, "invalid value '" + value + "'; expected false, true or the absolute path of the "
          + "shellcheck executable");
    }
    return value;
  }

  private static boolean isHadolintConfig(Path file, MappingNode mapping) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.startsWith(".hadolint") || name.startsWith("hadolint")) {
      return true;
    }
    boolean hadolintKey = false;
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        if (DOCKERLINT_ONLY_KEYS.contains(key.getValue())) {
          return false; // ours, with a mistake in it: report the unknown key
        }
        hadolintKey |= HADOLINT_ONLY_KEYS.contains(key.getValue());
      }
    }
    return hadolintKey;
  }

  /**
   * A hadolint config ({@code ignored}, {@code override}, {@code trustedRegistries},
   * {@code failure-threshold}, {@code label-schema}, {@code format}), read through rule aliases.
   * ShellCheck's SC codes are read as the codes of ShellCheck's findings; codes dockerlint has no
   * rule for (retired DL codes) become warnings, not errors, so a working hadolint setup keeps working.
   */
  private Config parseHadolint(Path file, MappingNode mapping) throws ConfigException {
    List<String> warnings = new ArrayList<>();
    List<String> ignore = new ArrayList<>();
    Map<String, Severity> severity = new LinkedHashMap<>();
    String threshold = null;
    List<String> registries = List.of();
    String format = null;
    Map<String, String> labelSchema = Map.of();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(file, tuple.getKeyNode());
      Node value = tuple.getValueNode();
      switch (key) {
        case "ignored" -> ignore = knownOnly(file, stringList(file, value), warnings, "ignored");
        case "override" -> {
          if (!(value instanceof MappingNode levels)) {
            throw error(file, value, "'override' must map error, warning, info and style to lists of rules");
          }
          for (NodeTuple level : levels.getValue()) {
            String name = oneOf(file, level.getKeyNode(), List.of("error", "warning", "info", "style"));
            for (String rule : knownOnly(file, stringList(file, level.getValueNode()), warnings, "override")) {
              severity.put(rule, Severity.parse(name).orElseThrow());
            }
          }
        }
        case "trustedRegistries" -> registries = stringList(file, value);
        case "failure-threshold" -> threshold = oneOf(file, value, THRESHOLDS);
        case "label-schema" -> labelSchema = labelSchema(file, value);
        case "format", "output-format" -> {
          String given = scalar(file, value);
          format = HADOLINT_FORMATS.get(given);
          if (format == null) {
            warnings.add(file + ": hadolint format '" + given + "' has no dockerlint equivalent; using text");
          }
        }
        case "no-fail" -> {
          if ("true".equalsIgnoreCase(scalar(file, value))) {
            threshold = "none";
          }
        }
        case "strict-labels", "disable-ignore-pragma", "no-color", "verbose" ->
            warnings.add(file + ": hadolint setting '" + key + "' is not supported by dockerlint and was skipped");
        default -> throw error(file, tuple.getKeyNode(), "unknown key '" + key + "' in a hadolint config; allowed keys: "
            + "ignored, override, trustedRegistries, failure-threshold, label-schema, format, no-fail");
      }
    }
    return new Config(file, ignore, List.of(), severity, threshold, registries, format, labelSchema, warnings);
  }

  private List<String> knownOnly(Path file, List<String> names, List<String> warnings, String key) {
    List<String> known = new ArrayList<>();
    for (String name : names) {
      if (isKnown(name)) {
        known.add(name);
      } else {
        warnings.add(file + ": '" + key + "' names " + name + ", which no dockerlint rule stands for; skipped");
      }
    }
    return known;
  }

  private static Map<String, String> labelSchema(Path file, Node node) throws ConfigException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(file, node, "'label-schema' must map label names to one of " + String.join(", ", LABEL_FORMATS));
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      result.put(scalar(file, tuple.getKeyNode()), oneOf(file, tuple.getValueNode(), LABEL_FORMATS));
    }
    return result;
  }

  /**
   * Only plain YAML: an explicit tag such as {@code !!java.net.URL} is refused, not ignored, and a
   * key may appear once per mapping (composing skips SnakeYAML's duplicate check, which lives in
   * object construction).
   */
  private static void checkPlainYaml(Path file, Node node) throws ConfigException {
    checkPlainYaml(file, node, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  /** {@code open} holds the collections being checked: meeting one again means an alias cycle. */
  private static void checkPlainYaml(Path file, Node node, Set<Node> open) throws ConfigException {
    Tag tag = node.getTag();
    if (!STANDARD_TAGS.contains(tag)) {
      throw error(file, node, "YAML tags are not allowed (found " + tag.getValue() + ")");
    }
    if (!(node instanceof SequenceNode) && !(node instanceof MappingNode)) {
      return;
    }
    if (!open.add(node)) {
      throw error(file, node, "recursive YAML aliases are not allowed");
    }
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        checkPlainYaml(file, item, open);
      }
    } else if (node instanceof MappingNode mapping) {
      Set<String> seen = new TreeSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        checkPlainYaml(file, tuple.getKeyNode(), open);
        checkPlainYaml(file, tuple.getValueNode(), open);
        if (tuple.getKeyNode() instanceof ScalarNode key && !seen.add(key.getValue())) {
          throw error(file, key, "duplicate key '" + key.getValue() + "'");
        }
      }
    }
    open.remove(node);
  }


  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit((int) MAX_BYTES);
    options.setTagInspector(tag -> false);
    return new Yaml(new SafeConstructor(options));
  }

  private List<String> ruleList(Path file, Node node) throws ConfigException {
    List<String> names = stringList(file, node);
    List<Node> items = ((SequenceNode) node).getValue();
    for (int i = 0; i < names.size(); i++) {
      checkRule(file, items.get(i), names.get(i));
    }
    return names;
  }

  private void checkRule(Path file, Node node, String name) throws ConfigException {
    if (!isKnown(name)) {
      throw error(file, node, "unknown rule '" + name + "'; run 'dockerlint rules' for the list of ids");
    }
  }

  private Map<String, Severity> severities(Path file, Node node) throws ConfigException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(file, node, "'severity' must map rule ids to one of error, warning, info, style");
    }
    Map<String, Severity> result = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String rule = scalar(file, tuple.getKeyNode());
      checkRule(file, tuple.getKeyNode(), rule);
      String level = oneOf(file, tuple.getValueNode(), List.of("error", "warning", "info", "style"));
      result.put(rule, Severity.parse(level).orElseThrow());
    }
    return result;
  }

  private static List<String> stringList(Path file, Node node) throws ConfigException {
    if (!(node instanceof SequenceNode sequence)) {
      throw error(file, node, "expected a list such as [a, b]");
    }
    List<String> result = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      result.add(scalar(file, item));
    }
    return result;
  }

  private static String oneOf(Path file, Node node, List<String> allowed) throws ConfigException {
    String value = scalar(file, node).toLowerCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw error(file, node, "invalid value '" + scalar(file, node) + "'; expected one of " + String.join(", ", allowed));
    }
    return value;
  }

  private static String scalar(Path file, Node node) throws ConfigException {
    if (!(node instanceof ScalarNode scalar)) {
      throw error(file, node, "expected a plain value");
    }
    return scalar.getValue();
  }

  private static ConfigException error(Path file, Node node, String message) {
    Mark mark = node.getStartMark();
    return new ConfigException(file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + message);
  }
}
