package dev.dockerlint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A rule pack may come from anyone's pull request: whatever the text, reading it gives a compiled
 * pack or one-line {@code file:line:col: message} problems, never another exception; and a pack
 * that compiles lints any Dockerfile without failing.
 */
class PackPropertiesTest {
  private static final Pattern PROBLEM = Pattern.compile("pack\\.yaml(:\\d+:\\d+)?: [^\\n]+");

  private static final String[] SEEDS = {
      """
      rules:
        - id: allowed-registries
          severity: error
          message: "Image {image} is not from registry.example.com"
          help: https://wiki.example.com/r
          match:
            stage: final
            forbid:
              from: {registry: {not: ["registry.example.com", "*.corp"]}, tag: {regex: "^v?[0-9]+"}}
          examples:
            bad: ["FROM node:20\\n"]
            good: ["FROM registry.example.com/node:20\\n"]
      """,
      """
      rules:
        - id: no-curl-sh
          message: "{command} piped into a shell in {stage}"
          aliases: [P1]
          help: https://x.example/a
          match:
            forbid:
              any:
                - run: {name: [curl, wget], piped-into: {name: [sh, bash]}}
                - all: [{instruction: ADD}, {add: {source: {regex: "^https?://"}}}, {not: {flag: {name: checksum}}}]
        - id: source-label
          message: "{stage} lacks a source label"
          enabled: false
          help: https://x.example/b
          match:
            require: {label: {key: org.opencontainers.image.source, value: {absent: false}}}
        - id: numeric-user
          message: "USER {value}"
          help: https://x.example/c
          match:
            stage: named app
            forbid: {user: {numeric: false, group: "*"}, expose: {port: "22", protocol: tcp}}
      """,
  };

  private static final String[] WORDS = {"rules", "id", "message", "match", "forbid", "require", "stage", "final",
      "any", "all", "not", "run", "from", "env", "arg", "label", "user", "expose", "add", "copy", "flag", "name",
      "subcommand", "argument", "piped-into", "regex", "glob", "absent", "true", "false", "null", "~", "{image}",
      "{nope}", "(?=x)", "\\1", "[", "]", "{", "}", "&a", "*a", "!!str", "!!java.io.File", "|", ">", "-", ":", "'",
      "\"", "#", "\t", "\n", "  ", "named x", "severity", "error", "examples", "bad", "good", "aliases", "image-latest"};

  private static final String[] DOCKERFILES = {
      "FROM node:20 AS app\nUSER app\nEXPOSE 22\nRUN curl x | sh\nADD https://x /x\n",
      "ARG B=alpine\nFROM $B\nLABEL org.opencontainers.image.source=x\nRUN <<EOF\nwget y | bash\nEOF\nONBUILD RUN x\n",
      "FROM registry.example.com/a:v1\nENV A=1\nCOPY --from=b a b\nRUN [\"curl\", \"x\"]\n",
  };

  @Test
  void randomAndMutatedPacksNeverCrashTheReader() {
    Random random = new Random(20261202);
    int compiled = 0;
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      String text = i % 3 == 2 ? generated(random) : mutated(SEEDS[random.nextInt(SEEDS.length)], random);
      Pack pack;
      try {
        pack = PackReader.read("pack.yaml", text, Map.of("image-latest", "built-in rule 'image-latest'"));
      } catch (PackException e) {
        assertThat(e.problems()).as("problems for:%n%s", text).isNotEmpty()
            .allSatisfy(p -> assertThat(p).matches(PROBLEM).hasSizeLessThan(600));
        rejected++;
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("reader crashed on:\n" + text, e);
      }
      compiled++;
      List<Rule> rules = new ArrayList<>(pack.rules());
      Set<String> ids = new java.util.HashSet<>();
      for (Rule rule : rules) {
        ids.add(rule.info().id());
      }
      Linter linter = new Linter(rules, new LintSettings(Set.of(), ids, Map.of(), List.of()));
      for (String dockerfile : DOCKERFILES) {
        List<Finding> findings = linter.lint(DockerfileParser.parse("Dockerfile", dockerfile));
        assertThat(findings).as("findings for pack:%n%s", text).noneMatch(f -> f.rule().equals(Linter.INTERNAL_ERROR));
      }
    }
    // both sides are exercised, or the generator is useless
    assertThat(compiled).isGreaterThan(100);
    assertThat(rejected).isGreaterThan(1000);
  }

  private static String mutated(String seed, Random random) {
    StringBuilder text = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && text.length() > 0; e++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(5)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, WORDS[random.nextInt(WORDS.length)]);
        case 2 -> {
          int end = Math.min(text.length(), at + 1 + random.nextInt(20));
          text.delete(at, end);
        }
        case 3 -> {
          int lineStart = text.lastIndexOf("\n", at) + 1;
          int lineEnd = text.indexOf("\n", at);
          if (lineEnd > lineStart) {
            text.insert(lineStart, text.substring(lineStart, lineEnd + 1));
          }
        }
        default -> text.setCharAt(at, (char) (random.nextInt(4) == 0 ? random.nextInt(0x250) : ' ' + random.nextInt(95)));
      }
    }
    return text.toString();
  }

  /** A YAML tree of the pack's words, nested a few levels. */
  private static String generated(Random random) {
    StringBuilder text = new StringBuilder("rules:\n  - id: r").append(random.nextInt(5)).append('\n');
    text.append("    message: \"").append(random.nextBoolean() ? "{stage}" : WORDS[random.nextInt(WORDS.length)]).append("\"\n");
    text.append("    help: https://x.example/h\n");
    text.append("    match:\n      ").append(random.nextBoolean() ? "forbid" : "require").append(":\n");
    node(text, random, 8, 0);
    return text.toString();
  }

  private static void node(StringBuilder text, Random random, int indent, int depth) {
    int keys = 1 + random.nextInt(3);
    for (int k = 0; k < keys; k++) {
      text.append(" ".repeat(indent)).append(WORDS[random.nextInt(22)]).append(':');
      int kind = depth > 4 ? 0 : random.nextInt(4);
      if (kind == 0) {
        text.append(' ').append('"').append(WORDS[random.nextInt(WORDS.length)].replace("\"", "").replace("\\", "")
            .replace("\n", "")).append("\"\n");
      } else if (kind == 1) {
        text.append(" [").append(WORDS[random.nextInt(30)]).append(", ").append(WORDS[random.nextInt(30)]).append("]\n");
      } else if (kind == 2) {
        text.append('\n').append(" ".repeat(indent + 2)).append("-\n");
        node(text, random, indent + 4, depth + 1);
      } else {
        text.append('\n');
        node(text, random, indent + 2, depth + 1);
      }
    }
  }
}
