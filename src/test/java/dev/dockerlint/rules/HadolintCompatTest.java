package dev.dockerlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockerlint.cli.Main;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleCatalog;
import dev.dockerlint.parse.DockerfileParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hadolint's rules, case by case, run through the whole linter by their hadolint codes. The cases
 * live in {@code hadolint-compat-*.cases} next to this class (see the head of the first file for the
 * format); each says whether hadolint reports the code for a Dockerfile, and whether dockerlint does
 * the same or keeps a documented difference. The README's "Coming from hadolint" table is checked
 * here too: every row shows, and its config line turns it off.
 */
class HadolintCompatTest {
  /** hadolint's live rule codes (shared/reference/hadolint.md, section 1.2). */
  static final List<String> LIVE_CODES = liveCodes();

  /** The codes hadolint also applies to the instruction an ONBUILD wraps (section 1.1). */
  static final Set<String> ONBUILD_CODES = Set.of("DL3001", "DL3004", "DL3008", "DL3009", "DL3013", "DL3014",
      "DL3015", "DL3016", "DL3018", "DL3019", "DL3027", "DL3028", "DL3030", "DL3032", "DL3033", "DL3034", "DL3035",
      "DL3036", "DL3037", "DL3038", "DL3040", "DL3041", "DL3042", "DL3046", "DL3047", "DL3060", "DL3062", "DL3064",
      "DL4001", "DL4005");

  /** Codes whose rules hadolint runs only when asked (severity ignore by default). */
  static final Set<String> OFF_IN_HADOLINT = Set.of("DL1001", "DL3057");

  private static final List<Rule> RULES = BuiltinRules.all();
  private static final RuleCatalog CATALOG = new RuleCatalog(RULES);
  private static final String CASE_FILES = "hadolint-compat-1.cases hadolint-compat-2.cases hadolint-compat-3.cases";

  enum Outcome { CATCHES, PASSES, WIDER, NARROWER, FEWER }

  record Case(String source, String code, Outcome outcome, Integer count, Map<String, String> schema,
      boolean strictLabels, List<String> trusted, String note, String dockerfile) {
    @Override
    public String toString() {
      return source + " " + code + " " + outcome.name().toLowerCase(Locale.ROOT) + (note.isEmpty() ? "" : " (" + note + ")");
    }

    Rule rule() {
      List<Rule> rules = CATALOG.resolve(code);
      assertThat(rules).as("rules standing for %s", code).hasSize(1);
      return rules.get(0);
    }

    Case with(String source, String dockerfile) {
      return new Case(source, code, outcome, count, schema, strictLabels, trusted, note, dockerfile);
    }
  }

  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    for (String name : CASE_FILES.split(" ")) {
      all.addAll(parse(name, resource(name)));
    }
    return all;
  }

  @Test
  void theTableHoldsAtLeast300CasesAndBothSidesOfEveryLiveCode() {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
    for (String code : LIVE_CODES) {
      assertThat(cases).as("a case that %s reports", code)
          .anyMatch(c -> c.code().equals(code) && (c.outcome() == Outcome.CATCHES || c.outcome() == Outcome.NARROWER));
      assertThat(cases).as("a case that %s leaves alone", code)
          .anyMatch(c -> c.code().equals(code) && c.outcome() == Outcome.PASSES);
    }
    for (Case c : cases) {
      assertThat(LIVE_CODES).as("code of %s", c).contains(c.code());
    }
  }

  @Test
  void everyLiveCodeIsTheAliasOfExactlyOneRule() {
    for (String code : LIVE_CODES) {
      assertThat(CATALOG.resolve(code)).as("rules standing for %s", code).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void behavesAsTheTableSays(Case c) {
    check(c);
  }

  /** hadolint's onBuildRuleCatches: the same case with its RUNs (ENV and ARG for DL3064) wrapped in ONBUILD. */
  static List<Case> onbuildCases() {
    List<Case> result = new ArrayList<>();
    for (Case c : cases()) {
      if (!ONBUILD_CODES.contains(c.code()) || c.outcome() != Outcome.CATCHES && c.outcome() != Outcome.PASSES) {
        continue;
      }
      Set<String> wrapped = c.code().equals("DL3064") ? Set.of("ARG", "ENV") : Set.of("RUN");
      StringBuilder text = new StringBuilder();
      int froms = 0;
      boolean onlyWrapped = true;
      int wraps = 0;
      for (String line : c.dockerfile().split("\n", -1)) {
        String keyword = line.split(" ", 2)[0];
        if (keyword.equals("FROM")) {
          froms++;
        } else if (wrapped.contains(keyword)) {
          line = "ONBUILD " + line;
          wraps++;
        } else if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith(" ")) {
          onlyWrapped = false;
        }
        text.append(line).append('\n');
      }
      if (froms == 1 && onlyWrapped && wraps > 0) {
        result.add(c.with(c.source() + " (ONBUILD)", text.toString().substring(0, text.length() - 1)));
      }
    }
    return result;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("onbuildCases")
  void onbuildTriggersAreCheckedLikeTheInstructionsTheyWrap(Case c) {
    check(c);
  }

  @Test
  void thereAreOnbuildVariantsOfEveryOnbuildCode() {
    List<Case> variants = onbuildCases();
    for (String code : ONBUILD_CODES) {
      assertThat(variants).as("ONBUILD cases of %s", code).anyMatch(c -> c.code().equals(code) && c.outcome() == Outcome.CATCHES);
    }
  }

  private static void check(Case c) {
    List<Finding> findings = findings(c);
    List<String> shown = new ArrayList<>();
    for (Finding f : findings) {
      shown.add(f.line() + ":" + f.column() + " " + f.rule() + " " + f.aliases() + " " + f.message());
    }
    String context = c + "\n" + c.dockerfile() + "\nfindings with " + c.code() + ": " + shown;
    switch (c.outcome()) {
      case CATCHES, WIDER, FEWER -> {
        if (c.count() != null) {
          assertThat(findings).as(context).hasSize(c.count());
        } else {
          assertThat(findings).as(context).isNotEmpty();
        }
      }
      case PASSES, NARROWER -> assertThat(findings).as(context).isEmpty();
    }
  }

  /** The findings standing for the case's code, with the rule switched on as {@code --enable CODE} would. */
  static List<Finding> findings(Case c) {
    Rule rule = c.rule();
    LintSettings settings = new LintSettings(Set.of(), Set.of(rule.info().id()), Map.of(), c.trusted(), c.schema(), null,
        c.strictLabels());
    List<Finding> all = new Linter(RULES, settings).lint(DockerfileParser.parse("Dockerfile", c.dockerfile() + "\n"));
    List<Finding> standing = new ArrayList<>();
    for (Finding f : all) {
      for (String alias : f.aliases()) {
        if (alias.equalsIgnoreCase(c.code())) {
          standing.add(f);
        }
      }
    }
    return standing;
  }

  /**
   * A team whose hadolint config ignores a code must see none of the findings that code stands for:
   * every finding of a rule that stands for hadolint codes says which of its aliases it is.
   */
  @Test
  void everyFindingOfARuleWithHadolintCodesCarriesAnAlias() {
    Set<String> allIds = new LinkedHashSet<>();
    for (Rule rule : RULES) {
      allIds.add(rule.info().id());
    }
    LintSettings everything = new LintSettings(Set.of(), allIds, Map.of(), List.of("trusted.com"),
        Map.of("foo", "text", "home", "url"), null, true);
    int checked = 0;
    for (Case c : cases()) {
      for (Finding f : new Linter(RULES, everything).lint(DockerfileParser.parse("Dockerfile", c.dockerfile() + "\n"))) {
        Rule rule = CATALOG.byId(f.rule()).orElse(null);
        if (rule != null && hasLiveCode(rule)) {
          checked++;
          assertThat(f.aliases()).as("aliases of %s at %d:%d in %s", f.rule(), f.line(), f.column(), c).isNotEmpty()
              .allMatch(a -> rule.info().aliases().contains(a));
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void everyKeptDifferenceIsOnTheRulePage() throws IOException {
    for (Case c : cases()) {
      if (c.outcome() != Outcome.WIDER && c.outcome() != Outcome.NARROWER && c.outcome() != Outcome.FEWER) {
        continue;
      }
      assertThat(c.note()).as("why %s differs", c).isNotBlank();
      if (c.note().startsWith("pragma:")) {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("README's pragma differences, for %s", c).contains("\n### Pragmas\n\nhadolint's pragmas work");
        continue;
      }
      String page = Files.readString(Path.of("rules", c.rule().info().id() + ".md"));
      assertThat(hadolintParagraph(page)).as("'Compared with hadolint' paragraph of %s naming %s", c.rule().info().id(), c.code())
          .contains(c.code());
    }
  }

  /** The paragraph of a rule page that starts with "Compared with hadolint", or "". */
  static String hadolintParagraph(String page) {
    int start = page.indexOf("\nCompared with hadolint");
    if (start < 0) {
      return "";
    }
    int end = page.indexOf("\n\n", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  // --- the README's "Coming from hadolint" table ---

  record Row(String rule, String difference, String configLine) {}

  static List<Row> readmeRows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("\n## Coming from hadolint\n");
    assertThat(section).as("README section 'Coming from hadolint'").isPositive();
    int table = readme.indexOf("\n### Findings hadolint would not give\n", section);
    assertThat(table).as("its table of findings hadolint would not give").isPositive();
    List<Row> rows = new ArrayList<>();
    Pattern row = Pattern.compile("^\\| \\[`([a-z0-9-]+)`\\]\\(rules/\\1\\.md\\) \\| (.+) \\| `([^`]+)` \\|$");
    boolean inTable = false;
    for (String line : readme.substring(table + 1).split("\n")) {
      if (line.startsWith("|")) {
        inTable = true;
        Matcher m = row.matcher(line);
        if (m.matches()) {
          rows.add(new Row(m.group(1), m.group(2), m.group(3)));
        } else {
          assertThat(line).as("a header or separator row").matches("\\|( ?-+ ?\\|)+|\\| [a-z].*");
        }
      } else if (inTable) {
        break;
      }
    }
    return rows;
  }

  @Test
  void theReadmeTableListsEveryRuleWhoseFindingsHadolintWouldNotGive() throws IOException {
    Set<String> listed = new LinkedHashSet<>();
    for (Row row : readmeRows()) {
      assertThat(listed.add(row.rule())).as("one row per rule: %s", row.rule()).isTrue();
      assertThat(CATALOG.byId(row.rule())).as("rule %s", row.rule()).isPresent();
    }
    for (Rule rule : RULES) {
      if (rule.info().enabledByDefault() && !hasLiveCodeOnInHadolint(rule)) {
        assertThat(listed).as("README row for %s, which hadolint has no rule for", rule.info().id()).contains(rule.info().id());
      }
    }
    for (Case c : cases()) {
      if (c.outcome() == Outcome.WIDER) {
        assertThat(listed).as("README row for the difference of %s", c).contains(c.rule().info().id());
      }
    }
  }

  private static boolean hasLiveCodeOnInHadolint(Rule rule) {
    for (String alias : rule.info().aliases()) {
      if (LIVE_CODES.contains(alias) && !OFF_IN_HADOLINT.contains(alias)) {
        return true;
      }
    }
    return false;
  }

  @TempDir Path dir;

  /** Each row: its examples show the rule with no configuration, and the row's config line turns it off. */
  @Test
  void everyReadmeRowShowsAndItsConfigLineTurnsItOff() throws IOException {
    for (Row row : readmeRows()) {
      List<String[]> examples = examplesOf(row.rule());
      assertThat(examples).as("examples of the README row for %s", row.rule()).isNotEmpty();
      for (String[] example : examples) {
        Path work = Files.createTempDirectory(dir, row.rule());
        Files.writeString(work.resolve("Dockerfile"), example[0] + "\n");
        if (example[1] != null) {
          Files.writeString(work.resolve(".dockerignore"), example[1]);
        }
        assertThat(ruleFindings(work, row.rule())).as("%s shows with no configuration in:%n%s", row.rule(), example[0]).isPositive();
        Files.writeString(work.resolve(".dockerlint.yaml"), row.configLine() + "\n");
        assertThat(ruleFindings(work, row.rule())).as("'%s' turns %s off in:%n%s", row.configLine(), row.rule(), example[0]).isZero();
      }
    }
  }

  /** The README's table of hadolint rules that are off by default here: each row's line turns its rule on. */
  @Test
  void everyRuleHadolintRunsButWeDoNotIsListedWithTheLineThatTurnsItOn() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int table = readme.indexOf("\n### hadolint rules that are off by default here\n");
    assertThat(table).as("README table of hadolint rules off by default here").isPositive();
    Pattern row = Pattern.compile("^\\| \\[`([a-z0-9-]+)`\\]\\(rules/\\1\\.md\\) \\| (DL\\d{4}) \\(.*\\) \\| `(enable: \\[\\1\\])` \\|$",
        Pattern.MULTILINE);
    Matcher m = row.matcher(readme.substring(table, readme.indexOf("\n\n", readme.indexOf("|", table))));
    Set<String> listed = new LinkedHashSet<>();
    while (m.find()) {
      listed.add(m.group(1));
      Rule rule = CATALOG.byId(m.group(1)).orElseThrow();
      assertThat(rule.info().aliases()).contains(m.group(2));
      Case shows = null;
      for (Case c : cases()) {
        if (c.code().equals(m.group(2)) && c.outcome() == Outcome.CATCHES && c.schema().isEmpty() && c.trusted().isEmpty()) {
          shows = c;
          break;
        }
      }
      assertThat(shows).as("a case of %s", m.group(2)).isNotNull();
      Path work = Files.createTempDirectory(dir, m.group(1));
      Files.writeString(work.resolve("Dockerfile"), shows.dockerfile() + "\n");
      assertThat(ruleFindings(work, m.group(1))).as("%s is off by default", m.group(1)).isZero();
      Files.writeString(work.resolve(".dockerlint.yaml"), m.group(3) + "\n");
      assertThat(ruleFindings(work, m.group(1))).as("'%s' turns %s on", m.group(3), m.group(1)).isPositive();
    }
    for (Rule rule : RULES) {
      if (!rule.info().enabledByDefault() && hasLiveCode(rule)) {
        assertThat(listed).as("README row for %s, off here", rule.info().id()).contains(rule.info().id());
      }
    }
  }

  private static boolean hasLiveCode(Rule rule) {
    for (String alias : rule.info().aliases()) {
      if (LIVE_CODES.contains(alias)) {
        return true;
      }
    }
    return false;
  }

  /** The wider cases of a rule, else the Bad examples of its page; each with its .dockerignore or null. */
  private static List<String[]> examplesOf(String ruleId) throws IOException {
    List<String[]> examples = new ArrayList<>();
    for (Case c : cases()) {
      if (c.outcome() == Outcome.WIDER && c.rule().info().id().equals(ruleId)) {
        examples.add(new String[] {c.dockerfile(), null});
      }
    }
    if (examples.isEmpty()) {
      String page = Files.readString(Path.of("rules", ruleId + ".md"));
      String bad = RuleDocsTest.section(page, "Bad");
      for (String block : RuleDocsTest.codeBlocks(bad)) {
        examples.add(new String[] {block.stripTrailing(), RuleDocsTest.ignoreFileFor(bad, block)});
      }
    }
    return examples;
  }

  /** How many findings of a rule the real command line reports for the Dockerfile in {@code work}. */
  private static int ruleFindings(Path work, String ruleId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--format", "json", "Dockerfile"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), work, false);
    assertThat(code).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
    int count = 0;
    try {
      for (JsonNode finding : new ObjectMapper().readTree(out.toByteArray()).get("findings")) {
        if (finding.get("rule").asText().equals(ruleId)) {
          count++;
        }
      }
    } catch (IOException e) {
      throw new AssertionError("JSON output", e);
    }
    return count;
  }

  // --- the case files ---

  private static final Pattern HEADER = Pattern.compile("^@@ (DL\\d{4}) (catches|passes|wider|narrower|fewer)((?: [a-z][a-z-]*(?:=\\S+)?)*)(?: -- (.*))?$");

  static List<Case> parse(String name, String text) {
    List<Case> cases = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length && !lines[i].startsWith("@@")) {
      i++;
    }
    while (i < lines.length) {
      int headerLine = i + 1;
      Matcher m = HEADER.matcher(lines[i]);
      assertThat(m.matches()).as("%s:%d: a case header, found '%s'", name, headerLine, lines[i]).isTrue();
      StringBuilder body = new StringBuilder();
      for (i++; i < lines.length && !lines[i].startsWith("@@"); i++) {
        body.append(lines[i]).append('\n');
      }
      Integer count = null;
      Map<String, String> schema = new LinkedHashMap<>();
      boolean strict = false;
      List<String> trusted = List.of();
      for (String option : m.group(3).strip().split(" ")) {
        if (option.isEmpty()) {
          continue;
        }
        String[] kv = option.split("=", 2);
        switch (kv[0]) {
          case "count" -> count = Integer.valueOf(kv[1]);
          case "schema" -> {
            for (String entry : kv[1].split(";")) {
              String[] labelFormat = entry.split(":", 2);
              schema.put(labelFormat[0], labelFormat[1]);
            }
          }
          case "strict-labels" -> strict = true;
          case "trusted" -> trusted = List.of(kv[1].split(","));
          default -> throw new AssertionError(name + ":" + headerLine + ": unknown option " + option);
        }
      }
      Outcome outcome = Outcome.valueOf(m.group(2).toUpperCase(Locale.ROOT));
      String note = m.group(4) == null ? "" : m.group(4).strip();
      if (outcome == Outcome.FEWER && count == null) {
        throw new AssertionError(name + ":" + headerLine + ": a 'fewer' case gives dockerlint's count");
      }
      if (outcome == Outcome.WIDER || outcome == Outcome.NARROWER || outcome == Outcome.FEWER) {
        assertThat(note).as("%s:%d: a kept difference says why", name, headerLine).isNotEmpty();
      }
      String dockerfile = body.toString().strip();
      assertThat(dockerfile).as("%s:%d: the Dockerfile of the case", name, headerLine).isNotEmpty();
      cases.add(new Case(name + ":" + headerLine, m.group(1), outcome, count, schema, strict, trusted, note, dockerfile));
    }
    return cases;
  }

  private static String resource(String name) {
    try (InputStream in = HadolintCompatTest.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> liveCodes() {
    List<String> codes = new ArrayList<>();
    codes.add("DL1001");
    for (int n = 3000; n <= 3067; n++) {
      if (n != 3005 && n != 3017 && n != 3031 && n != 3039) {
        codes.add("DL" + n);
      }
    }
    for (int n : new int[] {4000, 4001, 4003, 4004, 4005, 4006}) {
      codes.add("DL" + n);
    }
    return List.copyOf(codes);
  }
}
