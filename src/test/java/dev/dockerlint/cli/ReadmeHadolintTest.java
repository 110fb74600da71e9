package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's table of hadolint's options ("Coming from hadolint"): every row is run. Each
 * spelling is a command-line option ({@code -t none}), an environment variable
 * ({@code HADOLINT_IGNORE=DL3007}) or a config line ({@code ignored: [DL3007]}, written to the
 * repository's {@code .hadolint.yaml}). A row whose note says "Works as is" must give the same
 * report, stderr and exit code with the hadolint spelling as with the dockerlint spelling; one whose
 * note says "**Differs**" must not. Every dockerlint spelling must have an effect: its run differs
 * from the run without it, with the repository's {@code .hadolint.yaml} holding either no setting or
 * {@code failure-threshold: error} (so that a threshold has something to change).
 */
class ReadmeHadolintTest {
  /**
   * Findings of several severities and codes: DL3007 (warning) and base-image-bloated (info) on
   * FROM, DL3008 (info) on the RUN, DL3002 (warning) hidden by a pragma, a label.
   */
  static final String DOCKERFILE = "FROM node:latest\nHEALTHCHECK NONE\n"
      + "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"
      + "LABEL version=x\n# hadolint ignore=DL3002\nUSER root\n";
  /** The two configs each row runs under. */
  static final List<String> CONTEXTS = List.of("ignored: []", "failure-threshold: error");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @TempDir Path dir;

  record Row(String hadolint, String dockerlint, String note) {}

  record Result(int code, String out, String err) {}

  static List<Row> rows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("### hadolint's options in dockerlint\n");
    assertThat(start).as("the README's section").isPositive();
    String section = readme.substring(start);
    section = section.substring(0, section.indexOf("\n## "));
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : section.split("\n")) {
      if (line.startsWith("| hadolint | dockerlint |")) {
        inTable = true;
        continue;
      }
      if (!inTable || line.startsWith("|---")) {
        continue;
      }
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
      assertThat(cells).as(line).hasSize(3);
      rows.add(new Row(code(cells[0].strip(), line), code(cells[1].strip(), line), cells[2].strip()));
    }
    return rows;
  }

  private static String code(String cell, String line) {
    Matcher m = CODE.matcher(cell);
    assertThat(m.matches()).as("one code span per spelling cell: %s", line).isTrue();
    return m.group(1);
  }

  @Test
  void theTableCoversHadolintsSurface() throws IOException {
    List<String> spellings = new ArrayList<>();
    for (Row row : rows()) {
      spellings.add(row.hadolint());
    }
    String all = String.join("\n", spellings);
    for (String option : List.of("-f ", "-t ", "--no-fail", "--no-color", "-V", "-v", "--ignore ", "--error ", "--warning ",
        "--info ", "--style ", "--trusted-registry ", "--require-label ", "--strict-labels", "--disable-ignore-pragma",
        "--file-path-in-report ")) {
      assertThat(all).as(option).contains(option);
    }
    for (String variable : dev.dockerlint.config.HadolintEnvironment.VARIABLES) {
      assertThat(all).as(variable).contains(variable + "=");
    }
    for (String key : List.of("ignored", "override", "trustedRegistries", "label-schema", "strict-labels",
        "disable-ignore-pragma", "failure-threshold", "no-fail", "format", "no-color", "verbose")) {
      assertThat(all).as(key).contains("\n" + key + ": ");
    }
    for (String format : dev.dockerlint.config.HadolintValues.FORMATS) {
      assertThat(all).as(format).contains("-f " + format);
    }
  }

  @Test
  void everyRowDoesWhatItsNoteSays() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThan(50);
    boolean strictLabelsChecked = strictLabelsHaveAnEffect();
    Map<String, Result> withoutAny = new HashMap<>();
    for (Row row : rows) {
      boolean same = row.note().startsWith("Works as is");
      assertThat(same || row.note().startsWith("**Differs**")).as("note of %s", row).isTrue();
      boolean effect = false;
      for (String context : CONTEXTS) {
        boolean formatted = mentionsFormat(row.hadolint()) || mentionsFormat(row.dockerlint());
        Result hadolint = run(context, row.hadolint(), formatted);
        Result dockerlint = run(context, row.dockerlint(), formatted);
        Result without = withoutAny.get(context + formatted);
        if (without == null) {
          without = run(context, null, formatted);
          withoutAny.put(context + formatted, without);
        }
        assertThat(dockerlint.code()).as("%s is accepted: %s", row.dockerlint(), dockerlint.err()).isNotEqualTo(2);
        assertThat(hadolint.code()).as("%s is accepted: %s", row.hadolint(), hadolint.err()).isNotEqualTo(2);
        if (same) {
          assertThat(hadolint).as("%s under %s", row, context).isEqualTo(dockerlint);
        } else {
          assertThat(hadolint).as("%s under %s", row, context).isNotEqualTo(dockerlint);
        }
        effect |= !dockerlint.equals(without);
      }
      // the strict-labels check is the rule's (DL3050); the setting reaching the rules is HadolintCliTest's
      if (row.dockerlint().contains("strict-labels") && !strictLabelsChecked) {
        continue;
      }
      assertThat(effect).as("%s has an effect", row.dockerlint()).isTrue();
    }
  }

  /** Whether a rule reports DL3050 (a label the schema does not name) with strict labels. */
  private boolean strictLabelsHaveAnEffect() throws IOException {
    return run(CONTEXTS.get(0), "--strict-labels", true).out().contains("DL3050")
        || run(CONTEXTS.get(0), "--strict-labels --require-label other:text", true).out().contains("DL3050");
  }

  private static boolean mentionsFormat(String spelling) {
    return spelling.startsWith("-f ") || spelling.contains("--format") || spelling.startsWith("HADOLINT_FORMAT=")
        || spelling.startsWith("format:");
  }

  /**
   * One run in a fresh repository whose {@code .hadolint.yaml} is {@code context}, with a spelling
   * (or none): options are added to the command line, a variable to the environment, a config line
   * to the {@code .hadolint.yaml} (in place of the context's line of the same key). Without a format
   * in the row, the report is {@code tty}. On a terminal, so that colour shows.
   */
  private Result run(String context, String spelling, boolean formatted) throws IOException {
    Path repo = Files.createTempDirectory(dir, "repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.writeString(repo.resolve("Dockerfile"), DOCKERFILE);
    Map<String, String> config = new LinkedHashMap<>();
    config.put(key(context), context);
    Map<String, String> env = new HashMap<>();
    List<String> args = new ArrayList<>();
    if (!formatted) {
      args.addAll(List.of("--format", "tty"));
    }
    if (spelling != null) {
      if (spelling.startsWith("-")) {
        args.addAll(List.of(spelling.split(" ")));
      } else if (spelling.matches("[A-Z_]+=.*")) {
        env.put(spelling.substring(0, spelling.indexOf('=')), spelling.substring(spelling.indexOf('=') + 1));
      } else {
        config.put(key(spelling), spelling);
      }
    }
    Files.writeString(repo.resolve(".hadolint.yaml"), String.join("\n", config.values()) + "\n");
    args.add("Dockerfile");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args.toArray(new String[0]), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, repo,
        true);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String key(String yamlLine) {
    assertThat(yamlLine).as("a config line 'key: value'").contains(": ");
    return yamlLine.substring(0, yamlLine.indexOf(':'));
  }
}
