package dev.dockerlint.cli;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.From;
import dev.dockerlint.concurrent.IndexedTasks;
import dev.dockerlint.config.Config;
import dev.dockerlint.config.ConfigException;
import dev.dockerlint.config.ConfigLoader;
import dev.dockerlint.config.ConfigLookup;
import dev.dockerlint.config.ConfigResolver;
import dev.dockerlint.config.HadolintEnvironment;
import dev.dockerlint.config.HadolintValues;
import dev.dockerlint.fix.FixedFile;
import dev.dockerlint.fix.Fixer;
import dev.dockerlint.fix.UnifiedDiff;
import dev.dockerlint.lint.Analyzer;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.HadolintCodes;
import dev.dockerlint.lint.IgnoreFile;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleCatalog;
import dev.dockerlint.lint.RuleFamily;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.report.FileResult;
import dev.dockerlint.report.Report;
import dev.dockerlint.report.Reporter;
import dev.dockerlint.report.Reporters;
import dev.dockerlint.rules.BuiltinRules;
import dev.dockerlint.rules.RuleDocs;
import dev.dockerlint.shellcheck.ShellCheck;
import dev.dockerlint.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dockerlint", versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Lints Dockerfiles: BuildKit-exact parsing, precise findings, text/JSON/SARIF output.",
    footer = {"", "Exit codes: 0 no findings at or above the failure threshold, 1 findings at or above it,",
        "2 usage, configuration or I/O error.", "Rules: dockerlint rules; one rule explained: dockerlint explain ID",
        "hadolint's options, HADOLINT_* variables and .hadolint.yaml work too (README, Coming from hadolint)."})
final class LintCommand implements Callable<Integer> {
  static final String INFO_URI = "https://github.com/dockerlint/dockerlint";
  private static final List<String> THRESHOLDS = List.of("error", "warning", "info", "style", "none");
  /**
   * hadolint's codes for the checks a setting configures: a label schema, strict labels and
   * trusted registries each switch on the rules standing for theirs, so configuring one is enough.
   */
  private static final String[] LABEL_SCHEMA_CODES = {"DL3049", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055",
      "DL3056", "DL3058"};
  private static final String[] STRICT_LABELS_CODES = {"DL3050"};
  private static final String[] TRUSTED_REGISTRY_CODES = {"DL3026"};

  private final Main.Environment env;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Dockerfiles or directories to lint (searched for Dockerfile, Dockerfile.*, *.Dockerfile, "
          + "Containerfile); '-' reads stdin; default ./Dockerfile")
  List<String> paths = new ArrayList<>();

  /** One report: a format and where it goes. Repeat the pair to write several at once. */
  static final class OutputSpec {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
        description = "output format: text (default), json, sarif, github, gitlab, checkstyle, junit, gnu, "
            + "or one of hadolint's: tty, hadolint-json, codeclimate, gitlab_codeclimate (gitlab), codacy, sonarqube")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "write the report to FILE instead of stdout; pairs with the --format before it, so "
            + "'--format sarif --output out.sarif --format text' writes SARIF and prints text")
    Path output;
  }

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<OutputSpec> outputs = new ArrayList<>();

  @Option(names = "--kind", paramLabel = "KIND",
      description = "what the files named and stdin are: compose or dockerfile (default: by their names); "
          + "a directory scan then looks for that kind only")
  String kind;

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

  @Option(names = {"-t", "--failure-threshold"}, paramLabel = "LEVEL",
      description = "lowest severity that fails the run: error, warning (default), info, style, or none "
          + "(or ignore) for never")
  String failureThreshold;

  @Option(names = "--no-fail", description = "findings never fail the run (hadolint's; as --failure-threshold none)")
  boolean noFail;

  @Option(names = "--ignore", paramLabel = "ID", split = ",", description = "skip a rule (id or alias such as DL3007); repeatable")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--enable", paramLabel = "ID", split = ",", description = "enable an off-by-default rule; repeatable")
  List<String> enable = new ArrayList<>();

  @Option(names = "--error", paramLabel = "ID", split = ",", description = "report a rule's findings as errors; repeatable")
  List<String> asError = new ArrayList<>();

  @Option(names = "--warning", paramLabel = "ID", split = ",", description = "report a rule's findings as warnings; repeatable")
  List<String> asWarning = new ArrayList<>();

  @Option(names = "--info", paramLabel = "ID", split = ",", description = "report a rule's findings as info; repeatable")
  List<String> asInfo = new ArrayList<>();

  @Option(names = "--style", paramLabel = "ID", split = ",", description = "report a rule's findings as style; repeatable")
  List<String> asStyle = new ArrayList<>();

  @Option(names = "--trusted-registry", paramLabel = "REGISTRY", split = ",",
      description = "a registry FROM may use (docker.io, *.example.com); any other is reported; repeatable")
  List<String> trustedRegistries = new ArrayList<>();

  @Option(names = "--require-label", paramLabel = "NAME:FORMAT", split = ",",
      description = "a label the image must carry, its value one of text, rfc3339, url, semver, hash, spdx, email; "
          + "repeatable")
  List<String> requireLabels = new ArrayList<>();

  @Option(names = "--strict-labels", description = "report labels the label schema does not name")
  boolean strictLabels;

  @Option(names = "--disable-ignore-pragma",
      description = "disregard the suppressions in the Dockerfiles (# dockerlint/hadolint ignore=, # check=skip=)")
  boolean disableIgnorePragma;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "use this configuration file for every Dockerfile (default: the nearest .dockerlint.yaml from "
          + "each Dockerfile's directory up to the repository root, else ~/.config/dockerlint/config.yaml)")
  Path config;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "also check the custom rules of this YAML rule pack (a file, or a directory of *.yaml packs); "
          + "repeatable (see also custom-rules: in .dockerlint.yaml, and dockerlint test-rules)")
  List<Path> rulePacks = new ArrayList<>();

  @Option(names = "--isolated",
      description = "ignore every configuration file, the repository's and the user's; only the command line counts")
  boolean isolated;

  @Option(names = "--context", paramLabel = "DIR",
      description = "the build context directory, for the .dockerignore checks (default: each Dockerfile's directory)")
  Path context;

  @Option(names = "--no-color", description = "never colour the output (NO_COLOR is honoured too)")
  boolean noColor;

  @Option(names = "--file-path-in-report", paramLabel = "PATH",
      description = "show every linted file as PATH in the reports (hadolint's; for stdin see --stdin-filename)")
  String filePathInReport;

  @Option(names = {"-V", "--verbose"}, description = "say on stderr which config each file used and what fails the run")
  boolean verbose;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = {"-v", "--version"}, versionHelp = true, description = "print the version and exit")
  boolean version;

  /** The run's HADOLINT_* variables, read once at the start of {@link #call}. */
  private HadolintEnvironment hadolintEnv = HadolintEnvironment.NONE;
  @Option(names = "--shellcheck", paramLabel = "PATH",
      description = "run this shellcheck executable on the RUN scripts (default: shellcheck on the PATH, when there is one)")
  Path shellcheck;

  @Option(names = "--no-shellcheck", description = "do not run ShellCheck, even when it is installed")
  boolean noShellcheck;

  @Option(names = "--fix", description = "apply the safe fixes in place (stdin: print the fixed file on stdout, "
      + "the report on stderr), then report what remains")
  boolean fix;

  @Option(names = "--unsafe-fixes", description = "with --fix or --diff, apply the unsafe fixes too (they may change "
      + "behaviour: shell form to exec form, npm install to npm ci)")
  boolean unsafeFixes;

  @Option(names = "--pin-image", paramLabel = "IMAGE=TAG", split = ",",
      description = "the tag to pin IMAGE to (as FROM writes it: node=20.15-alpine), so that --fix repairs "
          + "image-latest and image-untagged; repeatable")
  List<String> pinImages = new ArrayList<>();

  @Option(names = "--diff", description = "print a unified diff of what --fix would change and change nothing; "
      + "exit 1 when there is a diff")
  boolean diff;

  private final List<Rule> rules;
  private final List<dev.dockerlint.compose.rules.ComposeRule> composeRules;

  /**
   * When a baseline is read or written, where its paths start (empty: as typed, a v1 baseline);
   * null when no baseline keys are needed. Set before the files are linted.
   */
  private Optional<Path> keysRoot;

  LintCommand(Main.Environment env) {
    this(env, BuiltinRules.all());
  }

  /** With other rules than the built-ins (tests use a rule that fails on purpose). */
  LintCommand(Main.Environment env, List<Rule> rules) {
    this.env = env;
    this.rules = List.copyOf(rules);
    this.composeRules = BuiltinRules.compose();
  }

  /** Environment variable: seconds one ShellCheck process may take (plus one per 16 KB of scripts). */
  static final String SHELLCHECK_TIMEOUT = "DOCKERLINT_SHELLCHECK_TIMEOUT";

  /** The run's rule packs, or null while none is named (then no policy class is loaded). */
  private CustomRules customRules;
  /** The rules of the packs given with --rules. */
  private List<Rule> commandLineRules = List.of();

  @Override
  public Integer call() {
    if (!rulePacks.isEmpty()) {
      customRules = new CustomRules(rules);
      List<Rule> loaded = new ArrayList<>();
      for (Path pack : rulePacks) {
        loaded.addAll(customRules.load(env.workingDir().resolve(pack), pack.toString().replace('\\', '/')));
      }
      if (printPackProblems()) {
        return Main.ERROR;
      }
      commandLineRules = loaded;
    }
    RuleCatalog catalog = new RuleCatalog(concatRules(rules, commandLineRules), composeRules, List.of(ShellCheck.CODES));
    hadolintEnv = HadolintEnvironment.of(env.env());
    for (String warning : hadolintEnv.warnings()) {
      env.err().println("dockerlint: warning: " + warning);
    }
    if (isolated && config != null) {
      return usage("--isolated and --config cannot be used together; --isolated already ignores every config file");
    }
    ConfigResolver configs;
    Config cfg; // the run's: format and failure threshold come from the working directory's config
    try {
      configs = configResolver(catalog);
      cfg = configs.forDirectory(env.workingDir());
    } catch (ConfigException e) {
      env.err().println("dockerlint: " + e.getMessage());
      return Main.ERROR;
    }
    printWarnings(configs);
    List<OutputSpec> reports = reportsToWrite(cfg);
    for (OutputSpec spec : reports) {
      if (!Reporters.FORMATS.contains(spec.format)) {
        return usage("unknown format '" + Messages.cut(spec.format) + "'; expected one of " + String.join(", ", Reporters.FORMATS));
      }
    }
    String threshold = null;
    if (failureThreshold != null) {
      // hadolint's spelling of never failing, in dockerlint's meaning on dockerlint's command line
      threshold = failureThreshold.toLowerCase(Locale.ROOT).equals("ignore") ? "none" : failureThreshold.toLowerCase(Locale.ROOT);
      if (!THRESHOLDS.contains(threshold)) {
        return usage("unknown failure threshold '" + Messages.cut(failureThreshold) + "'; expected one of "
            + String.join(", ", THRESHOLDS));
      }
    }
    if (kind != null && !kind.equals("compose") && !kind.equals("dockerfile")) {
      return usage("unknown --kind '" + Messages.cut(kind) + "'; expected compose or dockerfile");
    }
    for (String pin : pinImages) {
      int eq = pin.lastIndexOf('=');
      String tag = eq < 0 ? "" : pin.substring(eq + 1);
      if (eq <= 0 || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
        return usage("invalid --pin-image '" + Messages.cut(pin) + "'; expected IMAGE=TAG such as node=20.15-alpine");
      }
    }
    for (String item : requireLabels) {
      if (HadolintValues.labelFormat(item) == null) {
        return usage("invalid --require-label '" + Messages.cut(item) + "'; expected NAME:FORMAT with a format of "
            + String.join(", ", HadolintValues.LABEL_FORMATS));
      }
    }
    List<String> formats = new ArrayList<>();
    for (OutputSpec spec : reports) {
      formats.add(spec.format);
    }
    FailureGate gate = FailureGate.of(threshold, noFail, hadolintEnv, cfg, configs.display(cfg), formats);
    if (baseline != null && writeBaseline != null) {
      return usage("--baseline and --write-baseline cannot be used together");
    }
    Baseline known = null;
    if (baseline != null) {
      try {
        known = Baseline.read(env.workingDir().resolve(baseline));
      } catch (Baseline.TooLarge e) {
        return usage(Messages.cut(baseline) + ": cannot read baseline (larger than 64 MiB); regenerate it with --write-baseline");
      } catch (java.nio.file.NoSuchFileException e) {
        return usage(Messages.cut(baseline) + ": cannot read baseline (no such file); create it with --write-baseline "
            + Messages.cut(baseline));
      } catch (IOException e) {
        return usage(Messages.cut(baseline) + ": cannot read baseline (" + describe(e) + ")");
      }
    }
    // where baseline entries' paths start: the baseline read decides (v1: as typed), else the one written
    Path baselineRoot = known != null ? known.root() : writeBaseline != null
        ? Baseline.root(env.workingDir().resolve(writeBaseline)) : null;

    long timeout = ShellCheck.DEFAULT_TIMEOUT_SECONDS;
    String timeoutText = env.env().get(SHELLCHECK_TIMEOUT);
    if (timeoutText != null && !timeoutText.isEmpty()) {
      try {
        timeout = Long.parseLong(timeoutText.strip());
      } catch (NumberFormatException e) {
        timeout = -1;
      }
      if (timeout < 1) {
        return usage(SHELLCHECK_TIMEOUT + " must be a whole number of seconds of at least 1, not '" + timeoutText + "'");
      }
    }
    Analyzer shellcheckAnalyzer;
    try {
      shellcheckAnalyzer = shellcheckAnalyzer(configs, timeout);
    } catch (ConfigException e) {
      env.err().println("dockerlint: " + e.getMessage());
      return Main.ERROR;
    }
    printWarnings(configs);
    List<String> arguments = paths.isEmpty() ? List.of("Dockerfile") : paths;
    List<FileResult> results = new ArrayList<>();
    List<String> baselineKeys = new ArrayList<>();
    boolean ioError = false;
    Inputs.Expansion expansion = Inputs.expand(arguments, env.workingDir(), kind);
    List<Inputs.Input> inputs = new ArrayList<>();
    List<Inputs.Input> composeInputs = new ArrayList<>();
    for (Inputs.Input input : expansion.inputs()) {
      (input.compose() ? composeInputs : inputs).add(input);
    }
    for (String link : expansion.skippedLinks()) {
      env.err().println("dockerlint: " + Messages.cut(link) + ": warning: symbolic link not followed in a directory scan; "
          + "name it on the command line to lint it");
    }
    ChangedLines changed = null;
    if (changedSince != null) {
      try {
        // after the expansion: each file's own repository is asked
        changed = ChangedLines.since(changedSince, expansion.inputs(), env.workingDir());
      } catch (ChangedLines.GitException e) {
        return usage(e.getMessage());
      }
    }
    FileConfigs perFile = fileConfigs(inputs, configs, catalog, shellcheckAnalyzer);
    if (perFile == null) {
      return Main.ERROR; // an invalid rule pack: every problem is said, and nothing is linted
    }
    if (customRules != null) {
      catalog = new RuleCatalog(concatRules(rules, customRules.all()), composeRules, List.of(ShellCheck.CODES));
    }
    String badName = checkRuleNames(catalog);
    if (badName != null) {
      return usage("unknown rule '" + Messages.cut(badName) + "'; run 'dockerlint rules' for the list of ids");
    }
    if (verbose || (hadolintEnv.verbose() != null ? hadolintEnv.verbose() : Boolean.TRUE.equals(cfg.switches().verbose()))) {
      printConfigsUsed(inputs, perFile, gate);
    }
    keysRoot = known != null || writeBaseline != null ? Optional.ofNullable(baselineRoot) : null;
    Fixing fixing = null;
    if (fix || diff) {
      fixing = fixAll(inputs, perFile);
      if (diff) {
        return fixing.exitCode();
      }
    }
    overrides = fixing == null ? null : fixing.texts;
    List<Linted> linteds;
    try (Progress progress = progress(inputs.size())) {
      linteds = lintAll(inputs, perFile, shellcheckAnalyzer != null, progress);
    }
    Set<String> composeConfigs = new TreeSet<>();
    if (!composeInputs.isEmpty()) {
      // only now: a run of Dockerfiles loads nothing of the compose model, nor SnakeYAML
      linteds = new ArrayList<>(linteds);
      ComposeRun.Outcome compose = composeRun(configs, catalog, shellcheckAnalyzer, composeConfigs)
          .run(composeInputs, inputs, linteds);
      inputs.addAll(compose.inputs());
      linteds.addAll(compose.linteds());
    }
    printAnalyzerWarnings(linteds);
    Set<Path> oversizedIgnoreFiles = new java.util.TreeSet<>();
    for (int n = 0; n < inputs.size(); n++) {
      Inputs.Input input = inputs.get(n);
      Linted linted = linteds.get(n);
      if (linted.warning() != null) {
        env.err().println("dockerlint: " + Messages.cut(linted.result().path()) + ": warning: " + linted.warning());
      }
      for (String warning : linted.pragmaWarnings()) {
        env.err().println("dockerlint: warning: " + warning); // the path config warnings take
      }
      FileResult result = linted.result();
      if (result.error() != null) {
        ioError = true;
        if (result.error().startsWith(result.path() + ":")) {
          for (String line : result.error().split("\n")) {
            env.err().println("dockerlint: " + line); // file:line:col: message, a compose file's problems
          }
        } else {
          env.err().println("dockerlint: " + Messages.cut(result.path()) + ": " + result.error());
        }
        results.add(result);
        continue;
      }
      warnIfIgnoreFileTooLarge(input, oversizedIgnoreFiles);
      List<String> keys = linted.keys();
      // a fixed file's findings keep the keys of the instructions they are on in the original text
      Fixer.Outcome fixed = fixing != null && n < fixing.outcomes.length ? fixing.outcomes[n] : null;
      if (fixed != null && keys != null) {
        keys = Baseline.keys(fixed.before().file(), fixing.mapped(n, result.findings()),
            Baseline.name(keysRoot.orElse(null), onDisk(input), result.path()));
      }
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
      } catch (OutputFile.Unwritable e) {
        env.err().println("dockerlint: " + Messages.cut(writeBaseline) + ": cannot write baseline (" + e.getMessage()
            + "); name a file");
        return Main.ERROR;
      } catch (IOException e) {
        env.err().println("dockerlint: " + Messages.cut(writeBaseline) + ": cannot write baseline (" + describe(e) + ")");
        return Main.ERROR;
      }
      env.err().println("dockerlint: recorded " + baselineKeys.size() + " finding" + (baselineKeys.size() == 1 ? "" : "s")
          + " in " + Messages.cut(writeBaseline));
      return ioError ? Main.ERROR : Main.OK;
    }
    java.util.function.Function<String, Optional<String>> docs = RULE_DOCS;
    if (customRules != null) {
      // a custom rule's page comes from its pack: summary, description, examples, help address
      RuleCatalog every = catalog;
      docs = new java.util.function.Function<>() {
        @Override
        public Optional<String> apply(String id) {
          Optional<Rule> rule = every.byId(id);
          Optional<String> page = rule.isPresent() ? CustomRules.page(rule.get()) : Optional.empty();
          return page.isPresent() ? page : RuleDocs.page(id);
        }
      };
    }
    Report report = new Report("dockerlint", Main.version(), INFO_URI, results, reportedRules(catalog, results), docs,
        configsUsed(results, perFile, configs, cfg, gate, composeConfigs));
    for (OutputSpec spec : reports) {
      // TERM=dumb: a terminal that says it shows no escape sequences
      boolean color = spec.output == null && env.terminal() && !noColor && !Boolean.TRUE.equals(cfg.switches().noColor())
          && env.env().getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.env().get("TERM"));
      Reporter reporter = Reporters.forFormat(spec.format, color).orElseThrow();
      // file errors already went to stderr; the text report on the console need not repeat them
      Report shown = (spec.format.equals("text") || spec.format.equals("tty")) && spec.output == null
          ? withoutErrors(report) : report;
      if (shown.files().isEmpty()) {
        continue; // nothing could be linted: "No problems found in 0 files" would read as a clean run
      }
      if (!write(reporter, shown, spec.output)) {
        return Main.ERROR;
      }
    }
    if (fixing != null) {
      fixing.printSummary(report.findings().size());
    }
    // a rule that failed is a bug in dockerlint: its internal-error finding is in the report, and
    // the run must not look clean or merely "failing"
    boolean internalError = false;
    for (FileResult file : results) {
      if (isOutOfMemory(file)) {
        internalError = true;
        env.err().println("dockerlint: " + Messages.cut(file.path()) + ": out of memory; not linted (reported as '"
            + Linter.INTERNAL_ERROR + "'); the other files were linted");
      } else if (hasInternalError(file)) {
        internalError = true;
        env.err().println("dockerlint: " + file.path() + ": internal error in a rule (reported as '"
            + Linter.INTERNAL_ERROR + "'); please report it at " + INFO_URI + "/issues with the Dockerfile");
      }
    }
    if (ioError || internalError) {
      return Main.ERROR;
    }
    boolean failing = gate.failAt() != null && anyAtLeast(report.findings(), gate.failAt());
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

  /**
   * The reports to write: the command line's pairs, else one on stdout per {@code HADOLINT_FORMAT}
   * format, else the config's format on stdout. A pair without a format takes the first of
   * {@code HADOLINT_FORMAT}, else the config's.
   */
  private List<OutputSpec> reportsToWrite(Config cfg) {
    List<String> envFormats = hadolintEnv.formats();
    String fallback = !envFormats.isEmpty() ? envFormats.get(0) : cfg.formatValue().orElse("text");
    List<OutputSpec> specs = new ArrayList<>();
    for (OutputSpec given : outputs) {
      OutputSpec spec = new OutputSpec();
      spec.format = (given.format != null ? given.format : fallback).toLowerCase(Locale.ROOT);
      spec.output = given.output;
      specs.add(spec);
    }
    if (specs.isEmpty()) {
      for (String format : envFormats.isEmpty() ? List.of(fallback) : envFormats) {
        OutputSpec spec = new OutputSpec();
        spec.format = format.toLowerCase(Locale.ROOT);
        specs.add(spec);
      }
    }
    return specs;
  }

  /**
   * The command line's and the {@code HADOLINT_*} variables' rule names, checked: a name no rule
   * stands for is a usage error on the command line, except one of hadolint's codes for a check
   * dockerlint does not have given to {@code --ignore} or a severity option, which is a warning (a
   * command written for hadolint keeps working); in the variables, any such name is a warning,
   * as hadolint accepts any code. ShellCheck's codes are accepted: ShellCheck's findings carry them.
   *
   * @return the first name that makes a usage error, or null
   */
  private String checkRuleNames(RuleCatalog catalog) {
    for (String name : enable) {
      if (!isKnown(catalog, name)) {
        return name;
      }
    }
    String[] options = {"--ignore", "--error", "--warning", "--info", "--style"};
    List<List<String>> given = List.of(ignore, asError, asWarning, asInfo, asStyle);
    for (int i = 0; i < options.length; i++) {
      for (String name : given.get(i)) {
        if (isKnown(catalog, name)) {
          continue;
        }
        if (!HadolintCodes.isHadolintCode(name)) {
          return name;
        }
        env.err().println("dockerlint: warning: " + options[i] + ": " + HadolintCodes.noEffect(name,
            i == 0 ? "ignoring it" : "its severity"));
      }
    }
    warnUnknown(catalog, "HADOLINT_IGNORE", hadolintEnv.ignore(), "ignoring it");
    for (Map.Entry<Severity, List<String>> level : hadolintEnv.overrides().entrySet()) {
      warnUnknown(catalog, "HADOLINT_OVERRIDE_" + level.getKey().name(), level.getValue(), "its severity");
    }
    return null;
  }

  private void warnUnknown(RuleCatalog catalog, String variable, List<String> names, String effect) {
    for (String name : names) {
      if (!isKnown(catalog, name)) {
        env.err().println("dockerlint: warning: " + variable + ": " + HadolintCodes.noEffect(name, effect));
      }
    }
  }

  private static boolean isKnown(RuleCatalog catalog, String name) {
    return !catalog.resolveAny(name).isEmpty() || HadolintCodes.isShellCheckCode(name);
  }

  /** {@code --verbose}: which config each file used, and what fails the run. */
  private void printConfigsUsed(List<Inputs.Input> inputs, FileConfigs perFile, FailureGate gate) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    int defaults = 0;
    for (int i = 0; i < inputs.size(); i++) {
      if (perFile.linters[i] == null) {
        continue; // not linted: its own error says why
      }
      if (perFile.shown[i] == null) {
        defaults++;
      } else {
        Integer before = counts.get(perFile.shown[i]);
        counts.put(perFile.shown[i], before == null ? 1 : before + 1);
      }
    }
    for (Map.Entry<String, Integer> used : counts.entrySet()) {
      env.err().println("dockerlint: config " + Messages.cut(used.getKey()) + " for " + files(used.getValue()));
    }
    if (defaults > 0) {
      env.err().println("dockerlint: no config file for " + files(defaults) + "; the built-in defaults apply");
    }
    env.err().println("dockerlint: " + gate.describe());
  }

  private static String files(int count) {
    return count + (count == 1 ? " file" : " files");
  }

  /**
   * @param keys the findings' baseline keys, in order, when a baseline is read or written; else null.
   *     Made as each file is finished, so its syntax tree need not outlive it
   * @param warning about reading the file (lenient decoding), or null
   * @param pragmaWarnings the linter's warnings about the file's pragmas, each with its file and line
   * @param analyzerWarnings why part of the file went unchecked by an analyzer (ShellCheck)
   */
  record Linted(FileResult result, List<String> keys, String warning, List<String> pragmaWarnings,
      List<String> analyzerWarnings) {
    Linted(FileResult result, List<String> keys, String warning) {
      this(result, keys, warning, List.of(), List.of());
    }
  }

  /**
   * How much source the files started and not yet finished may hold together, when an analyzer
   * runs: their syntax trees stay in memory until ShellCheck is done with the batch.
   */
  static final long STARTED_BATCH_BYTES = 1L << 20;

  /** The progress line for a run of this many files, or null where none is shown (Progress). */
  private Progress progress(int files) {
    // the constant and the flag first: a short or piped run does not load the class
    if (files <= Progress.MIN_FILES || !env.terminal()) {
      return null;
    }
    if (!Progress.wanted(files, env.terminal(), env.env()) || !(env.err() instanceof EscapingPrintStream escaping)) {
      return null;
    }
    return Progress.start(escaping.raw(), escaping, files, System::nanoTime);
  }

  /**
   * Lints files in parallel on all cores, each result in its input's slot, so output does not
   * depend on scheduling. A file whose lint runs out of memory is linted again alone afterwards.
   * With an analyzer, the files of a batch (up to {@link #STARTED_BATCH_BYTES} of source, at least
   * one file) are all started (rules run, analyzer fed) before any is finished, so ShellCheck can
   * check the scripts of many files in one process while the syntax trees kept for it stay bounded.
   */
  private List<Linted> lintAll(List<Inputs.Input> inputs, FileConfigs perFile, boolean analyzing, Progress progress) {
    Linted[] results = new Linted[inputs.size()];
    int threads = Runtime.getRuntime().availableProcessors();
    if (!analyzing) {
      IndexedTasks.run(inputs.size(), threads, "dockerlint-lint",
          new java.util.function.IntConsumer() {
            @Override
            public void accept(int i) {
              results[i] = lintOne(inputs.get(i), perFile.linters[i], perFile.errors[i], null, i);
              if (progress != null) {
                progress.fileDone();
              }
            }
          });
      retryOutOfMemory(inputs, perFile, results);
      return List.of(results);
    }
    Started[] started = new Started[inputs.size()];
    int from = 0;
    while (from < inputs.size()) {
      int first = from;
      long bytes = sizeOf(inputs.get(from));
      int to = from + 1;
      while (to < inputs.size() && bytes + sizeOf(inputs.get(to)) <= STARTED_BATCH_BYTES) {
        bytes += sizeOf(inputs.get(to));
        to++;
      }
      IndexedTasks.run(to - first, threads, "dockerlint-lint",
          new java.util.function.IntConsumer() {
            @Override
            public void accept(int k) {
              int i = first + k;
              results[i] = lintOne(inputs.get(i), perFile.linters[i], perFile.errors[i], started, i);
            }
          });
      IndexedTasks.run(to - first, threads, "dockerlint-finish",
          new java.util.function.IntConsumer() {
            @Override
            public void accept(int k) {
              int i = first + k;
              if (started[i] != null) {
                Started one = started[i];
                started[i] = null;
                results[i] = finish(one);
              }
              if (progress != null) {
                progress.fileDone();
              }
            }
          });
      from = to;
    }
    retryOutOfMemory(inputs, perFile, results);
    return List.of(results);
  }

  /**
   * What {@link #lintOne} and {@link #finish} give for a file whose lint ran out of memory: made
   * in advance, since nothing may be allocated then.
   */
  private static final Linted OUT_OF_MEMORY = new Linted(new FileResult("", null, List.of(), null), null, null);

  /**
   * Lints again, one at a time and with nothing else in progress, the files whose lint ran out of
   * memory: another file linted at the same time may have taken the heap. A file that runs out
   * again (or stdin, which cannot be read twice) gets an internal-error finding, and the run goes on.
   */
  private void retryOutOfMemory(List<Inputs.Input> inputs, FileConfigs perFile, Linted[] results) {
    for (int i = 0; i < results.length; i++) {
      if (results[i] != OUT_OF_MEMORY) {
        continue;
      }
      Inputs.Input input = inputs.get(i);
      results[i] = null; // nothing of the first attempt is kept
      Linted again = input.isStdin() ? OUT_OF_MEMORY : lintOne(input, perFile.linters[i], perFile.errors[i], null, i);
      results[i] = again == OUT_OF_MEMORY ? outOfMemory(shownPath(input)) : again;
    }
  }

  /** Message of the internal-error finding for a file too large for the heap. */
  static final String OUT_OF_MEMORY_MESSAGE = "Not linted: the file needs more memory than the heap of %d MiB allows; "
      + "split it, or run with a larger heap (DOCKERLINT_JAVA_OPTS=-Xmx1g)";

  /** How a file that was read appears in the reports. */
  private String shownPath(Inputs.Input input) {
    if (filePathInReport != null) {
      return filePathInReport;
    }
    return input.isStdin() && stdinFilename != null ? stdinFilename.toString().replace('\\', '/') : input.displayPath();
  }

  private Linted outOfMemory(String path) {
    String message = String.format(Locale.ROOT, OUT_OF_MEMORY_MESSAGE, Runtime.getRuntime().maxMemory() >> 20);
    Finding finding = new Finding(path, Linter.INTERNAL_ERROR, Severity.ERROR, message,
        new dev.dockerlint.source.SourceRange(1, 1, 1, 1), List.of());
    return new Linted(new FileResult(path, null, List.of(finding), null), null, null);
  }

  private static boolean isOutOfMemory(FileResult file) {
    for (Finding finding : file.findings()) {
      if (finding.rule().equals(Linter.INTERNAL_ERROR) && finding.message().startsWith("Not linted: the file needs more memory")) {
        return true;
      }
    }
    return false;
  }

  /** An input's size on disk, for batching; stdin and unreadable files count as one full batch. */
  private static long sizeOf(Inputs.Input input) {
    if (input.isStdin() || input.error() != null) {
      return input.isStdin() ? STARTED_BATCH_BYTES : 0;
    }
    try {
      return java.nio.file.Files.size(input.path());
    } catch (IOException | RuntimeException e) {
      return 0; // reading it will say what is wrong
    }
  }

  /** A file whose rules have run and whose analyzers may still be at work. */
  private record Started(Inputs.Input input, String shownPath, Dockerfile file, String warning, Linter.Started linting) {}

  /**
   * @param linter the linter with the file's config, or null when that config is invalid
   * @param configError why the config is invalid, when {@code linter} is null
   * @param started where to leave the file, started, for {@link #finish}; null to finish it at once
   */
  private Linted lintOne(Inputs.Input input, Linter linter, String configError, Started[] started, int slot) {
    try {
      return lintOneUnguarded(input, linter, configError, started, slot);
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(input.displayPath(), e);
    } catch (OutOfMemoryError e) {
      if (started != null) {
        started[slot] = null; // whatever the file had started
      }
      return OUT_OF_MEMORY;
    }
  }

  private Linted internalError(String path, Throwable e) {
    // the linter isolates rule and analyzer failures, so this is a parser bug: report it for this file only
    String reason = "internal error: " + e.getClass().getName() + " (please report this at " + INFO_URI
        + "/issues with the Dockerfile)";
    return new Linted(new FileResult(path, null, List.of(), reason), null, null);
  }

  private Linted lintOneUnguarded(Inputs.Input input, Linter linter, String configError, Started[] started, int slot) {
    String shownPath = input.isStdin() && stdinFilename != null ? stdinFilename.toString().replace('\\', '/') : input.displayPath();
    if (input.error() != null) {
      return new Linted(new FileResult(shownPath, null, List.of(), input.error()), null, null);
    }
    if (linter == null) {
      return new Linted(new FileResult(shownPath, null, List.of(), configError), null, null);
    }
    Inputs.Loaded loaded = overrides != null && overrides[slot] != null ? overrides[slot] : Inputs.read(input, env.in());
    if (loaded.error() != null) {
      return new Linted(new FileResult(shownPath, null, List.of(), loaded.error()), null, null);
    }
    if (filePathInReport != null) {
      shownPath = filePathInReport; // hadolint's --file-path-in-report: every linted file, in every report
    }
    Dockerfile file = DockerfileParser.parse(shownPath, loaded.text());
    Linter.Started linting = linter.start(file, input.isStdin() ? null : input.path());
    Started here = new Started(input, shownPath, file, loaded.warning(), linting);
    if (started != null) {
      started[slot] = here;
      return null;
    }
    return finish(here);
  }

  private Linted finish(Started started) {
    try {
      Linter.Result result = started.linting().finish();
      // reports show source only through this masked copy, so secrets never reach the output; and
      // only for a Dockerfile: a file without FROM may be anything named on the command line
      // (.git/config), and its findings are shown without its lines
      SourceText shown = started.file().instructions(From.class).isEmpty() ? null
          : started.file().source().masked(result.redactions());
      // baseline keys hash each instruction (SHA-256): only when a baseline is read or written
      List<String> keys = keysRoot == null ? null : Baseline.keys(started.file(), result.findings(),
          Baseline.name(keysRoot.orElse(null), onDisk(started.input()), started.shownPath()));
      return new Linted(new FileResult(started.shownPath(), shown, result.findings(), null), keys,
          started.warning(), result.warnings(), result.analyzerWarnings());
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(started.shownPath(), e);
    } catch (OutOfMemoryError e) {
      return OUT_OF_MEMORY;
    }
  }

  /**
   * The analyzers' warnings, each distinct one once, naming the first file it concerned and how
   * many more: a ShellCheck that fails fails the same way for every file.
   */
  private void printAnalyzerWarnings(List<Linted> linteds) {
    Map<String, List<String>> filesByWarning = new java.util.LinkedHashMap<>();
    for (Linted linted : linteds) {
      for (String warning : linted.analyzerWarnings()) {
        List<String> files = filesByWarning.get(warning);
        if (files == null) {
          files = new ArrayList<>();
          filesByWarning.put(warning, files);
        }
        files.add(linted.result().path());
      }
    }
    for (Map.Entry<String, List<String>> entry : filesByWarning.entrySet()) {
      List<String> files = entry.getValue();
      String more = files.size() == 1 ? "" : " (and " + (files.size() - 1) + " more file" + (files.size() == 2 ? "" : "s") + ")";
      env.err().println("dockerlint: " + files.get(0) + more + ": warning: " + entry.getKey());
    }
  }

  /**
   * The ShellCheck analyzer of the run, or null: off with {@code --no-shellcheck}; else the
   * executable {@code --shellcheck} names, else the one a trusted config ({@code -c}, the user
   * config) names, else {@code shellcheck} on the PATH. A named executable that is not one is a
   * warning, and the run goes on without ShellCheck.
   */
  private Analyzer shellcheckAnalyzer(ConfigResolver configs, long timeout) throws ConfigException {
    if (noShellcheck) {
      return null;
    }
    Path executable = null;
    String named = null;
    if (shellcheck != null) {
      executable = env.workingDir().resolve(shellcheck).toAbsolutePath().normalize();
      named = "--shellcheck '" + shellcheck + "'";
    } else {
      Optional<Config> trusted = configs.trusted();
      if (trusted.isPresent() && trusted.get().shellcheckExecutable().isPresent()) {
        executable = trusted.get().shellcheckExecutable().get();
        named = "'shellcheck: " + executable + "' in " + configs.display(trusted.get());
      }
    }
    if (executable == null) {
      executable = ShellCheck.onPath(env.env().get("PATH")).orElse(null);
      return executable == null ? null : ShellCheck.analyzer(executable, timeout, env.env());
    }
    if (!ShellCheck.isExecutable(executable)) {
      env.err().println("dockerlint: warning: " + named + " is not an executable file; linting without ShellCheck");
      return null;
    }
    return ShellCheck.analyzer(executable, timeout, env.env());
  }

  /** The catalog's rules, and the ShellCheck codes the findings use, each once, by code. */
  private static List<RuleInfo> reportedRules(RuleCatalog catalog, List<FileResult> results) {
    Map<String, RuleInfo> codes = new java.util.TreeMap<>();
    for (FileResult file : results) {
      for (Finding finding : file.findings()) {
        Optional<RuleFamily> family = catalog.family(finding.rule());
        if (family.isPresent() && !codes.containsKey(finding.rule())) {
          codes.put(finding.rule(), family.get().info(finding.rule(), finding.severity()));
        }
      }
    }
    if (codes.isEmpty()) {
      return catalog.infos();
    }
    List<RuleInfo> infos = new ArrayList<>(catalog.infos());
    infos.addAll(codes.values());
    return infos;
  }

  /**
   * The compose part of the run: each compose file's config found as a Dockerfile's is, and the
   * Dockerfiles the services build linted with the build's context.
   */
  private ComposeRun composeRun(ConfigResolver configs, RuleCatalog catalog, Analyzer shellcheck,
      Set<String> configsUsed) {
    Map<Config, Linter> byConfig = new IdentityHashMap<>();
    Map<Path, String> errors = new HashMap<>();
    Set<String> reported = new HashSet<>();
    ComposeRun.Linters linters = new ComposeRun.Linters() {
      @Override
      public List<String> baselineKeys(Inputs.Input input, String shown, Dockerfile file,
          dev.dockerlint.source.SourceText lines, List<Finding> findings) {
        if (keysRoot == null) {
          return null;
        }
        String name = Baseline.name(keysRoot.orElse(null), onDisk(input), shown);
        return file != null ? Baseline.keys(file, findings, name) : Baseline.lineKeys(lines, findings, name);
      }

      @Override
      public Linter forDirectory(Path dir, Path context) {
        Config cfg;
        try {
          cfg = configs.forDirectory(dir);
        } catch (ConfigException e) {
          if (reported.add(e.getMessage())) {
            env.err().println("dockerlint: " + e.getMessage());
          }
          errors.put(dir, "not linted: config file '" + e.file().orElse("?") + "' is invalid; fix it, or name "
              + "another with --config");
          return null;
        } finally {
          printWarnings(configs);
        }
        String shown = configs.display(cfg);
        if (shown != null) {
          configsUsed.add(shown);
        }
        List<Analyzer> analyzers = shellcheck == null || cfg.shellcheckOff() ? List.of() : List.of(shellcheck);
        if (context != null) {
          LintSettings base = settings(cfg, catalog);
          return new Linter(catalog.rules(), new LintSettings(base.ignored(), base.enabled(), base.severities(),
              base.trustedRegistries(), base.labelSchema(), context, base.strictLabels(), base.disableIgnorePragma()),
              analyzers);
        }
        Linter linter = byConfig.get(cfg);
        if (linter == null) {
          linter = new Linter(catalog.rules(), settings(cfg, catalog), analyzers);
          byConfig.put(cfg, linter);
        }
        return linter;
      }

      @Override
      public String configError(Path dir) {
        return errors.get(dir);
      }
    };
    boolean pragmas = !(disableIgnorePragma || (hadolintEnv.disableIgnorePragma() != null
        ? hadolintEnv.disableIgnorePragma() : false));
    return new ComposeRun(env.workingDir(), env.in(), stdinFilename == null ? null
        : stdinFilename.toString().replace('\\', '/'), catalog.rulesOf(dev.dockerlint.compose.rules.ComposeRule.class),
        linters, pragmas);
  }

  /** {@code --isolated}: no config; {@code -c FILE}: that one, read now; else each directory's nearest. */
  private ConfigResolver configResolver(RuleCatalog catalog) throws ConfigException {
    if (isolated) {
      return ConfigResolver.isolated();
    }
    ConfigLoader loader = new ConfigLoader(catalog.knownNames(), catalog.families());
    ConfigLookup lookup = ConfigLookup.of(env.workingDir(), env.env());
    if (config != null) {
      Path file = env.workingDir().resolve(config);
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(config + ": config file not found");
      }
      return ConfigResolver.explicit(loader, lookup, file);
    }
    return ConfigResolver.discovering(loader, lookup);
  }

  private void printWarnings(ConfigResolver configs) {
    for (String warning : configs.takeWarnings()) {
      env.err().println("dockerlint: warning: " + warning);
    }
  }

  /**
   * Per input, in its slot: the linter with the settings of the input's config, or, when that
   * config is invalid, null and why. An invalid config is reported once, its files each get the reason.
   */
  private static final class FileConfigs {
    final Linter[] linters;
    final String[] errors;
    /** The config file each input used, as reports name it; null for the defaults. */
    final String[] shown;

    FileConfigs(int size) {
      linters = new Linter[size];
      errors = new String[size];
      shown = new String[size];
    }
  }

  /** @param shellcheck the run's ShellCheck, for the files whose config does not turn it off; or null */
  private FileConfigs fileConfigs(List<Inputs.Input> inputs, ConfigResolver configs, RuleCatalog catalog,
      Analyzer shellcheck) {
    FileConfigs result = new FileConfigs(inputs.size());
    // one linter per config (keyed by identity: a record's hashCode costs start-up time)
    Map<Config, Linter> linters = new IdentityHashMap<>();
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      Inputs.Input input = inputs.get(i);
      if (input.error() != null) {
        continue; // not linted at all; lintOne reports why
      }
      Config cfg;
      try {
        cfg = configs.forDirectory(directoryOf(input));
      } catch (ConfigException e) {
        if (reported.add(e.getMessage())) {
          env.err().println("dockerlint: " + e.getMessage());
        }
        result.errors[i] = "not linted: config file '" + e.file().orElse("?") + "' is invalid; fix it, or name "
            + "another with --config";
        continue;
      } finally {
        printWarnings(configs);
      }
      Linter linter = linters.get(cfg);
      if (linter == null) {
        List<Analyzer> analyzers = shellcheck == null || cfg.shellcheckOff() ? List.of() : List.of(shellcheck);
        RuleCatalog own = catalog;
        if (!cfg.customRules().isEmpty()) {
          own = withConfigPacks(configs, cfg, catalog);
          if (own == null) {
            linters.put(cfg, INVALID);
            continue;
          }
        }
        linter = new Linter(own.rules(), settings(cfg, own), analyzers);
        linters.put(cfg, linter);
      }
      if (linter == INVALID) {
        continue;
      }
      result.linters[i] = linter;
      result.shown[i] = configs.display(cfg);
    }
    return printPackProblems() ? null : result;
  }

  /** Stands for a config whose rule packs are invalid, in the map of linters by config. */
  private static final Linter INVALID = new Linter(List.of(), LintSettings.DEFAULTS);

  /**
   * The catalog with a config's rule packs ({@code custom-rules:}) added, its deferred rule names
   * checked against them; null when a pack or a name is invalid (the problems are kept to print).
   */
  private RuleCatalog withConfigPacks(ConfigResolver configs, Config cfg, RuleCatalog catalog) {
    if (customRules == null) {
      customRules = new CustomRules(rules);
    }
    int before = customRules.problems().size();
    List<Rule> own = new ArrayList<>(catalog.rules());
    for (Rule rule : customRules.forConfig(configs, cfg)) {
      if (!own.contains(rule)) {
        own.add(rule); // a pack also given with --rules is there already
      }
    }
    if (customRules.problems().size() > before) {
      return null;
    }
    RuleCatalog result = new RuleCatalog(own, composeRules, catalog.families());
    boolean ok = true;
    for (Config.Entry name : cfg.deferredRules()) {
      if (result.resolve(name.value()).isEmpty() && result.family(name.value()).isEmpty()) {
        customRules.problems().add(name.where() + ": unknown rule '" + Messages.cut(name.value())
            + "'; run 'dockerlint rules' for the list of ids");
        ok = false;
      }
    }
    return ok ? result : null;
  }

  /** Prints every rule pack problem found so far; true when there was one. */
  private boolean printPackProblems() {
    if (customRules == null || customRules.problems().isEmpty()) {
      return false;
    }
    for (String problem : customRules.problems()) {
      env.err().println("dockerlint: " + problem);
    }
    customRules.problems().clear();
    return true;
  }

  private static List<Rule> concatRules(List<Rule> a, List<Rule> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<Rule> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Where an input's config is looked for: its directory; for stdin, --stdin-filename's, else the working directory. */
  private Path directoryOf(Inputs.Input input) {
    Path file = input.isStdin() ? (stdinFilename == null ? null : env.workingDir().resolve(stdinFilename)) : input.path();
    Path dir = file == null ? null : file.toAbsolutePath().normalize().getParent();
    return dir == null ? env.workingDir() : dir;
  }

  /**
   * The configs the run used, sorted: those of the files linted, and the working directory's when
   * it set the format or failure threshold in effect.
   */
  private List<String> configsUsed(List<FileResult> results, FileConfigs perFile, ConfigResolver configs, Config cfg,
      FailureGate gate, Set<String> composeConfigs) {
    Set<String> used = new TreeSet<>(composeConfigs);
    for (int i = 0; i < results.size() && i < perFile.shown.length; i++) {
      if (results.get(i).error() == null && perFile.shown[i] != null) {
        used.add(perFile.shown[i]);
      }
    }
    boolean formatFromConfig = outputs.isEmpty();
    for (OutputSpec given : outputs) {
      formatFromConfig |= given.format == null;
    }
    formatFromConfig &= hadolintEnv.formats().isEmpty();
    boolean setsRun = gate.fromConfig() || formatFromConfig && cfg.format() != null;
    String runConfig = configs.display(cfg);
    if (setsRun && runConfig != null) {
      used.add(runConfig);
    }
    return new ArrayList<>(used);
  }

  /**
   * A file's settings: its config's, then the {@code HADOLINT_*} variables', then the command
   * line's. Lists add up (ignored rules, trusted registries, the label schema); for a setting given
   * twice the later source wins (a rule's severity, a label's format, the switches); within one
   * source a rule listed under several severities gets the most severe, as in hadolint. A label
   * schema, strict labels and trusted registries switch on the rules that check them.
   */
  private LintSettings settings(Config cfg, RuleCatalog catalog) {
    Set<String> ignored = new LinkedHashSet<>(cfg.ignore());
    ignored.addAll(hadolintEnv.ignore());
    ignored.addAll(ignore);
    Set<String> enabled = new LinkedHashSet<>();
    for (String name : concat(cfg.enable(), enable)) {
      for (dev.dockerlint.lint.RuleBase rule : catalog.resolveAny(name)) {
        enabled.add(rule.info().id());
      }
    }
    Map<String, Severity> severities = new HashMap<>();
    Map<String, Severity> fromConfig = new HashMap<>();
    for (Map.Entry<String, Severity> entry : cfg.severity().entrySet()) {
      fromConfig.put(severityKey(entry.getKey(), catalog), entry.getValue());
    }
    overlay(severities, fromConfig, catalog);
    // least severe first, so that the most severe of one source wins
    Map<String, Severity> fromEnv = new HashMap<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      Severity severity = Severity.values()[i];
      for (String name : hadolintEnv.overrides().getOrDefault(severity, List.of())) {
        fromEnv.put(severityKey(name, catalog), severity);
      }
    }
    overlay(severities, fromEnv, catalog);
    Map<String, Severity> fromCommandLine = new HashMap<>();
    List<List<String>> cliLevels = List.of(asStyle, asInfo, asWarning, asError);
    for (int i = 0; i < cliLevels.size(); i++) {
      for (String name : cliLevels.get(i)) {
        fromCommandLine.put(severityKey(name, catalog), Severity.values()[Severity.values().length - 1 - i]);
      }
    }
    overlay(severities, fromCommandLine, catalog);
    List<String> registries = new ArrayList<>(cfg.trustedRegistries());
    registries.addAll(hadolintEnv.trustedRegistries());
    registries.addAll(trustedRegistries);
    Map<String, String> labelSchema = new HashMap<>(cfg.labelSchema());
    labelSchema.putAll(hadolintEnv.labelSchema());
    for (String item : requireLabels) {
      labelSchema.put(HadolintValues.labelName(item), HadolintValues.labelFormat(item));
    }
    boolean strict = strictLabels || (hadolintEnv.strictLabels() != null ? hadolintEnv.strictLabels()
        : Boolean.TRUE.equals(cfg.switches().strictLabels()));
    boolean noPragmas = disableIgnorePragma || (hadolintEnv.disableIgnorePragma() != null
        ? hadolintEnv.disableIgnorePragma() : Boolean.TRUE.equals(cfg.switches().disableIgnorePragma()));
    // configuring a check switches it on
    if (!labelSchema.isEmpty()) {
      enableFor(enabled, LABEL_SCHEMA_CODES, catalog);
    }
    if (strict) {
      enableFor(enabled, STRICT_LABELS_CODES, catalog);
    }
    if (!registries.isEmpty()) {
      enableFor(enabled, TRUSTED_REGISTRY_CODES, catalog);
    }
    Path contextDir = context == null ? null : env.workingDir().resolve(context).toAbsolutePath().normalize();
    Map<String, String> pins = new HashMap<>();
    for (String pin : pinImages) {
      int eq = pin.lastIndexOf('=');
      pins.put(pin.substring(0, eq), pin.substring(eq + 1));
    }
    return new LintSettings(ignored, enabled, severities, registries, labelSchema, contextDir, strict, noPragmas, pins);
  }

  private static void enableFor(Set<String> enabled, String[] codes, RuleCatalog catalog) {
    for (String code : codes) {
      for (Rule rule : catalog.resolve(code)) {
        enabled.add(rule.info().id());
      }
    }
  }

  /**
   * The key a severity is looked up by: a rule id for all the rule's findings, else the name
   * lower-cased, an alias for the findings it stands for (the linter tries those first) or a code
   * no rule has yet (ShellCheck's).
   */
  private static String severityKey(String name, RuleCatalog catalog) {
    Optional<dev.dockerlint.lint.RuleBase> byId = catalog.anyById(name.toLowerCase(Locale.ROOT));
    return byId.isPresent() ? byId.get().info().id() : name.toLowerCase(Locale.ROOT);
  }

  /**
   * One source's severities over the earlier sources': a rule id given here also replaces what the
   * earlier sources gave that rule's aliases, so the later source wins either way.
   */
  private static void overlay(Map<String, Severity> severities, Map<String, Severity> later, RuleCatalog catalog) {
    for (String key : later.keySet()) {
      Optional<dev.dockerlint.lint.RuleBase> byId = catalog.anyById(key);
      if (byId.isPresent()) {
        for (String alias : byId.get().info().aliases()) {
          severities.remove(alias.toLowerCase(Locale.ROOT));
        }
      }
    }
    severities.putAll(later);
  }

  /** The file an input was read from, or the path stdin stands for (null without {@code --stdin-filename}). */
  private Path onDisk(Inputs.Input input) {
    if (!input.isStdin()) {
      return input.path();
    }
    return stdinFilename == null ? null : env.workingDir().resolve(stdinFilename);
  }

  /**
   * Says once per file that a {@code .dockerignore} over 1 MiB was not read: the rules treat it as
   * unreadable, and without a word its checks would just be silent.
   */
  private void warnIfIgnoreFileTooLarge(Inputs.Input input, Set<Path> warned) {
    if (input.isStdin() && context == null) {
      return;
    }
    Path contextDir = context != null ? env.workingDir().resolve(context).toAbsolutePath().normalize()
        : input.path().toAbsolutePath().getParent();
    Optional<Path> ignoreFile = IgnoreFile.find(input.isStdin() ? null : input.path(), contextDir);
    if (ignoreFile.isPresent() && IgnoreFile.isTooLarge(ignoreFile.get()) && warned.add(ignoreFile.get())) {
      Path file = ignoreFile.get().toAbsolutePath().normalize();
      Path shown = file.startsWith(env.workingDir()) ? env.workingDir().relativize(file) : file;
      env.err().println("dockerlint: " + Messages.cut(shown.toString().replace('\\', '/')) + ": warning: larger than 1 MiB; "
          + "the .dockerignore checks treat it as unreadable");
    }
  }

  /** The texts the lint reads instead of the inputs: the fixed ones, after {@code --fix}; or null. */
  private Inputs.Loaded[] overrides;

  /** Where reports without --output go: stdout, or stderr when stdout carries the fixed stdin. */
  private java.io.PrintStream reportStream() {
    return fix && stdinFixed ? env.err() : env.out();
  }

  private boolean stdinFixed;

  /** What {@code --fix} or {@code --diff} did to each input. */
  private final class Fixing {
    final Inputs.Loaded[] texts;
    final Fixer.Outcome[] outcomes;
    int fixed;
    int dropped;
    boolean anyDiff;
    boolean error;

    Fixing(int size) {
      texts = new Inputs.Loaded[size];
      outcomes = new Fixer.Outcome[size];
    }

    int exitCode() {
      return error ? Main.ERROR : anyDiff ? Main.FINDINGS : Main.OK;
    }

    /** The findings of a fixed file with the lines of the original text, for the baseline's keys. */
    List<Finding> mapped(int slot, List<Finding> findings) {
      List<Finding> result = new ArrayList<>(findings.size());
      for (Finding finding : findings) {
        int line = outcomes[slot].originalLine(finding.line());
        result.add(new Finding(finding.file(), finding.rule(), finding.severity(), finding.message(),
            dev.dockerlint.source.SourceRange.of(line, 1, line, 1), finding.aliases()));
      }
      return result;
    }

    void printSummary(int remaining) {
      env.err().println("dockerlint: " + fixed + " fixed, " + remaining + " remaining"
          + (dropped == 0 ? "" : " (" + dropped + " fix" + (dropped == 1 ? "" : "es") + " dropped)"));
    }
  }

  /**
   * {@code --fix} and {@code --diff}: each input linted with its own settings and fixed in memory;
   * with {@code --fix} a changed file is written back atomically and stdin's fixed text printed
   * on stdout; with {@code --diff} the diffs are printed and nothing is written. A fix that broke
   * the file is reported on stderr. The lint that follows reads the fixed texts.
   */
  private Fixing fixAll(List<Inputs.Input> inputs, FileConfigs perFile) {
    Fixing fixing = new Fixing(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Inputs.Input input = inputs.get(i);
      Linter linter = perFile.linters[i];
      if (input.error() != null || linter == null) {
        continue; // the lint says why
      }
      Inputs.Loaded loaded = Inputs.read(input, env.in());
      fixing.texts[i] = loaded;
      if (input.isStdin()) {
        stdinFixed = fix;
      }
      if (loaded.error() != null) {
        continue;
      }
      String shownPath = input.isStdin() && stdinFilename != null ? stdinFilename.toString().replace('\\', '/')
          : filePathInReport != null ? filePathInReport : input.displayPath();
      if (loaded.warning() != null && !loaded.warning().startsWith("lone CR")) {
        env.err().println("dockerlint: " + Messages.cut(shownPath) + ": not fixed: " + loaded.warning());
        if (input.isStdin() && fix) {
          env.out().print(loaded.text());
        }
        continue;
      }
      Path location = input.isStdin() ? null : input.path();
      Fixer fixer = new Fixer(new Fixer.Checker() {
        @Override
        public Fixer.Checked check(String text) {
          Dockerfile parsed = DockerfileParser.parse(shownPath, text);
          return new Fixer.Checked(parsed, linter.check(parsed, location).findings());
        }
      }, unsafeFixes);
      Fixer.Outcome outcome;
      try {
        outcome = fixer.fix(loaded.text());
      } catch (RuntimeException | StackOverflowError e) {
        env.err().println("dockerlint: " + Messages.cut(shownPath) + ": not fixed: internal error " + e.getClass().getName()
            + " (please report this at " + INFO_URI + "/issues with the Dockerfile)");
        if (input.isStdin() && fix) {
          env.out().print(loaded.text());
        }
        continue;
      }
      fixing.outcomes[i] = outcome;
      for (Fixer.Dropped dropped : outcome.dropped()) {
        Finding f = dropped.finding();
        env.err().println("dockerlint: " + Messages.cut(shownPath) + ":" + f.line() + ":" + f.column() + ": warning: fix for '"
            + f.rule() + "' dropped: " + dropped.reason() + "; please report this with the Dockerfile");
      }
      fixing.dropped += outcome.dropped().size();
      if (diff) {
        if (outcome.changed()) {
          fixing.anyDiff = true;
          env.out().print(UnifiedDiff.of(shownPath, loaded.text(), outcome.text()));
        }
        continue;
      }
      fixing.fixed += outcome.fixed();
      if (input.isStdin()) {
        env.out().print(outcome.text());
        env.out().flush();
      } else if (outcome.changed()) {
        try {
          FixedFile.write(input.path(), encoded(input.path(), outcome.text()));
        } catch (IOException e) {
          env.err().println("dockerlint: " + Messages.cut(shownPath) + ": cannot write the fixed file (" + describe(e) + ")");
          fixing.error = true;
          fixing.fixed -= outcome.fixed();
          fixing.outcomes[i] = null;
          continue;
        }
      }
      fixing.texts[i] = new Inputs.Loaded(outcome.text(), null, loaded.warning());
    }
    env.out().flush();
    return fixing;
  }

  /** The fixed text as UTF-8, with the byte order mark the file had. */
  private static byte[] encoded(Path file, String text) throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] start;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(3);
    }
    byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (!java.util.Arrays.equals(start, bom)) {
      return body;
    }
    byte[] out = new byte[body.length + 3];
    System.arraycopy(bom, 0, out, 0, 3);
    System.arraycopy(body, 0, out, 3, body.length);
    return out;
  }

  private boolean write(Reporter reporter, Report report, Path output) {
    if (output == null) {
      try {
        Utf8Output stdout = new Utf8Output(reportStream());
        reporter.write(report, stdout);
        stdout.flush();
        return true;
      } catch (IOException e) {
        env.err().println("dockerlint: cannot write output: " + e.getMessage());
        return false;
      }
    }
    try {
      new OutputFile(env.workingDir().resolve(output).toAbsolutePath()).write(new OutputFile.Content() {
        @Override
        public void writeTo(java.io.OutputStream stream) throws IOException {
          Utf8Output file = new Utf8Output(stream);
          reporter.write(report, file);
          file.flush();
        }
      });
      return true;
    } catch (OutputFile.Unwritable e) {
      env.err().println("dockerlint: " + Messages.cut(output) + ": cannot write report (" + e.getMessage() + "); name a file");
      return false;
    } catch (IOException e) {
      env.err().println("dockerlint: " + Messages.cut(output) + ": cannot write report (" + describe(e) + ")");
      return false;
    }
  }

  /** Why a file could not be written (or read, for the errors reading and writing share). */
  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "directory does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return Messages.cut(e.getMessage());
  }

  private static Report withoutErrors(Report report) {
    List<FileResult> files = new ArrayList<>();
    for (FileResult file : report.files()) {
      if (file.error() == null) {
        files.add(file);
      }
    }
    return new Report(report.toolName(), report.toolVersion(), report.informationUri(), files, report.rules(), report.ruleDoc(),
        report.configs());
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
