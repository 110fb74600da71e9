package dev.dockerlint.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Entry point. Only {@link #main} ends the JVM; {@link #run} returns the exit code. */
public final class Main {
  /** Exit codes: nothing at or above the threshold / findings at or above it / usage, config or I/O error. */
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, System.in, out, err, System.getenv(), Path.of(""), System.console() != null);
    out.flush();
    if (Boolean.getBoolean("dockerlint.cds.train")) {
      train(args);
    }
    System.out.flush();
    System.err.flush();
    // halt, not exit: since JDK 21 System.exit looks up a System.Logger to log the call, which
    // starts the JDK's logging machinery (a service lookup in the runtime image): about 8 ms of
    // every JDK 25 run. dockerlint registers no shutdown hook and deletes no file on exit, and the
    // JVM's own exit work (its exit logs, an AOT cache being written) runs on halt as on exit.
    Runtime.getRuntime().halt(code);
  }

  /**
   * The launcher sets {@code dockerlint.cds.train} on the run that makes its class-data archive
   * (JDK 17-24) or AOT cache (JDK 25+), which holds only what that run used: classes, and on JDK 25
   * linked call sites and profiles. That run lints plain paths, the common case; this lints the same
   * paths again as SARIF with the configuration file {@code dockerlint.cds.config}, output discarded,
   * so runs that parse options (picocli), read a config (SnakeYAML) or write JSON (Jackson) find
   * their classes in the archive too.
   */
  static void train(String[] args) {
    java.util.List<String> again = new java.util.ArrayList<>();
    again.add("--format");
    again.add("sarif");
    String config = System.getProperty("dockerlint.cds.config");
    if (config != null) {
      again.add("--config");
      again.add(config);
    }
    again.addAll(java.util.Arrays.asList(args));
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    try {
      run(again.toArray(new String[0]), InputStream.nullInputStream(), discard, discard, Map.of(),
          Path.of("").toAbsolutePath(), false);
    } catch (LinkageError e) {
      // a jar without Jackson or SnakeYAML: an archive with fewer classes is only slower
    }
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, InputStream.nullInputStream(), out, err, Map.of(), Path.of(""), false);
  }

  /**
   * @param terminal whether stdout is a terminal (colour is only used there)
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream rawErr, Map<String, String> env,
      Path workingDir, boolean terminal) {
    // every line on stderr escapes control characters: messages quote file names and config values
    PrintStream err = EscapingPrintStream.of(rawErr);
    Environment environment = new Environment(in, out, err, env, workingDir.toAbsolutePath(), terminal);
    LintCommand simple = simpleLint(args, environment);
    if (simple != null) {
      // the pre-commit, editor and CI cases: paths and the common options need no picocli model,
      // which is most of the start-up time; anything else, usage errors included, goes through picocli
      try {
        return simple.call();
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        err.println("dockerlint: internal error: " + e + " (please report this with the command and input)");
        return ERROR;
      }
    }
    CommandLine cli = new CommandLine(new LintCommand(environment));
    if (needsSubcommands(args)) {
      // each subcommand's model costs start-up time, so a lint run with options builds only its own
      cli.addSubcommand("rules", new RulesCommand(environment));
      cli.addSubcommand("explain", new ExplainCommand(environment));
      cli.addSubcommand("ast", new AstCommand(environment));
      cli.addSubcommand("test-rules", new TestRulesCommand(environment));
      CommandLine completion = new CommandLine(new picocli.AutoComplete.GenerateCompletion());
      completion.getCommandSpec().usageMessage().hidden(false);
      cli.addSubcommand("generate-completion", completion);
    }
    // "@name" is a path, as on the fast path above, not a file of arguments to expand
    cli.setExpandAtFiles(false);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((e, arguments) -> {
      err.println("dockerlint: " + e.getMessage());
      err.println("Try 'dockerlint --help' for usage.");
      return ERROR;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("dockerlint: internal error: " + e + " (please report this with the command and input)");
      return ERROR;
    });
    try {
      return cli.execute(args);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      err.println("dockerlint: internal error: " + e + " (please report this with the command and input)");
      return ERROR;
    }
  }

  private static final java.util.Set<String> SUBCOMMANDS = java.util.Set.of("rules", "explain", "ast", "test-rules", "generate-completion",
      "help");

  /**
   * True unless the arguments are a plain lint run: a subcommand's name anywhere (picocli finds it
   * after options too), help or version, whose text lists the subcommands, or clustered short
   * options. When in doubt, true: the full model is always right.
   */
  static boolean needsSubcommands(String[] args) {
    for (String arg : args) {
      if (SUBCOMMANDS.contains(arg) || arg.equals("-h") || arg.equals("--help") || arg.equals("-v")
          || arg.equals("--version") || arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 2) {
        return true;
      }
    }
    return false;
  }

  /** The options {@link #simpleLint} reads itself: each takes one value, the repeatable ones a comma list. */
  static final java.util.Set<String> SIMPLE_VALUED =
      java.util.Set.of("--failure-threshold", "--ignore", "--enable", "--shellcheck");
  /** The flags {@link #simpleLint} reads itself (bin/dockerlint picks its archive with the same lists). */
  static final java.util.Set<String> SIMPLE_FLAGS = java.util.Set.of("--no-color", "--no-shellcheck");

  /**
   * The lint command for a plain run of paths ({@code -} for stdin included) and the common options
   * {@code --failure-threshold}, {@code --ignore}, {@code --enable}, {@code --shellcheck},
   * {@code --no-shellcheck} and {@code --no-color}, in
   * their {@code --name value} or {@code --name=value} forms; or null for anything else (a
   * subcommand, another option, {@code --}, a missing value, a single-valued option given twice),
   * which picocli then parses. The result is what picocli would have set.
   */
  static LintCommand simpleLint(String[] args, Environment environment) {
    if (args.length > 0 && SUBCOMMANDS.contains(args[0])) {
      return null;
    }
    LintCommand lint = new LintCommand(environment);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-")) {
        if (SUBCOMMANDS.contains(arg)) {
          return null; // picocli also finds a subcommand after the paths
        }
        lint.paths.add(arg);
        continue;
      }
      if (arg.equals("--no-color")) {
        if (lint.noColor) {
          return null;
        }
        lint.noColor = true;
        continue;
      }
      if (arg.equals("--no-shellcheck")) {
        if (lint.noShellcheck) {
          return null;
        }
        lint.noShellcheck = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (!SIMPLE_VALUED.contains(name)) {
        return null;
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-") && !SUBCOMMANDS.contains(args[i + 1])) {
        value = args[++i];
      } else {
        return null; // a missing value, or one picocli may read as an option or a subcommand
      }
      if (value.isEmpty() || value.startsWith("-") || value.indexOf('"') >= 0 || value.indexOf('\'') >= 0 || value.startsWith(",")
          || value.endsWith(",") || value.contains(",,")) {
        return null; // picocli's splitting of quoted and empty parts is its own
      }
      switch (name) {
        case "--failure-threshold" -> {
          if (lint.failureThreshold != null) {
            return null;
          }
          lint.failureThreshold = value;
        }
        case "--shellcheck" -> {
          if (lint.shellcheck != null) {
            return null;
          }
          try {
            lint.shellcheck = Path.of(value);
          } catch (java.nio.file.InvalidPathException e) {
            return null; // picocli reports it
          }
        }
        case "--ignore" -> lint.ignore.addAll(java.util.List.of(value.split(",", -1)));
        default -> lint.enable.addAll(java.util.List.of(value.split(",", -1)));
      }
    }
    return lint;
  }

  /** What a command runs against; tests pass their own. */
  record Environment(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path workingDir,
      boolean terminal) {}

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** picocli's --version text. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dockerlint " + version()};
    }
  }
}
