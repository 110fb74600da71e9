package dev.dockerlint.rules;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared queries of the shell-command rules: which RUNs to read and how to read a command. */
final class RunScripts {
  private RunScripts() {}

  /** A shell-form RUN with the stage it belongs to; {@code onbuild} for an {@code ONBUILD RUN}. */
  record ShellRun(Stage stage, Run run, ShellScript script, boolean onbuild) {
    List<ShellCommand> commands() {
      return script.commands();
    }
  }

  /** Every shell-form RUN of every stage, in file order; ONBUILD RUN triggers only when asked. */
  static List<ShellRun> shellRuns(Dockerfile file, boolean withOnbuild) {
    List<ShellRun> result = new ArrayList<>();
    for (Stage stage : file.stages()) {
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Run run && run.command() instanceof ShellForm shell) {
          result.add(new ShellRun(stage, run, shell.script(), false));
        } else if (withOnbuild && instruction instanceof Onbuild onbuild && onbuild.trigger() instanceof Run run
            && run.command() instanceof ShellForm shell) {
          result.add(new ShellRun(stage, run, shell.script(), true));
        }
      }
    }
    return result;
  }

  /** The final stage and the stages it is built on: what ends up in the image. */
  static Set<Stage> shippedStages(Dockerfile file) {
    Set<Stage> shipped = new HashSet<>();
    if (file.finalStage().isPresent()) {
      shipped.addAll(file.lineage(file.finalStage().get()));
    }
    return shipped;
  }

  /**
   * The program a command really runs, looking through sudo/env wrappers; null for
   * {@code command -v x} / {@code command -V x}, which only ask whether x exists.
   */
  static ShellCommand invoked(ShellCommand command) {
    if (command.is("command") && command.hasAnyFlag("-v", "-V")) {
      return null;
    }
    ShellCommand unwrapped = command.unwrapped();
    return unwrapped.words().isEmpty() ? null : unwrapped;
  }

  /** For a {@link #lastIndexOf} result kept per RUN: not looked for yet (-1 is looked for, none). */
  static final int NOT_SEARCHED = -2;

  /**
   * The index of the last command (wrappers looked through) that {@code matches}, or -1. Rules ask
   * "is there a clean-up after command i?", which is "is the last clean-up after i?": one scan of
   * the RUN answers it for every command, where a scan per command was quadratic. Callers pass a
   * class or enum, not a lambda: linking lambdas costs start-up time (bench/README.md).
   */
  static int lastIndexOf(List<ShellCommand> commands, java.util.function.Predicate<ShellCommand> matches) {
    for (int j = commands.size() - 1; j >= 0; j--) {
      if (matches.test(commands.get(j).unwrapped())) {
        return j;
      }
    }
    return -1;
  }

  /** Flags whose value is the next word, per program: {@code apt-get -o X=Y install}. */
  private static final Map<String, Set<String>> VALUE_FLAGS = valueFlags();

  private static Map<String, Set<String>> valueFlags() {
    Map<String, Set<String>> m = new HashMap<>();
    Set<String> apt = Set.of("-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release");
    m.put("apt-get", apt);
    m.put("apt", apt);
    Set<String> rpm = Set.of("-c", "--config", "-x", "--exclude", "-d", "--debuglevel", "-e", "--errorlevel",
        "-R", "--randomwait", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--setopt",
        "--repo", "--repoid", "--repofrompath", "--forcearch", "--downloaddir", "--destdir", "--comment");
    m.put("yum", rpm);
    m.put("dnf", rpm);
    m.put("microdnf", rpm);
    m.put("tdnf", rpm);
    m.put("apk", Set.of("-X", "--repository", "-p", "--root", "--arch", "-t", "--virtual", "--cache-dir",
        "--keys-dir", "--repositories-file", "--cache-max-age"));
    m.put("zypper", Set.of("-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir",
        "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir", "-r", "--repo", "--from", "-t", "--type",
        "-p", "--plus-repo", "--installroot"));
    Set<String> pip = Set.of("-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host",
        "-t", "--target", "--prefix", "--root", "--src", "-e", "--editable", "-c", "--constraint", "-r",
        "--requirement", "--platform", "--python-version", "--implementation", "--abi", "--no-binary",
        "--only-binary", "--progress-bar", "--proxy", "--python", "--root-user-action", "--upgrade-strategy",
        "--cache-dir", "--log", "--timeout", "--retries", "--global-option", "--install-option",
        "--config-settings", "-C", "--report", "--cert", "--client-cert", "--exists-action", "--keyring-provider",
        "--use-feature", "--use-deprecated");
    m.put("pip", pip);
    m.put("pipx", pip);
    m.put("npm", Set.of("--loglevel", "--registry", "--prefix", "-w", "--workspace", "--cache", "--userconfig",
        "--omit", "--include", "--install-strategy", "--tag", "--location", "-C"));
    m.put("gem", Set.of("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P",
        "--trust-policy", "--platform", "-g", "--file", "-p", "--http-proxy", "--build-root", "--document"));
    m.put("go", Set.of("-ldflags", "-gcflags", "-tags", "-o", "-mod", "-modfile", "-p", "-asmflags", "-buildmode",
        "-compiler", "-gccgoflags", "-installsuffix", "-overlay", "-pkgdir", "-toolexec", "-C", "-pgo", "-covermode",
        "-coverpkg", "-exec"));
    return m;
  }

  /** The flags of a program (pip, apt-get, ...) that take the next word as their value. */
  static Set<String> valueFlags(String program) {
    return VALUE_FLAGS.getOrDefault(program, Set.of());
  }

  /** Program name used for flag tables: pip3.12 and python -m pip count as pip. */
  static String family(ShellCommand command) {
    String name = command.name();
    if (isPipName(name)) {
      return "pip";
    }
    return name;
  }

  /**
   * Positional words of a command, leaving out the values of flags that take one
   * ({@code apt-get -o Dpkg::Options::=--force-confold install curl} gives install, curl).
   */
  static List<Word> positional(ShellCommand command) {
    return positional(command.arguments(), VALUE_FLAGS.getOrDefault(family(command), Set.of()));
  }

  static List<Word> positional(List<Word> args, Set<String> valueFlags) {
    List<Word> result = new ArrayList<>();
    boolean endOfFlags = false;
    for (int i = 0; i < args.size(); i++) {
      Word word = args.get(i);
      if (!endOfFlags && word.value().equals("--") && !word.quoted()) {
        endOfFlags = true;
        continue;
      }
      if (endOfFlags || !word.isFlag()) {
        result.add(word);
      } else if (valueFlags.contains(word.value())) {
        i++;
      }
    }
    return result;
  }

  /** The first positional word ({@code install} in {@code apt-get -o X=1 install x}), or null. */
  static Word subcommandWord(ShellCommand command) {
    // positional(command).get(0), without building the list: rules ask this of every command
    List<Word> args = command.arguments();
    Set<String> valueFlags = VALUE_FLAGS.getOrDefault(family(command), Set.of());
    for (int i = 0; i < args.size(); i++) {
      Word word = args.get(i);
      if (word.value().equals("--") && !word.quoted()) {
        return i + 1 < args.size() ? args.get(i + 1) : null;
      }
      if (!word.isFlag()) {
        return word;
      }
      if (valueFlags.contains(word.value())) {
        i++;
      }
    }
    return null;
  }

  /** From the program name to {@code last} ({@code apt-get -q install}). */
  static SourceRange span(ShellCommand command, Word last) {
    SourceRange name = command.words().get(0).range();
    return last == null ? name : name.union(last.range());
  }

  /** The program name word up to the subcommand word. */
  static SourceRange nameAndSubcommand(ShellCommand command) {
    return span(command, subcommandWord(command));
  }

  /**
   * True if {@code rm} removes {@code directory} or something containing it:
   * {@code rm -rf /var/cache/apk/*}, {@code rm -rf /var/cache} both cover {@code /var/cache/apk}.
   */
  static boolean removes(ShellCommand rm, String directory) {
    if (!rm.is("rm")) {
      return false;
    }
    for (Word word : rm.positionalArguments()) {
      String path = normalize(word.value());
      if (!path.isEmpty() && (directory.equals(path) || directory.startsWith(path + "/"))) {
        return true;
      }
    }
    return false;
  }

  /** Drops trailing {@code /*}, {@code /.} and {@code /}. */
  static String normalize(String path) {
    String p = path;
    boolean changed = true;
    while (changed && p.length() > 1) {
      changed = false;
      if (p.endsWith("/*") || p.endsWith("/.")) {
        p = p.substring(0, p.length() - 2);
        changed = true;
      } else if (p.endsWith("/") && p.length() > 1) {
        p = p.substring(0, p.length() - 1);
        changed = true;
      }
    }
    return p;
  }

  /** True if any mount of the RUN is a cache or tmpfs whose target ends with one of the suffixes. */
  static boolean mountsCacheEndingWith(Run run, String... suffixes) {
    for (var mount : run.mounts()) {
      var kv = mount.keyValues();
      String type = kv.getOrDefault("type", "bind");
      String target = normalize(kv.getOrDefault("target", kv.getOrDefault("dst", kv.getOrDefault("destination", ""))));
      if (!type.equals("cache") && !type.equals("tmpfs")) {
        continue;
      }
      for (String suffix : suffixes) {
        if (target.equals(suffix) || target.endsWith(suffix.startsWith("/") ? suffix : "/" + suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code apt-get install -s}: a dry run that installs nothing. */
  static boolean aptSimulates(ShellCommand command) {
    return command.hasAnyFlag("-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act");
  }

  // ---- pip ----

  /**
   * For a pip install ({@code pip install}, {@code pip3.12 install}, {@code python3 -m pip install}),
   * the index in {@code words()} of the {@code install} word; -1 otherwise. {@code pipx} and
   * {@code pipenv} only when {@code withPipx}.
   */
  static int pipInstallIndex(ShellCommand command, boolean withPipx) {
    String name = command.name();
    List<Word> words = command.words();
    int start;
    if (isPipName(name) || withPipx && name.equals("pipx")) {
      start = 1;
    } else if (isPythonName(name)) {
      int m = -1;
      for (int i = 1; i < words.size(); i++) {
        String v = words.get(i).value();
        if (v.equals("-m")) {
          m = i;
          break;
        }
        if (!v.startsWith("-")) {
          return -1; // a script: python setup.py install
        }
      }
      if (m < 0 || m + 1 >= words.size()) {
        return -1;
      }
      String module = words.get(m + 1).value();
      if (!module.equals("pip") && !(withPipx && module.equals("pipx"))) {
        return -1;
      }
      start = m + 2;
    } else {
      return -1;
    }
    for (int i = start; i < words.size(); i++) {
      Word w = words.get(i);
      if (w.isFlag()) {
        continue;
      }
      return w.value().equals("install") ? i : -1;
    }
    return -1;
  }

  /** pip, pip3, pip3.12 (not pipx, pipenv). */
  static boolean isPipName(String name) {
    if (!name.startsWith("pip")) {
      return false;
    }
    for (int i = 3; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isDigit(c) && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** python, python3, python3.12. */
  static boolean isPythonName(String name) {
    if (!name.startsWith("python")) {
      return false;
    }
    for (int i = 6; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isDigit(c) && c != '.') {
        return false;
      }
    }
    return true;
  }
}
