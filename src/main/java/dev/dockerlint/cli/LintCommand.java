package dev.dockerlint.cli;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.concurrent.IndexedTasks;
import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigException;
import dev.dockerlint.config.ConfigLoader;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleCatalog;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.report.FileResult;
import dev.dockerlint.report.Report;
import dev.dockerlint.report.Reporter;
import dev.dockerlint.report.Reporters;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dockerlint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Lints Dockerfiles: BuildKit-exact parsing, precise findings, text/JSON/SARIF output.",
    footer = {"", "Exit codes: 0 no findings at or above the failure threshold, 1 findings at or above it,",
        "2 usage, configuration or I/O error.", "Rules: dockerlint rules; one rule explained: dockerlint explain ID"})
final class LintCommand implements Callable<Integer> {
  static final String INFO_URI = "https://github.com/dockerlint/dockerlint";
  private static final List<String> THRESHOLDS = List.of("error", "warning", "info", "style", "none");

  private final Main.Environment env;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Dockerfiles or directories to lint (searched for Dockerfile, Dockerfile.*, *.Dockerfile, "
          + "Containerfile); '-' reads stdin; default ./Dockerfile")
  List<String> paths = new ArrayList<>();

  /** One report: a format and where it goes. Repeat the pair to write several at once. */
  static final class OutputSpec {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
        description = "output format: text (default), json, sarif, github, gitlab, checkstyle, junit or gnu")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "write the report to FILE instead of stdout; pairs with the --format before it, so "
            + "'--format sarif --output out.sarif --format text' writes SARIF and prints text")
    Path output;
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<OutputSpec> outputs = new ArrayList<>();

  @Option(names = "--stdin-filename", paramLabel = "PATH",
      description = "the path stdin stands for: used in the report and to find the configuration")
  Path stdinFilename;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "report and fail only on findings not recorded in FILE (see --write-baseline)")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "record the current findings in FILE and exit 0; later runs with --baseline FILE ignore them")
  Path writeBaseline;

  @Option(names = "--changed-since", paramLabel = "REF",
      description = "report only findings on lines changed since the git revision REF (for pull requests)")
  String changedSince;

  @Option(names = "--failure-threshold", paramLabel = "LEVEL",
      description = "lowest severity that fails the run: error, warning (default), info, style or none")
  String failureThreshold;

  @Option(names = "--ignore", paramLabel = "ID", split = ",", description = "skip a rule (id or alias such as DL3007); repeatable")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--enable", paramLabel = "ID", split = ",", description = "enable an off-by-default rule; repeatable")
  List<String> enable = new ArrayList<>();

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "configuration file (default: .dockerlint.yaml in the current directory or a parent up to the repository root)")
  Path config;

  @Option(names = "--context", paramLabel = "DIR",
      description = "the build context directory, for the .dockerignore checks (default: each Dockerfile's directory)")
  Path context;

  @Option(names = "--no-color", description = "never colour the output (NO_COLOR is honoured too)")
  boolean noColor;

  private final List<Rule> rules;

  LintCommand(Main.Environment env) {
    this(env, BuiltinRules.all());
  }

  /** With other rules than the built-ins (tests use a rule that fails on purpose). */
  LintCommand(Main.Environment env, List<Rule> rules) {
    this.env = env;
    this.rules = List.copyOf(rules);
  }

  @Override
  public Integer call() {
    RuleCatalog catalog = new RuleCatalog(rules);
    Config cfg;
    try {
      cfg = loadConfig(catalog);
    } catch (ConfigException e) {
      env.err().println("dockerlint: " + e.getMessage());
      return Main.ERROR;
    }
    for (String warning : cfg.warnings()) {
      env.err().println("dockerlint: warning: " + warning);
    }
    List<OutputSpec> reports = reportsToWrite(cfg);
    for (OutputSpec spec : reports) {
      if (!Reporters.FORMATS.contains(spec.format)) {
        return usage("unknown format '" + spec.format + "'; expected one of " + String.join(", ", Reporters.FORMATS));
      }
    }
    String threshold = (failureThreshold != null ? failureThreshold : cfg.failureThresholdValue().orElse("warning"))
        .toLowerCase(Locale.ROOT);
    if (!THRESHOLDS.contains(threshold)) {
      return usage("unknown failure threshold '" + failureThreshold + "'; expected one of " + String.join(", ", THRESHOLDS));
    }
    for (String name : concat(ignore, enable)) {
      if (catalog.resolve(name).isEmpty()) {
        return usage("unknown rule '" + name + "'; run 'dockerlint rules' for the list of ids");
      }
    }
    if (baseline != null && writeBaseline != null) {
      return usage("--baseline and --write-baseline cannot be used together");
    }
    Baseline known = null;
    if (baseline != null) {
      try {
        known = Baseline.read(env.workingDir().resolve(baseline));
      } catch (IOException e) {
        return usage(baseline + ": cannot read baseline (" + describe(e) + ")");
      }
    }
    ChangedLines changed = null;
    if (changedSince != null) {
      try {
        changed = ChangedLines.since(changedSince, env.workingDir());
      } catch (ChangedLines.GitException e) {
        return usage(e.getMessage());
      }
    }
    Linter linter = new Linter(catalog.rules(), settings(cfg, catalog));

    List<String> arguments = paths.isEmpty() ? List.of("Dockerfile") : paths;
    List<FileResult> results = new ArrayList<>();
    List<String> baselineKeys = new ArrayList<>();
    boolean ioError = false;
    List<Inputs.Input> inputs = Inputs.expand(arguments, env.workingDir());
    List<Linted> linteds = lintAll(inputs, linter);
    for (int n = 0; n < inputs.size(); n++) {
      Inputs.Input input = inputs.get(n);
      Linted linted = linteds.get(n);
      if (linted.warning() != null) {
        env.err().println("dockerlint: " + linted.result().path() + ": warning: " + linted.warning());
      }
      for (String warning : linted.pragmaWarnings()) {
        env.err().println("dockerlint: warning: " + warning); // the path config warnings take
      }
      FileResult result = linted.result();
      if (result.error() != null) {
        ioError = true;
        env.err().println("dockerlint: " + result.path() + ": " + result.error());
        results.add(result);
        continue;
      }
      // baseline keys hash each instruction (SHA-256): only when a baseline is read or written
      List<String> keys = known != null || writeBaseline != null ? Baseline.keys(linted.file(), result.findings()) : null;
      List<Finding> kept = new ArrayList<>();
      for (int i = 0; i < result.findings().size(); i++) {
        Finding finding = result.findings().get(i);
        if (known != null && known.absorbs(keys.get(i))) {
          continue;
        }
        if (changed != null && !changed.contains(input.isStdin() ? null : input.path(), finding.line())) {
          continue;
        }
        kept.add(finding);
        if (keys != null) {
          baselineKeys.add(keys.get(i));
        }
      }
      results.add(new FileResult(result.path(), result.source(), kept, null));
    }
    if (writeBaseline != null) {
      try {
        Baseline.write(env.workingDir().resolve(writeBaseline), baselineKeys);
      } catch (IOException e) {
        env.err().println("dockerlint: " + writeBaseline + ": cannot write baseline (" + describe(e) + ")");
        return Main.ERROR;
      }
      env.err().println("dockerlint: recorded " + baselineKeys.size() + " finding" + (baselineKeys.size() == 1 ? "" : "s")
          + " in " + writeBaseline);
      return ioError ? Main.ERROR : Main.OK;
    }
    Report report = new Report("dockerlint", Main.version(), INFO_URI, results, catalog.infos(), RULE_DOCS);
    for (OutputSpec spec : reports) {
      boolean color = spec.output == null && env.terminal() && !noColor
          && env.env().getOrDefault("NO_COLOR", "").isEmpty();
      Reporter reporter = Reporters.forFormat(spec.format, color).orElseThrow();
      // file errors already went to stderr; the text report on the console need not repeat them
      Report shown = spec.format.equals("text") && spec.output == null ? withoutErrors(report) : report;
      if (!write(reporter, shown, spec.output)) {
        return Main.ERROR;
      }
    }
    // a rule that failed is a bug in dockerlint: its internal-error finding is in the report, and
    // the run must not look clean or merely "failing"
    boolean internalError = false;
    for (FileResult file : results) {
      if (hasInternalError(file)) {
        internalError = true;
        env.err().println("dockerlint: " + file.path() + ": internal error in a rule (reported as '"
            + Linter.INTERNAL_ERROR + "'); please report it at " + INFO_URI + "/issues with the Dockerfile");
      }
    }
    if (ioError || internalError) {
      return Main.ERROR;
    }
    Optional<Severity> failAt = Severity.parse(threshold);
    boolean failing = failAt.isPresent() && anyAtLeast(report.findings(), failAt.get());
    return failing ? Main.FINDINGS : Main.OK;
  }

  private static boolean anyAtLeast(List<Finding> findings, Severity threshold) {
    for (Finding finding : findings) {
      if (finding.severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }

  // classes and loops, not lambdas and streams, on the lint path: linking each lambda costs
  // start-up time that the class-data archive does not save (bench/README.md)
  private static final java.util.function.Function<String, Optional<String>> RULE_DOCS =
      new java.util.function.Function<>() {
        @Override
        public Optional<String> apply(String id) {
          return RuleDocs.page(id);
        }
      };

  private static boolean hasInternalError(FileResult file) {
    for (Finding finding : file.findings()) {
      if (finding.rule().equals(Linter.INTERNAL_ERROR)) {
        return true;
      }
    }
    return false;
  }

  /** The reports to write: the command line's pairs, else the config's format on stdout. */
  private List<OutputSpec> reportsToWrite(Config cfg) {
    List<OutputSpec> specs = new ArrayList<>();
    for (OutputSpec given : outputs) {
      OutputSpec spec = new OutputSpec();
      spec.format = (given.format != null ? given.format : cfg.formatValue().orElse("text")).toLowerCase(Locale.ROOT);
      spec.output = given.output;
      specs.add(spec);
    }
    if (specs.isEmpty()) {
      OutputSpec spec = new OutputSpec();
      spec.format = cfg.formatValue().orElse("text").toLowerCase(Locale.ROOT);
      specs.add(spec);
    }
    return specs;
  }

  /** @param pragmaWarnings the linter's warnings about the file's pragmas, each with its file and line */
  private record Linted(FileResult result, Dockerfile file, String warning, List<String> pragmaWarnings) {}

  /**
   * Lints files in parallel on all cores, each result in its input's slot, so output does not
   * depend on scheduling. An error such as running out of memory ends the run, as on one thread.
   */
  private List<Linted> lintAll(List<Inputs.Input> inputs, Linter linter) {
    Linted[] results = new Linted[inputs.size()];
    IndexedTasks.run(inputs.size(), Runtime.getRuntime().availableProcessors(), "dockerlint-lint",
        new java.util.function.IntConsumer() {
          @Override
          public void accept(int i) {
            results[i] = lintOne(inputs.get(i), linter);
          }
        });
    return List.of(results);
  }

  private Linted lintOne(Inputs.Input input, Linter linter) {
    try {
      return lintOneUnguarded(input, linter);
    } catch (RuntimeException | StackOverflowError e) {
      // the linter isolates rule failures, so this is a parser bug: report it for this file only
      String reason = "internal error: " + e.getClass().getName() + " (please report this at " + INFO_URI
          + "/issues with the Dockerfile)";
      return new Linted(new FileResult(input.displayPath(), null, List.of(), reason), null, null, List.of());
    }
  }

  private Linted lintOneUnguarded(Inputs.Input input, Linter linter) {
    String shownPath = input.isStdin() && stdinFilename != null ? stdinFilename.toString().replace('\\', '/') : input.displayPath();
    if (input.error() != null) {
      return new Linted(new FileResult(shownPath, null, List.of(), input.error()), null, null, List.of());
    }
    Inputs.Loaded loaded = Inputs.read(input, env.in());
    if (loaded.error() != null) {
      return new Linted(new FileResult(shownPath, null, List.of(), loaded.error()), null, null, List.of());
    }
    Dockerfile file = DockerfileParser.parse(shownPath, loaded.text());
    Linter.Result result = linter.check(file, input.isStdin() ? null : input.path());
    // reports show source only through this masked copy, so secrets never reach the output
    SourceText shown = file.source().masked(result.redactions());
    return new Linted(new FileResult(shownPath, shown, result.findings(), null), file, loaded.warning(), result.warnings());
  }

  private Config loadConfig(RuleCatalog catalog) throws ConfigException {
    ConfigLoader loader = new ConfigLoader(catalog.knownNames());
    if (config != null) {
      Path file = env.workingDir().resolve(config);
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(config + ": config file not found");
      }
      return loader.load(file);
    }
    Path from = env.workingDir();
    if (stdinFilename != null) {
      Path parent = env.workingDir().resolve(stdinFilename).getParent();
      from = parent != null ? parent : from;
    }
    Optional<Path> found = ConfigLoader.discover(from);
    return found.isPresent() ? loader.load(found.get()) : Config.EMPTY;
  }

  private LintSettings settings(Config cfg, RuleCatalog catalog) {
    Set<String> ignored = new LinkedHashSet<>(cfg.ignore());
    ignored.addAll(ignore);
    Set<String> enabled = new LinkedHashSet<>();
    for (String name : concat(cfg.enable(), enable)) {
      for (Rule rule : catalog.resolve(name)) {
        enabled.add(rule.info().id());
      }
    }
    Map<String, Severity> severities = new HashMap<>();
    for (Map.Entry<String, Severity> entry : cfg.severity().entrySet()) {
      for (Rule rule : catalog.resolve(entry.getKey())) {
        severities.put(rule.info().id(), entry.getValue());
      }
    }
    Path contextDir = context == null ? null : env.workingDir().resolve(context).toAbsolutePath().normalize();
    return new LintSettings(ignored, enabled, severities, cfg.trustedRegistries(), cfg.labelSchema(), contextDir,
        cfg.strictLabels());
  }

  private boolean write(Reporter reporter, Report report, Path output) {
    if (output == null) {
      try {
        Utf8Output stdout = new Utf8Output(env.out());
        reporter.write(report, stdout);
        stdout.flush();
        return true;
      } catch (IOException e) {
        env.err().println("dockerlint: cannot write output: " + e.getMessage());
        return false;
      }
    }
    Path target = env.workingDir().resolve(output).toAbsolutePath();
    Path temp = null;
    try {
      Path dir = target.getParent();
      temp = Files.createTempFile(dir, ".dockerlint-", ".tmp");
      try (java.io.OutputStream stream = Files.newOutputStream(temp)) {
        Utf8Output file = new Utf8Output(stream);
        reporter.write(report, file);
        file.flush();
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      env.err().println("dockerlint: " + output + ": cannot write report (" + describe(e) + ")");
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // nothing more to do; the message above already failed the run
        }
      }
      return false;
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "directory does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage();
  }

  private static Report withoutErrors(Report report) {
    List<FileResult> files = new ArrayList<>();
    for (FileResult file : report.files()) {
      if (file.error() == null) {
        files.add(file);
      }
    }
    return new Report(report.toolName(), report.toolVersion(), report.informationUri(), files, report.rules(), report.ruleDoc());
  }

  private int usage(String message) {
    env.err().println("dockerlint: " + message);
    return Main.ERROR;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
