package dev.dockerlint.cli;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.compose.ComposeException;
import dev.dockerlint.compose.ComposeLinter;
import dev.dockerlint.compose.ComposeLoader;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.rules.ComposeRule;
import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.Linter;
import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.report.FileResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The compose files of a run: grouped into projects as Compose reads them (a file with its
 * overrides), loaded, linted by the compose rules, and the Dockerfiles their services build linted
 * with each build's context, args and target. Loaded only when a run has a compose file, so a run
 * of Dockerfiles never loads SnakeYAML or the compose model.
 */
final class ComposeRun {
  /** The base file names of a directory, in the order Compose looks for them. */
  private static final List<String> BASE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml",
      "docker-compose.yml");

  /** How the run sees a linter: the one for a directory's config, with an optional build context. */
  interface Linters {
    /** The linter for a file in {@code dir}, with {@code context} as the build context (null: the default); null when its config is invalid. */
    Linter forDirectory(Path dir, Path context);

    /** Why the config for {@code dir} is invalid (it was said on stderr), or null. */
    String configError(Path dir);
  }

  private final Path workingDir;
  private final InputStream stdin;
  private final String stdinName;
  private final List<ComposeRule> rules;
  private final Linters linters;
  private final boolean pragmas;

  /**
   * @param stdinName the path stdin stands for ({@code --stdin-filename}), or null
   * @param pragmas false with {@code --disable-ignore-pragma}
   */
  ComposeRun(Path workingDir, InputStream stdin, String stdinName, List<ComposeRule> rules, Linters linters,
      boolean pragmas) {
    this.workingDir = workingDir;
    this.stdin = stdin;
    this.stdinName = stdinName;
    this.rules = rules;
    this.linters = linters;
    this.pragmas = pragmas;
  }

  /** The files reported, each with its outcome, in a fixed order. */
  record Outcome(List<Inputs.Input> inputs, List<LintCommand.Linted> linteds) {}

  /**
   * @param dockerfiles the run's Dockerfile inputs and their results: a Dockerfile a service builds
   *     that is among them gets the build's findings added to its own, each identical finding once
   */
  Outcome run(List<Inputs.Input> composeInputs, List<Inputs.Input> dockerfiles, List<LintCommand.Linted> dockerResults) {
    Map<String, Inputs.Input> inputsByPath = new LinkedHashMap<>();
    Map<String, FileResult> resultsByPath = new LinkedHashMap<>();
    Map<String, List<String>> warningsByPath = new LinkedHashMap<>();
    Map<String, dev.dockerlint.source.SourceText> keysByPath = new LinkedHashMap<>();
    List<ComposeProject.Build> builds = new ArrayList<>();
    Map<ComposeProject.Build, Path> buildDirs = new java.util.IdentityHashMap<>();
    for (List<Inputs.Input> group : groups(composeInputs)) {
      Inputs.Input first = group.get(0);
      String firstShown = shown(first);
      Path dir = directoryOf(first);
      Linter linter = linters.forDirectory(dir, null);
      if (linter == null) {
        for (Inputs.Input input : group) {
          add(inputsByPath, resultsByPath, input, new FileResult(shown(input), null, List.of(), linters.configError(dir)));
        }
        continue;
      }
      List<ComposeLoader.Input> files = new ArrayList<>();
      String readError = null;
      for (Inputs.Input input : group) {
        if (input.error() != null) {
          readError = input.error();
          add(inputsByPath, resultsByPath, input, new FileResult(shown(input), null, List.of(), input.error()));
          continue;
        }
        Inputs.Loaded loaded = Inputs.read(input, stdin);
        if (loaded.error() != null) {
          readError = loaded.error();
          add(inputsByPath, resultsByPath, input, new FileResult(shown(input), null, List.of(), loaded.error()));
          continue;
        }
        files.add(new ComposeLoader.Input(shown(input), input.isStdin() ? null : input.path(), loaded.text()));
      }
      if (readError != null || files.isEmpty()) {
        continue;
      }
      ComposeProject project;
      try {
        project = new ComposeLoader(workingDir).load(files);
      } catch (ComposeException e) {
        // each problem is a line file:line:col: message; they are the first file's error unless a file has its own
        for (Inputs.Input input : group) {
          String path = shown(input);
          String own = problemsOf(e.problems(), path);
          if (input == first && own == null) {
            own = String.join("\n", e.problems());
          }
          add(inputsByPath, resultsByPath, input, new FileResult(path, null, List.of(),
              own != null ? own : "not linted: " + firstShown + ", which it is merged with, cannot be read"));
        }
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        add(inputsByPath, resultsByPath, first, new FileResult(firstShown, null, List.of(), "internal error: "
            + e.getClass().getName() + " (please report this at " + LintCommand.INFO_URI + "/issues with the compose file)"));
        continue;
      }
      ComposeLinter composeLinter = new ComposeLinter(rules, linter, pragmas);
      for (ComposeLinter.FileFindings found : composeLinter.lint(project)) {
        Inputs.Input input = inputFor(group, found.path(), project);
        FileResult before = resultsByPath.get(found.path());
        List<Finding> findings = before == null ? found.findings() : union(before.findings(), found.findings());
        add(inputsByPath, resultsByPath, input, new FileResult(found.path(),
            before != null && before.source() != null ? before.source() : found.source(), findings, null));
        warningsByPath.computeIfAbsent(found.path(), k -> new ArrayList<>()).addAll(found.warnings());
        for (dev.dockerlint.compose.ComposeSource source : project.sources()) {
          if (source.path().equals(found.path())) {
            keysByPath.putIfAbsent(found.path(), source.text());
          }
        }
      }
      for (ComposeProject.Build build : project.builds()) {
        builds.add(build);
        buildDirs.put(build, dir);
      }
    }
    List<Inputs.Input> inputs = new ArrayList<>();
    List<LintCommand.Linted> linteds = new ArrayList<>();
    for (Map.Entry<String, FileResult> entry : resultsByPath.entrySet()) {
      inputs.add(inputsByPath.get(entry.getKey()));
      List<String> warnings = warningsByPath.getOrDefault(entry.getKey(), List.of());
      linteds.add(new LintCommand.Linted(entry.getValue(), null, null, dedupe(warnings), List.of(),
          keysByPath.get(entry.getKey())));
    }
    lintBuilds(builds, dockerfiles, dockerResults, inputs, linteds);
    return new Outcome(inputs, linteds);
  }

  /** The Dockerfiles the services build, each distinct build (file, context, args, target) linted once. */
  private void lintBuilds(List<ComposeProject.Build> builds, List<Inputs.Input> dockerfiles,
      List<LintCommand.Linted> dockerResults, List<Inputs.Input> inputs, List<LintCommand.Linted> linteds) {
    Set<String> done = new HashSet<>();
    Map<Path, Integer> plainIndex = new LinkedHashMap<>();
    for (int i = 0; i < dockerfiles.size(); i++) {
      if (!dockerfiles.get(i).isStdin() && dockerfiles.get(i).error() == null) {
        plainIndex.putIfAbsent(Repository.canonical(dockerfiles.get(i).path()), i);
      }
    }
    Map<Path, Integer> builtIndex = new LinkedHashMap<>();
    for (ComposeProject.Build build : builds) {
      if (!Files.isRegularFile(build.dockerfile())) {
        continue; // compose-build-dockerfile-missing says so
      }
      Path canonical = Repository.canonical(build.dockerfile());
      String key = canonical + "\0" + Repository.canonical(build.context()) + "\0" + new java.util.TreeMap<>(build.args())
          + "\0" + (build.target() == null ? "" : build.target().toLowerCase(Locale.ROOT));
      if (!done.add(key)) {
        continue;
      }
      Integer plain = plainIndex.get(canonical);
      Integer built = builtIndex.get(canonical);
      String shown = plain != null ? dockerResults.get(plain).result().path()
          : built != null ? linteds.get(built).result().path() : shownPath(build.dockerfile());
      Linter linter = linters.forDirectory(build.dockerfile().getParent(), build.context());
      if (linter == null) {
        continue; // the config's error is that directory's files' error
      }
      Inputs.Loaded loaded = Inputs.read(new Inputs.Input(shown, build.dockerfile(), null), stdin);
      LintCommand.Linted result;
      if (loaded.error() != null) {
        result = new LintCommand.Linted(new FileResult(shown, null, List.of(), loaded.error()), null, null);
      } else {
        Dockerfile file = DockerfileParser.parse(shown, loaded.text(), build.args(), build.target());
        Linter.Result checked = linter.check(file, build.dockerfile());
        result = new LintCommand.Linted(new FileResult(shown, file.source().masked(checked.redactions()),
            checked.findings(), null), file, loaded.warning(), checked.warnings(), checked.analyzerWarnings());
      }
      if (plain != null) {
        dockerResults.set(plain, merged(dockerResults.get(plain), result));
      } else if (built != null) {
        linteds.set(built, merged(linteds.get(built), result));
      } else {
        builtIndex.put(canonical, linteds.size());
        inputs.add(new Inputs.Input(shown, build.dockerfile(), null));
        linteds.add(result);
      }
    }
  }

  /** Two lints of one Dockerfile as one result: the findings of both, each identical one once. */
  private static LintCommand.Linted merged(LintCommand.Linted a, LintCommand.Linted b) {
    if (a.result().error() != null) {
      return a;
    }
    if (b.result().error() != null) {
      return b;
    }
    List<String> warnings = dedupe(concat(a.pragmaWarnings(), b.pragmaWarnings()));
    return new LintCommand.Linted(new FileResult(a.result().path(), a.result().source(),
        union(a.result().findings(), b.result().findings()), null), a.file(), a.warning(), warnings,
        dedupe(concat(a.analyzerWarnings(), b.analyzerWarnings())), a.lineKeys());
  }

  private static List<Finding> union(List<Finding> a, List<Finding> b) {
    List<Finding> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (List<Finding> list : List.of(a, b)) {
      for (Finding f : list) {
        if (seen.add(f.rule() + "\t" + f.range() + "\t" + f.message() + "\t" + f.severity())) {
          all.add(f);
        }
      }
    }
    all.sort(Finding.ORDER);
    return all;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> dedupe(List<String> lines) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(lines));
  }

  private static void add(Map<String, Inputs.Input> inputs, Map<String, FileResult> results, Inputs.Input input,
      FileResult result) {
    inputs.putIfAbsent(result.path(), input);
    results.put(result.path(), result);
  }

  /** The problems of one file, one per line ({@code file:line:col: message}), or null when none is in it. */
  private static String problemsOf(List<String> problems, String path) {
    List<String> own = new ArrayList<>();
    for (String problem : problems) {
      if (problem.startsWith(path + ":")) {
        own.add(problem);
      }
    }
    return own.isEmpty() ? null : String.join("\n", own);
  }

  /** The input a file of a project stands for: the one named, or a file it includes or extends. */
  private static Inputs.Input inputFor(List<Inputs.Input> group, String path, ComposeProject project) {
    for (Inputs.Input input : group) {
      if (shownOf(input, null).equals(path) || input.displayPath().equals(path)) {
        return input;
      }
    }
    for (dev.dockerlint.compose.ComposeSource source : project.sources()) {
      if (source.path().equals(path)) {
        return new Inputs.Input(path, source.location(), null, true);
      }
    }
    return group.get(0);
  }

  private String shown(Inputs.Input input) {
    return shownOf(input, stdinName);
  }

  private static String shownOf(Inputs.Input input, String stdinName) {
    return input.isStdin() && stdinName != null ? stdinName : input.displayPath();
  }

  /** A file found through a compose file, as reports name it: relative to the working directory when inside it. */
  private String shownPath(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(workingDir) ? workingDir.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private Path directoryOf(Inputs.Input input) {
    Path file = input.isStdin() ? (stdinName == null ? null : workingDir.resolve(stdinName)) : input.path();
    Path dir = file == null ? null : file.toAbsolutePath().normalize().getParent();
    return dir == null ? workingDir : dir;
  }

  /**
   * The projects of the compose inputs, as Compose reads a directory: its base file
   * ({@code compose.yaml}, else {@code compose.yml}, {@code docker-compose.yaml},
   * {@code docker-compose.yml}) with the override files of its name ({@code compose.override.yaml}),
   * and each other file of the directory named like an override ({@code compose.prod.yaml}) merged
   * onto the base, whether or not the base was named; any other compose file alone. Stdin is alone.
   */
  static List<List<Inputs.Input>> groups(List<Inputs.Input> inputs) {
    List<List<Inputs.Input>> groups = new ArrayList<>();
    Map<Path, List<Inputs.Input>> byDirectory = new LinkedHashMap<>();
    for (Inputs.Input input : inputs) {
      if (input.isStdin() || input.error() != null) {
        groups.add(List.of(input));
        continue;
      }
      Path dir = input.path().toAbsolutePath().normalize().getParent();
      byDirectory.computeIfAbsent(dir, k -> new ArrayList<>()).add(input);
    }
    for (Map.Entry<Path, List<Inputs.Input>> entry : byDirectory.entrySet()) {
      List<Inputs.Input> files = entry.getValue();
      Inputs.Input base = null;
      for (String name : BASE_NAMES) {
        for (Inputs.Input input : files) {
          if (base == null && input.path().getFileName().toString().toLowerCase(Locale.ROOT).equals(name)) {
            base = input;
          }
        }
      }
      if (base == null) {
        // an override named without its base: the base on disk, when there is one
        for (String name : BASE_NAMES) {
          Path candidate = entry.getKey().resolve(name);
          if (base == null && Files.isRegularFile(candidate) && hasOverride(files)) {
            String shown = files.get(0).displayPath();
            int slash = shown.lastIndexOf('/');
            base = new Inputs.Input(slash < 0 ? name : shown.substring(0, slash + 1) + name, candidate, null, true);
          }
        }
      }
      String family = base == null ? null : stem(base.path().getFileName().toString());
      List<Inputs.Input> withBase = new ArrayList<>();
      if (base != null) {
        withBase.add(base);
      }
      for (Inputs.Input input : files) {
        if (input == base) {
          continue;
        }
        String stem = stem(input.path().getFileName().toString());
        boolean override = base != null && stem.startsWith(family + ".");
        if (override && stem.equals(family + ".override")) {
          withBase.add(input);
        } else if (override) {
          groups.add(List.of(base, input));
        } else {
          groups.add(List.of(input));
        }
      }
      if (!withBase.isEmpty()) {
        groups.add(withBase);
      }
    }
    return groups;
  }

  private static boolean hasOverride(List<Inputs.Input> files) {
    for (Inputs.Input input : files) {
      String stem = stem(input.path().getFileName().toString());
      if (stem.startsWith("compose.") || stem.startsWith("docker-compose.")) {
        return true;
      }
    }
    return false;
  }

  /** A file name without its .yaml or .yml, lower-cased. */
  private static String stem(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return dot < 0 ? lower : lower.substring(0, dot);
  }
}
