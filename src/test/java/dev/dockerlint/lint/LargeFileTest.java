package dev.dockerlint.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.rules.BuiltinRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule together on a large file. A hang guard, not a benchmark (bench/ measures speed): a rule
 * that searches to the end of the file once per instruction turned this into minutes.
 */
class LargeFileTest {
  @Test
  @Timeout(60)
  void everyRuleStaysLinearOnALargeFile() {
    StringBuilder text = new StringBuilder("ARG BASE=debian:12\n");
    for (int stage = 0; stage < 50; stage++) {
      text.append("FROM ${BASE} AS s").append(stage).append('\n');
      for (int i = 0; i < 500; i++) {
        text.append("ENV K").append(i).append("=v").append(i).append('\n');
        text.append("RUN apt-get update && apt-get install -y pkg").append(i).append(" | tee /log \\\n")
            .append("    && rm -rf /var/lib/apt/lists/*\n");
      }
    }
    Set<String> all = new java.util.HashSet<>();
    BuiltinRules.all().forEach(r -> all.add(r.info().id()));
    Linter linter = new Linter(BuiltinRules.all(), new LintSettings(Set.of(), all, Map.of(), List.of("docker.io")));
    List<Finding> findings = linter.lint(DockerfileParser.parse("Dockerfile", text.toString()));
    assertThat(findings).isNotEmpty().noneMatch(f -> f.rule().equals(Linter.INTERNAL_ERROR));
  }

  /**
   * Shapes that were quadratic once; each takes seconds now. Before the fixes, 20,000 ENV lines took
   * 272 s, and the others, from times measured at a third or less of these sizes, would take one to
   * three minutes, past the timeout (for example 8,000 apt-get installs in one RUN took 22 s, and
   * 6,000 cds 4 s in run-cd alone).
   */
  static Stream<Arguments> manyOfOneThing() {
    return Stream.of(
        Arguments.of("20,000 ENV lines in one stage (a copy of every variable per instruction)",
            lines("FROM alpine:3.20", 20_000, i -> "ENV K" + i + "=v" + i + " PREV=$K" + Math.max(0, i - 1))),
        Arguments.of("50,000 RUNs in one stage (rules looking back over the stage per RUN)",
            lines("FROM alpine:3.20", 50_000, i -> "RUN apt-get install -y --no-install-recommends p" + i + " && npm install")),
        Arguments.of("40,000 pragmas (a scan of the file per pragma and per finding)",
            lines("FROM alpine:latest", 40_000, i -> "# dockerlint ignore=image-latest\nRUN echo " + i)),
        Arguments.of("10,000 stages, each built on the one before (a walk up the chain per stage)",
            lines("FROM alpine:3.20 AS s0", 10_000, i -> "FROM s" + i + " AS s" + (i + 1) + "\nENV V" + i + "=x")),
        Arguments.of("20,000 apt-get installs in one RUN (the later commands read again per install)",
            oneRun(20_000, i -> "apt-get install -y p" + i)),
        Arguments.of("20,000 yum installs in one RUN (a clean-up looked for after each install)",
            oneRun(20_000, i -> "yum install -y p" + i)),
        Arguments.of("20,000 pip installs in one RUN (a cache removal looked for after each install)",
            oneRun(20_000, i -> "pip install p" + i)),
        Arguments.of("30,000 cds in one RUN, then cd / (a return looked for after each cd)",
            oneRun(30_000, i -> i % 2 == 0 ? "cd /x" + i : "cd /build/x" + i + " && rm -rf /build")),
        // 30,000 took 7 s with java -jar; the path grew with every WORKDIR
        Arguments.of("100,000 relative WORKDIRs (the working directory's path rebuilt per WORKDIR)",
            lines("FROM alpine:3.20", 100_000, i -> "WORKDIR " + "d".repeat(60) + i)),
        // 15,000 of each took 10 s with java -jar: every rm looked through every file
        Arguments.of("45,000 COPYs, then 45,000 RUN rm (every added file checked per removal)",
            lines("FROM alpine:3.20", 90_000, i -> i < 45_000 ? "COPY f" + i + " /app/f" + i : "RUN rm /other" + i)),
        Arguments.of("10,000 stages on scratch, each built on the one before (a walk up the chain per stage)",
            lines("FROM scratch AS s0", 10_000, i -> "FROM s" + i + " AS s" + (i + 1) + "\nCMD /app " + i)),
        Arguments.of("20,000 http key downloads in one RUN (the later imports read again per download)",
            oneRun(20_000, i -> "curl -o /k" + i + " http://x/k" + i + " && gpg --import /k" + i)),
        Arguments.of("20,000 echo | chpasswd in one RUN (each pipe's reader looked up from the start)",
            oneRun(20_000, i -> "echo u" + i + ":p" + i + " | chpasswd")),
        Arguments.of("one ENV of 20,000 password pairs (the user names looked up per pair)",
            "FROM alpine:3.20\nENV " + lines("A=1", 20_000, i -> "  P" + i + "_PASSWORD=v" + i).replace("\n", " \\\n")
                + "\n"),
        Arguments.of("20,000 installs swallowed in one RUN (each chain walked per install)",
            oneRun(20_000, i -> "apt-get install -y p" + i + " || true")));
  }

  /** One RUN of {@code count} commands joined with {@code &&} over continued lines. */
  private static String oneRun(int count, java.util.function.IntFunction<String> command) {
    return lines("FROM alpine:3.20\nRUN true \\", count, i -> "  && " + command.apply(i) + " \\") + "  && cd /\n";
  }

  private static String lines(String first, int count, java.util.function.IntFunction<String> line) {
    StringBuilder text = new StringBuilder(first).append('\n');
    for (int i = 0; i < count; i++) {
      text.append(line.apply(i)).append('\n');
    }
    return text.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manyOfOneThing")
  @Timeout(60)
  void manyOfOneThingStaysLinear(String shape, String text) {
    Set<String> all = new java.util.HashSet<>();
    BuiltinRules.all().forEach(r -> all.add(r.info().id()));
    Linter linter = new Linter(BuiltinRules.all(), new LintSettings(Set.of(), all, Map.of(), List.of("docker.io")));
    List<Finding> findings = linter.lint(DockerfileParser.parse("Dockerfile", text));
    assertThat(findings).noneMatch(f -> f.rule().equals(Linter.INTERNAL_ERROR));
  }

  /**
   * Image references are matched with java.util.regex; long near-misses are where a backtracking
   * pattern turns quadratic or worse. Lines are capped at 65,535 bytes, so this is the worst length.
   */
  @Test
  @Timeout(60)
  void imageReferencePatternsDoNotBacktrackOnLongNearMisses() {
    List<String> images = List.of("a".repeat(60_000) + "_.b/x:1", "a-".repeat(30_000) + "!/x:1",
        "a.".repeat(30_000) + "-/x:1", "x/" + "a-".repeat(30_000) + "!:1", "x@" + "a.".repeat(30_000) + "!:" + "0".repeat(40),
        "x:" + "a".repeat(60_000) + "!");
    Linter linter = new Linter(BuiltinRules.all(), LintSettings.DEFAULTS);
    for (String image : images) {
      List<Finding> findings = linter.lint(DockerfileParser.parse("Dockerfile", "FROM " + image + "\n"));
      assertThat(findings).noneMatch(f -> f.rule().equals(Linter.INTERNAL_ERROR));
    }
  }
}
