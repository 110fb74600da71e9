package dev.dockerlint.config;

import dev.dockerlint.lint.HadolintCodes;
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
          "strict-labels", "disable-ignore-pragma", "shellcheck", "custom-rules"));
  /** Keys of hadolint's config that only hadolint uses: their presence means a .hadolint.yaml. */
  private static final Set<String> HADOLINT_ONLY_KEYS = Set.of("ignored", "override", "trustedRegistries",
      "no-fail", "no-color", "verbose");
  private static final Set<String> DOCKERLINT_ONLY_KEYS = Set.of("ignore", "enable", "severity", "trusted-registries",
      "shellcheck", "custom-rules");
  /** The keys hadolint documents (and {@code formats} and {@code output-format}, which its code also reads). */
  private static final List<String> HADOLINT_KEYS = List.of("failure-threshold", "format", "formats", "output-format",
      "ignored", "label-schema", "no-color", "no-fail", "override", "strict-labels", "disable-ignore-pragma",
      "trustedRegistries", "verbose");
  private static final List<String> LABEL_FORMATS = HadolintValues.LABEL_FORMATS;
  private static final List<String> THRESHOLDS = List.of("error", "warning", "info", "style", "none");
  /** The names of the report formats ({@code Reporters.FORMATS}, which this package cannot see). */
  static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "gitlab", "checkstyle", "junit",
      "gnu", "tty", "hadolint-json", "codeclimate", "gitlab_codeclimate", "codacy", "sonarqube");
  private static final List<String> LEVELS = List.of("error", "warning", "info", "style");
  private static final Set<Tag> STANDARD_TAGS =
      Set.of(Tag.STR, Tag.SEQ, Tag.MAP, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT);

  private final Set<String> knownRules;
  private final List<RuleFamily> families;
  /** Unknown rule names of the config being read, when it has rule packs that may define them; else null. */
  private List<Config.Entry> deferred;

  /**
   * @param knownRules rule ids and aliases, lower-cased, accepted in ignore/enable/severity
   * @param families code families (ShellCheck's SC codes) accepted as well
   */
  YamlConfigReader(Set<String> knownRules, List<RuleFamily> families) {
    this.knownRules = knownRules;
    this.families = families;
  }

  /**
   * A rule id or alias the catalog knows, or a code of a family (ShellCheck's, which its findings
   * carry, whether or not ShellCheck runs here).
   */
  private boolean isKnown(String name) {
    if (knownRules.contains(name.toLowerCase(Locale.ROOT)) || HadolintCodes.isShellCheckCode(name)) {
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
      return new Config(file, List.of(), List.of(), Map.of(), null, List.of(), null, Map.of(), List.of(),
          ConfigOrigin.REPOSITORY, Config.Switches.NONE, isHadolintFile(file), null);
    }
    if (!(root instanceof MappingNode mapping)) {
      throw error(file, root, "the config must be a mapping of keys " + KEYS);
    }
    checkPlainYaml(file, mapping);
    if (isHadolintConfig(file, mapping)) {
      return parseHadolint(file, mapping);
    }
    List<String> warnings = new ArrayList<>();
    List<String> ignore = List.of();
    List<String> enable = List.of();
    Map<String, Severity> severity = new LinkedHashMap<>();
    String threshold = null;
    List<String> registries = List.of();
    String format = null;
    Map<String, String> labelSchema = Map.of();
    Boolean strictLabels = null;
    Boolean disablePragmas = null;
    String shellcheck = null;
    List<Config.Entry> customRules = List.of();
    deferred = null;
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("custom-rules")) {
        deferred = new ArrayList<>(); // its packs may define the rules ignore, enable and severity name
      }
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(file, tuple.getKeyNode());
      Node value = tuple.getValueNode();
      switch (key) {
        case "shellcheck" -> shellcheck = shellcheck(file, value, origin);
        case "custom-rules" -> customRules = customRules(file, value);
        case "ignore" -> ignore = ruleList(file, value, warnings, "ignoring it");
        case "enable" -> enable = ruleList(file, value, null, null);
        case "severity" -> severity = severities(file, value, warnings);
        case "failure-threshold" -> threshold = oneOf(file, value, THRESHOLDS);
        case "trusted-registries" -> registries = stringList(file, value);
        case "format" -> format = oneOf(file, value, FORMATS);
        case "label-schema" -> labelSchema = labelSchema(file, value);
        case "strict-labels" -> strictLabels = bool(file, value);
        case "disable-ignore-pragma" -> disablePragmas = bool(file, value);
        default -> throw error(file, tuple.getKeyNode(), "unknown key '" + key + "'; allowed keys: "
            + String.join(", ", KEYS));
      }
    }
    List<Config.Entry> deferredRules = deferred == null ? List.of() : deferred;
    deferred = null;
    return new Config(file, ignore, enable, severity, threshold, registries, format, labelSchema, warnings,
        ConfigOrigin.REPOSITORY, new Config.Switches(null, null, null, strictLabels, disablePragmas), false,
        shellcheck, customRules, deferredRules);
  }

  /**
   * {@code custom-rules:} one path or a list: rule pack files, or directories of {@code *.yaml}
   * packs, relative to the config file. Only their text is kept here; where they lead is checked
   * when they are resolved ({@link ConfigResolver#customRulePaths}).
   */
  private static List<Config.Entry> customRules(Path file, Node node) throws ConfigException {
    List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
    List<Config.Entry> entries = new ArrayList<>();
    for (Node item : items) {
      String value = scalar(file, item);
      if (value.isBlank() || value.indexOf('\0') >= 0) {
        throw error(file, item, "expected the path of a rule pack file or directory");
      }
      entries.add(new Config.Entry(value, position(file, item)));
    }
    return entries;
  }

  private static String position(Path file, Node node) {
    Mark mark = node.getStartMark();
    return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
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

  /**
   * A hadolint config by its name: {@code .hadolint.yaml}, {@code hadolint.yml}, or any file in
   * {@code ~/.hadolint/} ({@code config.yaml} there is hadolint's too).
   */
  private static boolean isHadolintFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    Path parent = file.getParent();
    String dir = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    return name.startsWith(".hadolint") || name.startsWith("hadolint") || dir.equals(".hadolint");
  }

  private static boolean isHadolintConfig(Path file, MappingNode mapping) {
    if (isHadolintFile(file)) {
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
   * A hadolint config, every key with hadolint's meaning: {@code ignored}, {@code override},
   * {@code trustedRegistries}, {@code label-schema}, {@code strict-labels},
   * {@code disable-ignore-pragma}, {@code failure-threshold} (whose {@code none} fails on any
   * finding), {@code no-fail}, {@code format} ({@code json} is hadolint's JSON), {@code no-color},
   * {@code verbose}. Rule codes are read through the rule aliases; a code dockerlint has no rule for
   * and a key hadolint does not document are warnings, not errors, so a working hadolint setup
   * keeps working (hadolint itself accepts both silently).
   */
  private Config parseHadolint(Path file, MappingNode mapping) throws ConfigException {
    List<String> warnings = new ArrayList<>();
    List<String> ignore = new ArrayList<>();
    Map<String, Severity> severity = new LinkedHashMap<>();
    String threshold = null;
    List<String> registries = List.of();
    List<String> formats = new ArrayList<>();
    Map<String, String> labelSchema = Map.of();
    Boolean noFail = null;
    Boolean noColor = null;
    Boolean verbose = null;
    Boolean strictLabels = null;
    Boolean disablePragmas = null;
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(file, tuple.getKeyNode());
      Node value = tuple.getValueNode();
      switch (key) {
        case "ignored" -> ignore = hadolintCodes(file, value, warnings, "ignoring it");
        case "override" -> severity = overrides(file, value, warnings);
        case "trustedRegistries" -> registries = value instanceof ScalarNode one ? List.of(one.getValue())
            : stringList(file, value);
        case "failure-threshold" -> threshold = HadolintValues.threshold(oneOf(file, value, HadolintValues.THRESHOLDS));
        case "label-schema" -> labelSchema = labelSchema(file, value);
        case "format", "output-format" -> formats.add(0, hadolintFormat(file, value));
        case "formats" -> {
          for (Node item : sequence(file, value)) {
            formats.add(hadolintFormat(file, item));
          }
        }
        case "no-fail" -> noFail = bool(file, value);
        case "no-color" -> noColor = bool(file, value);
        case "verbose" -> verbose = bool(file, value);
        case "strict-labels" -> strictLabels = bool(file, value);
        case "disable-ignore-pragma" -> disablePragmas = bool(file, value);
        default -> warnings.add(where(file, tuple.getKeyNode()) + "unknown key '" + key + "' in a hadolint config, "
            + "skipped; hadolint's keys: " + String.join(", ", HADOLINT_KEYS));
      }
    }
    String format = null;
    for (String given : formats) {
      if (given != null && format == null) {
        format = given;
      } else if (given != null && !given.equals(format)) {
        warnings.add(file + ": a config gives one report format, so '" + given + "' was skipped; write more reports "
            + "with --format");
      }
    }
    return new Config(file, ignore, List.of(), severity, threshold, registries, format, labelSchema, warnings,
        ConfigOrigin.REPOSITORY, new Config.Switches(noFail, noColor, verbose, strictLabels, disablePragmas), true,
        null);
  }

  /** dockerlint's name for the hadolint format a node names, or null (with an error) when hadolint has none such. */
  private static String hadolintFormat(Path file, Node node) throws ConfigException {
    String given = scalar(file, node);
    String format = HadolintValues.format(given);
    if (format == null) {
      throw error(file, node, "invalid value '" + given + "'; expected one of " + String.join(", ", HadolintValues.FORMATS));
    }
    return format;
  }

  /**
   * hadolint's {@code override}: lists of codes under {@code error}, {@code warning}, {@code info},
   * {@code style}. A code in several lists gets the most severe, as in hadolint.
   */
  private Map<String, Severity> overrides(Path file, Node value, List<String> warnings) throws ConfigException {
    if (!(value instanceof MappingNode levels)) {
      throw error(file, value, "'override' must map error, warning, info and style to lists of rules");
    }
    Map<Severity, List<String>> byLevel = new java.util.EnumMap<>(Severity.class);
    for (NodeTuple level : levels.getValue()) {
      String name = oneOf(file, level.getKeyNode(), LEVELS);
      List<String> codes = new ArrayList<>(hadolintCodes(file, level.getValueNode(), warnings, "its severity"));
      Severity severity = Severity.parse(name).orElseThrow();
      List<String> before = byLevel.get(severity);
      if (before != null) {
        codes.addAll(0, before);
      }
      byLevel.put(severity, codes);
    }
    Map<String, Severity> result = new LinkedHashMap<>();
    // style first, error last: the most severe level a code is listed under wins
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity severity = Severity.values()[i];
      for (String code : byLevel.getOrDefault(severity, List.of())) {
        result.remove(code);
        result.put(code, severity);
      }
    }
    return result;
  }

  /**
   * The codes of a hadolint list: each rule name dockerlint knows is kept; one of hadolint's codes
   * dockerlint has no rule for, or a name neither knows, is kept too (it matches nothing) with a
   * warning, as hadolint accepts any code.
   *
   * @param effect what has no effect for such a code ("ignoring it")
   */
  private List<String> hadolintCodes(Path file, Node node, List<String> warnings, String effect) throws ConfigException {
    List<String> names = new ArrayList<>();
    for (Node item : sequence(file, node)) {
      String name = scalar(file, item);
      if (!isKnown(name)) {
        warnings.add(where(file, item) + HadolintCodes.noEffect(name, effect));
      }
      names.add(name);
    }
    return names;
  }

  private static String where(Path file, Node node) {
    Mark mark = node.getStartMark();
    return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
  }

  /** A YAML boolean ({@code true}, {@code false}; YAML 1.1's {@code yes}, {@code no}, {@code on}, {@code off}). */
  private static Boolean bool(Path file, Node node) throws ConfigException {
    if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.BOOL)) {
      throw error(file, node, "expected true or false");
    }
    String value = scalar.getValue().toLowerCase(Locale.ROOT);
    return value.equals("true") || value.equals("yes") || value.equals("on") || value.equals("y");
  }

  private static Map<String, String> labelSchema(Path file, Node node) throws ConfigException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(file, node, "'label-schema' must map label names to one of " + String.join(", ", LABEL_FORMATS));
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      // an empty format is text, as in hadolint
      String format = scalar(file, tuple.getValueNode()).isBlank() ? "text" : oneOf(file, tuple.getValueNode(), LABEL_FORMATS);
      result.put(scalar(file, tuple.getKeyNode()), format);
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

  /**
   * A list of rule names. A name no rule stands for is an error, except one of hadolint's codes for a
   * check dockerlint does not have, where {@code warnings} is given: then it is kept (it matches
   * nothing) with a warning, so a list written for both tools works in both.
   *
   * @param warnings where such warnings go, or null when every name must be a rule ({@code enable})
   * @param effect what has no effect for such a code ("ignoring it")
   */
  private List<String> ruleList(Path file, Node node, List<String> warnings, String effect) throws ConfigException {
    List<String> names = new ArrayList<>();
    for (Node item : sequence(file, node)) {
      String name = scalar(file, item);
      checkRule(file, item, name, warnings, effect);
      names.add(name);
    }
    return names;
  }

  private void checkRule(Path file, Node node, String name, List<String> warnings, String effect) throws ConfigException {
    if (isKnown(name)) {
      return;
    }
    if (deferred != null && !(warnings != null && HadolintCodes.isHadolintCode(name))) {
      deferred.add(new Config.Entry(name, position(file, node)));
      return;
    }
    if (warnings != null && HadolintCodes.isHadolintCode(name)) {
      warnings.add(where(file, node) + HadolintCodes.noEffect(name, effect));
      return;
    }
    throw error(file, node, "unknown rule '" + name + "'; run 'dockerlint rules' for the list of ids");
  }

  private Map<String, Severity> severities(Path file, Node node, List<String> warnings) throws ConfigException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(file, node, "'severity' must map rule ids to one of error, warning, info, style");
    }
    Map<String, Severity> result = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String rule = scalar(file, tuple.getKeyNode());
      checkRule(file, tuple.getKeyNode(), rule, warnings, "its severity");
      String level = oneOf(file, tuple.getValueNode(), LEVELS);
      result.put(rule, Severity.parse(level).orElseThrow());
    }
    return result;
  }

  private static List<Node> sequence(Path file, Node node) throws ConfigException {
    if (!(node instanceof SequenceNode sequence)) {
      throw error(file, node, "expected a list such as [a, b]");
    }
    return sequence.getValue();
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
