import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.policy.Pack;
import dev.dockerlint.policy.Packs;
import dev.dockerlint.rules.BuiltinRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cost of custom rules, in one JVM: the corpus parsed and linted with the built-in rules alone,
 * and with the built-in rules plus examples/rules/platform.yaml and 50 generated rules, in
 * interleaved rounds (each round times both, in alternating order), after a warm-up. Prints the
 * medians and the median of the per-round ratios. Also writes the generated pack, for bench/policy.sh.
 *
 *   java -cp target/classes:DEPS bench/PolicyBench.java CORPUS OUT_DIR [ROUNDS]
 */
public class PolicyBench {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path generated = out.resolve("generated.yaml");
    Files.writeString(generated, generatedPack(50));

    List<Rule> builtins = BuiltinRules.all();
    Packs packs = new Packs(builtins);
    List<Rule> custom = new ArrayList<>();
    for (Path pack : List.of(Path.of("examples/rules/platform.yaml"), generated)) {
      for (Pack p : packs.load(pack, pack.toString())) {
        custom.addAll(p.rules());
      }
    }
    List<Rule> all = new ArrayList<>(builtins);
    all.addAll(custom);
    Linter plain = new Linter(builtins, LintSettings.DEFAULTS);
    Linter withPacks = new Linter(all, LintSettings.DEFAULTS);

    List<String[]> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(corpus)) {
      for (Path file : walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith("Dockerfile"))
          .sorted().toList()) {
        files.add(new String[] {corpus.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)});
      }
    }
    int lines = 0;
    for (String[] file : files) {
      lines += file[1].split("\n", -1).length;
    }
    int customFindings = 0;
    Set<String> customIds = new java.util.HashSet<>();
    for (Rule rule : custom) {
      customIds.add(rule.info().id());
    }
    for (String[] file : files) {
      for (Finding f : withPacks.lint(DockerfileParser.parse(file[0], file[1]))) {
        if (customIds.contains(f.rule())) {
          customFindings++;
        }
      }
    }
    if (System.getenv("PROFILE") != null) {
      // each custom rule alone: where the time goes
      List<Object[]> costs = new ArrayList<>();
      for (int pass = 0; pass < 2; pass++) {
      costs.clear();
      for (Rule rule : custom) {
        Linter one = new Linter(List.of(rule), LintSettings.DEFAULTS);
        for (int i = 0; i < 5; i++) {
          run(one, files);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
          best = Math.min(best, run(one, files));
        }
        costs.add(new Object[] {best, rule.info().id()});
      }
      }
      Linter none = new Linter(List.of(), LintSettings.DEFAULTS);
      long parse = Long.MAX_VALUE;
      for (int i = 0; i < 10; i++) {
        parse = Math.min(parse, run(none, files));
      }
      System.out.printf("parse alone: %.1f ms%n", parse / 1e6);
      costs.sort((x, y) -> Long.compare((Long) y[0], (Long) x[0]));
      for (Object[] cost : costs.subList(0, 15)) {
        System.out.printf("%-40s %.2f ms over parse%n", cost[1], ((Long) cost[0] - parse) / 1e6);
      }
    }
    for (int i = 0; i < 15; i++) {
      run(plain, files);
      run(withPacks, files);
    }
    long[] a = new long[rounds];
    long[] b = new long[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      if (r % 2 == 0) {
        a[r] = run(plain, files);
        b[r] = run(withPacks, files);
      } else {
        b[r] = run(withPacks, files);
        a[r] = run(plain, files);
      }
      ratios[r] = (double) b[r] / a[r];
    }
    Arrays.sort(a);
    Arrays.sort(b);
    Arrays.sort(ratios);
    System.out.printf("files=%d lines=%d builtin_rules=%d custom_rules=%d custom_findings=%d rounds=%d%n", files.size(),
        lines, builtins.size(), custom.size(), customFindings, rounds);
    System.out.printf("builtin_ms=%.1f with_packs_ms=%.1f ratio=%.3f (median of the rounds' ratios; lowest %.3f, "
        + "highest %.3f) best_builtin_ms=%.1f best_with_packs_ms=%.1f best_ratio=%.3f%n",
        a[rounds / 2] / 1e6, b[rounds / 2] / 1e6, ratios[rounds / 2], ratios[0], ratios[rounds - 1], a[0] / 1e6,
        b[0] / 1e6, (double) b[0] / a[0]);
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Parses and lints every file once: CPU nanoseconds of this thread (the linter runs a small file's
   * rules on the calling thread), steadier than wall time on a machine others share.
   */
  private static long run(Linter linter, List<String[]> files) {
    long start = THREADS.getCurrentThreadCpuTime();
    int findings = 0;
    for (String[] file : files) {
      Dockerfile parsed = DockerfileParser.parse(file[0], file[1]);
      findings += linter.check(parsed, null).findings().size();
    }
    long took = THREADS.getCurrentThreadCpuTime() - start;
    if (findings < 0) {
      throw new IllegalStateException();
    }
    return took;
  }

  /** {@code count} rules of every kind the language has, with regexes, globs and combinators. */
  static String generatedPack(int count) {
    String[] tests = {
        "from: {registry: {not: [\"registry%1$d.example.com\", \"*.corp%1$d\"]}, tag: {regex: \"^(latest|edge|rc%1$d)$\"}}",
        "run: {name: [tool%1$d, curl], subcommand: install, not: {flag: --quiet-%1$d}}",
        "run: {name: {regex: \"^pip[0-9]*$\"}, argument: {glob: \"*pkg%1$d*\"}}",
        "run: {name: wget, piped-into: {name: {any: [sh, bash, \"python%1$d\"]}}}",
        "env: {key: {regex: \"^(SECRET|TOKEN)_%1$d\"}, value: {not: {absent: true}}}",
        "label: {key: \"com.example.team%1$d\", value: {regex: \"^[a-z]+$\"}}",
        "user: {name: [\"root\", \"admin%1$d\"]}",
        "expose: {port: [\"22\", \"2%1$d\"], protocol: tcp}",
        "add: {source: {regex: \"^https?://host%1$d\\\\.\"}}",
        "all: [{instruction: COPY}, {flag: {name: chown, value: \"root%1$d*\"}}, {not: {copy: {destination: \"/app%1$d/*\"}}}]",
    };
    StringBuilder pack = new StringBuilder("rules:\n");
    for (int i = 0; i < count; i++) {
      String test = String.format(tests[i % tests.length], i);
      boolean require = i % 10 == 5;
      pack.append("  - id: generated-").append(i).append('\n')
          .append("    severity: info\n")
          .append("    message: \"generated rule ").append(i).append(" in {stage}\"\n")
          .append("    help: https://wiki.example.com/generated#").append(i).append('\n')
          .append("    match:\n")
          .append("      stage: ").append(i % 3 == 0 ? "final" : "any").append('\n')
          .append("      ").append(require ? "require" : "forbid").append(": {").append(test).append("}\n");
    }
    return pack.toString();
  }
}
