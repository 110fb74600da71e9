package dev.dockerlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up cost: a plain text run without a config file must not load Jackson or SnakeYAML (hundreds
 * of classes each). Runs {@link Main} in a child JVM with {@code -verbose:class} and reads the list.
 */
class StartupClassesTest {
  @TempDir Path dir;

  @Test
  void textRunWithoutConfigLoadsNoJsonOrYamlClasses() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN echo hi\n");
    List<String> loaded = loadedClasses("Dockerfile");
    assertThat(loaded).as("classes loaded").anyMatch(name -> name.startsWith("dev.dockerlint.rules."));
    assertThat(loaded).noneMatch(name -> name.startsWith("com.fasterxml.") || name.startsWith("org.yaml."));
  }

  /**
   * A run of Dockerfiles loads nothing of the compose model, its loader or its schema: only the
   * compose rules' classes, whose metadata the catalog knows (configs and pragmas may name them).
   * A run with a compose file loads the model and SnakeYAML.
   */
  @Test
  void aPlainRunLoadsNoComposeClassAndAComposeRunDoes() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN echo hi\n");
    List<String> loaded = loadedClasses("Dockerfile");
    assertThat(loaded).contains("dev.dockerlint.compose.rules.ComposePrivileged")
        .filteredOn(name -> name.startsWith("dev.dockerlint.compose."))
        .allMatch(name -> name.startsWith("dev.dockerlint.compose.rules.Compose") && !name.contains("$"));
    assertThat(loaded).noneMatch(name -> name.equals("dev.dockerlint.cli.ComposeRun")
        || name.startsWith("org.yaml.") || name.equals("dev.dockerlint.compose.ComposeProject"));
    Files.createDirectory(dir.resolve(".git")); // no config above
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
    assertThat(loadedClasses("compose.yaml")).contains("dev.dockerlint.compose.ComposeLoader",
        "dev.dockerlint.compose.ComposeSchema").anyMatch(name -> name.startsWith("org.yaml."));
  }

  @Test
  void aPlainRunBootstrapsNoRecordMethods() throws Exception {
    // a record's generated equals/hashCode/toString link through invokedynamic on first use, which
    // spins method-handle classes the class-data archive cannot hold: about 20 ms of every run
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN apt-get install -y curl\nCOPY . .\n");
    assertThat(loadedClasses("Dockerfile")).contains("dev.dockerlint.ast.Stage")
        .doesNotContain("java.lang.runtime.ObjectMethods");
  }

  /**
   * Linking a lambda or a stream pipeline costs start-up time the class-data archive does not save
   * (one lambda in a 10-line program: +11 ms); the lint path uses classes and loops instead. Files
   * for apk, apt, pip, npm, yum, heredocs, variables, ONBUILD and two stages reach most of it.
   */
  @Test
  void aPlainRunLinksNoLambdasAndNoStreams() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "# check=skip=json-args\nARG BASE=debian:12\nFROM ${BASE} AS build\n"
        + "RUN apt-get update && apt-get install -y curl && pip install flask && npm install x | tee /log\n"
        + "RUN <<EOF\napk add curl\nyum install -y x\nEOF\nCOPY --from=build /a /b\nONBUILD RUN cd /x && wget y\n"
        + "FROM build\nEXPOSE 80\nVOLUME /data\nUSER app\nENV A=$B C=1\nCMD [\"run\"]\n");
    assertThat(loadedClasses("Dockerfile")).contains("dev.dockerlint.rules.packages.PackageUnpinned")
        .noneMatch(name -> name.startsWith("dev.dockerlint.") && name.contains("$$Lambda"))
        .noneMatch(name -> name.startsWith("java.util.stream."));
  }

  /**
   * Without shellcheck on the PATH only the probe is loaded (one class of the package, which also
   * holds the SC code family the catalog resolves); no process is started.
   */
  @Test
  void aRunWithoutShellcheckLoadsOnlyTheProbeOfItsPackage() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN echo $HOME\n");
    List<String> loaded = loadedClasses("Dockerfile");
    assertThat(loaded).contains("dev.dockerlint.shellcheck.ShellCheck")
        .filteredOn(name -> name.startsWith("dev.dockerlint.shellcheck.")).containsExactly("dev.dockerlint.shellcheck.ShellCheck");
    assertThat(loaded).noneMatch(name -> name.equals("java.lang.ProcessBuilder"));
  }

  /** With shellcheck the run stays lean too: its own small JSON reader, no Jackson, no lambdas or streams. */
  @Test
  void aRunWithShellcheckLoadsNoJacksonAndLinksNoLambdas() throws Exception {
    java.util.Optional<Path> shellcheck = dev.dockerlint.shellcheck.ShellCheck.onPath(System.getenv("PATH"));
    org.junit.jupiter.api.Assumptions.assumeTrue(shellcheck.isPresent(),
        "shellcheck is not on the PATH (apt-get install shellcheck): the run with ShellCheck is not measured");
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN echo $HOME\nRUN <<EOF\nsh -c 'ls $x'\nEOF\n");
    path = shellcheck.get().getParent().toString();
    List<String> loaded = loadedClasses("Dockerfile");
    assertThat(loaded).contains("dev.dockerlint.shellcheck.ShellCheckRunner", "dev.dockerlint.shellcheck.Json1")
        .noneMatch(name -> name.startsWith("com.fasterxml.") || name.startsWith("org.yaml."))
        .noneMatch(name -> name.startsWith("dev.dockerlint.") && name.contains("$$Lambda"))
        .noneMatch(name -> name.startsWith("java.util.stream."));
  }

  /** Custom rules cost nothing until a pack is used: no RE2/J and no policy class, with or without a config. */
  @Test
  void aRunWithoutARulePackLoadsNoPolicyOrRe2jClass() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\nRUN curl x | sh\n");
    assertThat(loadedClasses("Dockerfile"))
        .noneMatch(name -> name.startsWith("com.google.re2j.") || name.startsWith("dev.dockerlint.policy."));
    Files.writeString(dir.resolve(".dockerlint.yaml"), "ignore: [image-latest]\n");
    Files.createDirectory(dir.resolve(".git"));
    assertThat(loadedClasses("--format", "sarif", "Dockerfile")).anyMatch(name -> name.startsWith("org.yaml."))
        .noneMatch(name -> name.startsWith("com.google.re2j.") || name.startsWith("dev.dockerlint.policy."));
  }

  @Test
  void aRunWithARulePackLoadsThem() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Files.writeString(dir.resolve("pack.yaml"), "rules:\n  - id: tag-rc\n    message: m\n    help: https://x\n"
        + "    match: {forbid: {from: {tag: {regex: \"-rc\"}}}}\n");
    assertThat(loadedClasses("--rules", "pack.yaml", "Dockerfile")).contains("dev.dockerlint.policy.PolicyRule")
        .anyMatch(name -> name.startsWith("com.google.re2j."));
  }

  @Test
  void configFileLoadsSnakeYaml() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Files.writeString(dir.resolve(".dockerlint.yaml"), "ignore: [image-latest]\n");
    Files.createDirectory(dir.resolve(".git")); // stop the config search here
    assertThat(loadedClasses("Dockerfile")).anyMatch(name -> name.startsWith("org.yaml."));
  }

  @Test
  void pathsAloneDoNotLoadTheOptionParser() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    assertThat(loadedClasses("Dockerfile")).anyMatch(name -> name.startsWith("dev.dockerlint.rules."))
        .noneMatch(name -> name.startsWith("picocli."));
  }

  @Test
  void aLintRunWithTheCommonOptionsLoadsNoPicocli() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    assertThat(loadedClasses("--failure-threshold", "none", "--ignore=image-untagged", "--no-color", "Dockerfile"))
        .contains("dev.dockerlint.cli.LintCommand").noneMatch(name -> name.startsWith("picocli."));
  }

  @Test
  void aLintRunWithOtherOptionsBuildsNoSubcommandModels() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    List<String> loaded = loadedClasses("--format", "text", "Dockerfile");
    assertThat(loaded).contains("picocli.CommandLine", "dev.dockerlint.cli.LintCommand")
        .noneMatch(name -> name.startsWith("picocli.AutoComplete") || name.endsWith("RulesCommand")
            || name.endsWith("ExplainCommand") || name.endsWith("AstCommand"));
  }

  @Test
  void helpStillListsTheSubcommands() throws Exception {
    assertThat(loadedClasses("--help")).contains("dev.dockerlint.cli.RulesCommand", "dev.dockerlint.cli.AstCommand");
  }

  @Test
  void theRunThatWritesTheClassArchiveAlsoLoadsTheOptionParser() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    List<String> loaded = loadedClasses(List.of("-Ddockerlint.cds.train=true"), "Dockerfile");
    assertThat(loaded).contains("picocli.CommandLine", "picocli.CommandLine$Model$OptionSpec");
  }

  /**
   * Since JDK 21 System.exit looks up a System.Logger to log the call, which starts the JDK's
   * logging machinery: about 8 ms of a JDK 25 run. Main halts instead, once its output is flushed;
   * the exit code and every line of the report still arrive. Runs with JDK 25 where there is one.
   */
  @Test
  void aPlainRunEndsWithoutStartingTheJdksLoggingAndKeepsItsExitCodeAndOutput() throws Exception {
    Path jdk = LauncherAotTest.jdk25();
    org.junit.jupiter.api.Assumptions.assumeTrue(jdk != null, "no JDK 25 here (set JAVA25_HOME)");
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:latest\nMAINTAINER me\n");
    javaHome = jdk;
    List<String> loaded = loadedClasses("Dockerfile");
    assertThat(exitCode).isEqualTo(Main.FINDINGS);
    assertThat(loaded).contains("java.lang.Shutdown").noneMatch(name -> name.startsWith("jdk.internal.logger."));
    String log = Files.readString(dir.resolve("classes.log"), StandardCharsets.UTF_8);
    // the last finding, and the summary after it: all of stdout was written before the halt
    assertThat(log).contains("maintainer-deprecated").containsPattern("(?m)^\\d+ problems? \\(.*\\) in 1 file$");
  }

  /**
   * Main halts (above), which runs no shutdown hook: so nothing in dockerlint may rely on one. A
   * hook or a delete-on-exit file added later would silently never run; this says so first.
   */
  @Test
  void noCodeReliesOnShutdownHooksThatTheHaltWouldSkip() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (var files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.contains("addShutdownHook(") || text.contains("deleteOnExit(")) {
          offenders.add(file.toString());
        }
      }
    }
    assertThat(offenders).as("Main ends with Runtime.halt, which skips shutdown hooks").isEmpty();
  }

  /** The JDK the child runs on: this test's unless a test sets another. */
  private Path javaHome;
  private int exitCode;

  private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
    return loadedClasses(List.of(), args);
  }

  /** The child's PATH: by default a directory without shellcheck, so a run is a plain run wherever the tests run. */
  private String path;

  private List<String> loadedClasses(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    Path java = (javaHome != null ? javaHome : Path.of(System.getProperty("java.home"))).resolve("bin").resolve("java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xshare:off", "-verbose:class"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path log = dir.resolve("classes.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("PATH", path != null ? path : Files.createDirectories(dir.resolve("empty-bin")).toString());
    builder.environment().put("XDG_CACHE_HOME", Files.createDirectories(dir.resolve("cache")).toString()); // not the user's
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    exitCode = process.exitValue();
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      // [0.012s][info][class,load] java.lang.Object source: shared objects file
      int tag = line.indexOf("[class,load] ");
      if (tag >= 0) {
        String rest = line.substring(tag + "[class,load] ".length());
        int space = rest.indexOf(' ');
        names.add(space < 0 ? rest : rest.substring(0, space));
      }
    }
    return names;
  }
}
