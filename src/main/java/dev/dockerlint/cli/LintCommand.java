package dev.dockerlint.cli;

import dev.dockerlint.ast.Dockerfile;
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
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text (default), json or sarif")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of stdout")
  Path output;

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

  @Option(names = "--no-color", description = "never colour the output (NO_COLOR is honoured too)")
  boolean noColor;

  LintCommand(Main.Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    RuleCatalog catalog = new RuleCatalog(BuiltinRules.all());
    Config cfg;
    try {
      cfg = loadConfig(catalog);
    } catch (ConfigException e) {
      env.err().println("dockerlint: " + e.getMessage());
      return Main.ERROR;
    }
    String chosenFormat = (format != null ? format : cfg.formatValue().orElse("text")).toLowerCase(Locale.ROOT);
    if (!Reporters.FORMATS.contains(chosenFormat)) {
      return usage("unknown format '" + format + "'; expected one of " + String.join(", ", Reporters.FORMATS));
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
    Linter linter = new Linter(catalog.rules(), settings(cfg, catalog));

    List<String> arguments = paths.isEmpty() ? List.of("Dockerfile") : paths;
    List<FileResult> results = new ArrayList<>();
    boolean ioError = false;
    for (Inputs.Input input : Inputs.expand(arguments, env.workingDir())) {
      FileResult result = lintOne(input, linter);
      if (result.error() != null) {
        ioError = true;
        env.err().println("dockerlint: " + result.path() + ": " + result.error());
      }
      results.add(result);
    }
    Report report = new Report("dockerlint", Main.version(), INFO_URI, results, catalog.infos(), RuleDocs::page);
    boolean color = output == null && env.terminal() && !noColor && env.env().getOrDefault("NO_COLOR", "").isEmpty();
    Reporter reporter = Reporters.forFormat(chosenFormat, color).orElseThrow();
    // errors already went to stderr; the text report on a terminal need not repeat them
    Report shown = chosenFormat.equals("text") && output == null ? withoutErrors(report) : report;
    if (!write(reporter, shown)) {
      return Main.ERROR;
    }
    if (ioError) {
      return Main.ERROR;
    }
    Optional<Severity> failAt = Severity.parse(threshold);
    boolean failing = failAt.isPresent() && report.findings().stream().anyMatch(f -> f.severity().atLeast(failAt.get()));
    return failing ? Main.FINDINGS : Main.OK;
  }

  private FileResult lintOne(Inputs.Input input, Linter linter) {
    if (input.error() != null) {
      return new FileResult(input.displayPath(), null, List.of(), input.error());
    }
    Inputs.Loaded loaded = Inputs.read(input, env.in());
    if (loaded.error() != null) {
      return new FileResult(input.displayPath(), null, List.of(), loaded.error());
    }
    if (loaded.warning() != null) {
      env.err().println("dockerlint: " + input.displayPath() + ": warning: " + loaded.warning());
    }
    Dockerfile file = DockerfileParser.parse(input.displayPath(), loaded.text());
    List<Finding> findings = linter.lint(file);
    return new FileResult(input.displayPath(), file.source(), findings, null);
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
    Optional<Path> found = ConfigLoader.discover(env.workingDir());
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
    cfg.severity().forEach((name, level) -> {
      for (Rule rule : catalog.resolve(name)) {
        severities.put(rule.info().id(), level);
      }
    });
    return new LintSettings(ignored, enabled, severities, cfg.trustedRegistries());
  }

  private boolean write(Reporter reporter, Report report) {
    if (output == null) {
      try {
        Writer writer = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
        reporter.write(report, writer);
        writer.flush();
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
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        reporter.write(report, writer);
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
    List<FileResult> files = report.files().stream().filter(f -> f.error() == null).toList();
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
