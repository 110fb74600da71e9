package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.ast.Workdir;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every instruction is a layer: removing in a later layer what an earlier one added hides it but
 * keeps its bytes in the image.
 */
public final class InstallThenRemove implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("install-then-remove", Severity.WARNING,
      "Packages or files are removed in a later layer than the one that added them");

  /** apt-get/apk/pip/yum options that take the next word as their value. */
  private static final Set<String> VALUE_FLAGS = Set.of(
      "-o", "-t", "-c", "--target-release", "--option", "--config-file",
      "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir",
      "-r", "--requirement", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
      "--target", "--prefix", "--src", "-e", "--editable", "--trusted-host", "--platform",
      "--python-version", "--implementation", "--abi", "--upgrade-strategy", "--progress-bar",
      "--enablerepo", "--disablerepo", "--setopt", "--installroot", "--releasever");

  /** Where something was added: the instruction and a short description for the message. */
  private record Added(Instruction instruction, String what) {}

  /**
   * Linux's PATH_MAX. A longer working directory cannot be used, and following one made the path
   * grow with every relative WORKDIR: thousands of them were quadratic.
   */
  private static final int LONGEST_PATH = 4096;

  /**
   * Files by absolute path, each with the turn it was first added in. Sorted, so that the files at
   * or under a path are one range: looking through every file for each {@code rm} was quadratic
   * (10,000 COPYs and 10,000 removals took 13 s).
   */
  private static final class Files {
    private record Entry(Added added, long turn) {}

    private final TreeMap<String, Entry> byPath = new TreeMap<>();
    private long turns;

    void put(String path, Added added) {
      Entry old = byPath.get(path);
      byPath.put(path, new Entry(added, old == null ? turns++ : old.turn()));
    }

    void addAll(Files other) {
      byPath.putAll(other.byPath);
      turns = other.turns;
    }

    Added get(String path) {
      Entry entry = byPath.get(path);
      return entry == null ? null : entry.added();
    }

    /** The first-added file at or under {@code path} that is not in {@code skipped}, or null. */
    String firstAt(String path, Set<String> skipped) {
      String first = null;
      long firstTurn = Long.MAX_VALUE;
      Entry exact = byPath.get(path);
      if (exact != null && !skipped.contains(path)) {
        first = path;
        firstTurn = exact.turn();
      }
      for (Map.Entry<String, Entry> under : under(path).entrySet()) {
        if (under.getValue().turn() < firstTurn && !skipped.contains(under.getKey())) {
          first = under.getKey();
          firstTurn = under.getValue().turn();
        }
      }
      return first;
    }

    /** Forgets the file at {@code path} and everything under it. */
    void removeAt(String path) {
      byPath.remove(path);
      under(path).clear();
    }

    /** Paths that start with {@code path + "/"}: '0' is the character after '/'. */
    private SortedMap<String, Entry> under(String path) {
      return byPath.subMap(path + "/", path + "0");
    }
  }

  /** What the layers so far hold: packages per manager, and files by absolute path. */
  private static final class Layers {
    final Map<String, Added> packages = new LinkedHashMap<>();
    final Files files = new Files();
    /** Null once it is longer than {@link #LONGEST_PATH}: relative paths are then not followed. */
    String workdir = "/";

    Layers copy() {
      Layers c = new Layers();
      c.packages.putAll(packages);
      c.files.addAll(files);
      c.workdir = workdir;
      return c;
    }
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Map<Integer, Layers> atEnd = new HashMap<>();
    for (Stage stage : file.stages()) {
      Layers layers = stage.baseStage() >= 0 && atEnd.containsKey(stage.baseStage())
          ? atEnd.get(stage.baseStage()).copy() : new Layers();
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Workdir workdir && workdir.path() != null) {
          String path = file.scopeAt(workdir).resolve(workdir.path());
          String next = path.startsWith("/") ? path : resolve(layers.workdir, path);
          layers.workdir = next == null || next.length() > LONGEST_PATH ? null : next;
        } else if (instruction instanceof FileTransfer copy) {
          recordCopy(file, copy, layers);
        } else if (instruction instanceof Run run && run.command() instanceof ShellForm shell) {
          checkRun(run, shell.script().commands(), layers, context);
        }
      }
      atEnd.put(stage.index(), layers);
    }
  }

  private static void recordCopy(Dockerfile file, FileTransfer copy, Layers layers) {
    if (copy.destination() == null) {
      return;
    }
    String dest = file.scopeAt(copy).resolve(copy.destination());
    if (dest.contains("$")) {
      return;
    }
    String base = dest.startsWith("/") ? dest : resolve(layers.workdir, dest);
    if (base == null) {
      return;
    }
    boolean intoDirectory = dest.endsWith("/") || dest.equals(".") || dest.endsWith("/.") || copy.sources().size() > 1
        || layers.workdir != null && normalize(base).equals(normalize(layers.workdir));
    Added added = new Added(copy, copy.name());
    if (!intoDirectory) {
      layers.files.put(normalize(base), added);
      return;
    }
    for (Token source : copy.sources()) {
      String name = baseName(source.text());
      if (!name.isEmpty() && !name.contains("*") && !name.contains("?") && !name.contains("$")
          && !name.startsWith("<<") && !name.equals(".") && !name.contains("://")) {
        layers.files.put(normalize(join(base, name)), added);
      }
    }
  }

  private static void checkRun(Run run, List<ShellCommand> commands, Layers layers, RuleContext context) {
    Map<String, Added> addedHere = new HashMap<>();
    Map<String, Added> filesHere = new HashMap<>();
    boolean changedDirectory = false;
    for (ShellCommand raw : commands) {
      ShellCommand command = raw.unwrapped();
      String manager = manager(command);
      if (command.is("cd") || command.is("pushd")) {
        changedDirectory = true;
      }
      if (manager != null && installs(command)) {
        for (Word word : packageWords(command)) {
          addedHere.put(manager + ":" + packageName(manager, word.value()), new Added(run, command.name()));
        }
        if (command.is("apk")) {
          Optional<String> virtual = virtualName(command);
          if (virtual.isPresent()) {
            addedHere.put("apk:" + virtual.get(), new Added(run, "apk"));
          }
        }
      } else if (manager != null && removes(command)) {
        for (Word word : packageWords(command)) {
          String key = manager + ":" + packageName(manager, word.value());
          Added earlier = layers.packages.get(key);
          if (earlier != null && !addedHere.containsKey(key)) {
            context.report(word.range(), "'" + command.name() + " " + command.subcommand().orElse("") + "' removes '"
                + word.value() + "' installed by the RUN on line " + earlier.instruction().range().startLine()
                + ", whose layer keeps it; install and remove it in the same RUN or use a multi-stage build");
            layers.packages.remove(key);
          }
        }
      } else if (command.is("rm")) {
        for (Word word : command.positionalArguments()) {
          String value = word.value();
          if (value.isEmpty() || word.expands() || value.contains("*") || value.contains("?")
              || !value.startsWith("/") && (changedDirectory || layers.workdir == null)) {
            continue;
          }
          String path = normalize(value.startsWith("/") ? value : join(layers.workdir, value));
          if (path.equals("/")) {
            continue;
          }
          String added = layers.files.firstAt(path, filesHere.keySet());
          if (added != null) {
            Added earlier = layers.files.get(added);
            context.report(word.range(), "'rm " + value + "' deletes " + describe(added, path) + " added by the "
                + earlier.what() + " on line " + earlier.instruction().range().startLine()
                + ", whose layer keeps it; create and delete it in the same RUN, use a bind mount, or use a "
                + "multi-stage build");
            layers.files.removeAt(path);
          }
        }
      } else {
        String output = downloadTarget(command);
        if (output != null && !output.contains("$")
            && (output.startsWith("/") || !changedDirectory && layers.workdir != null)) {
          String path = normalize(output.startsWith("/") ? output : join(layers.workdir, output));
          filesHere.put(path, new Added(run, "RUN"));
        }
      }
    }
    layers.packages.putAll(addedHere);
    for (Map.Entry<String, Added> entry : filesHere.entrySet()) {
      layers.files.put(entry.getKey(), entry.getValue());
    }
  }

  private static String describe(String added, String removed) {
    return added.equals(removed) ? "a file" : "'" + added + "'";
  }

  /** The package manager family of a command, or null. */
  static String manager(ShellCommand command) {
    return switch (command.name()) {
      case "apt-get", "apt", "aptitude" -> "apt";
      case "apk" -> "apk";
      case "pip", "pip3" -> "pip";
      case "yum", "dnf", "microdnf" -> "rpm";
      default -> command.name().startsWith("pip3.") ? "pip" : null;
    };
  }

  static boolean installs(ShellCommand command) {
    String sub = command.subcommand().orElse("");
    return command.is("apk") ? sub.equals("add") : sub.equals("install");
  }

  private static boolean removes(ShellCommand command) {
    String sub = command.subcommand().orElse("");
    return switch (manager(command)) {
      case "apt" -> sub.equals("purge") || sub.equals("remove") || sub.equals("autoremove");
      case "apk" -> sub.equals("del");
      case "pip" -> sub.equals("uninstall");
      default -> sub.equals("remove") || sub.equals("erase");
    };
  }

  /** The package words after the subcommand: flag values, files and URLs excluded. */
  static List<Word> packageWords(ShellCommand command) {
    List<Word> result = new ArrayList<>();
    List<Word> args = command.arguments();
    boolean seenSubcommand = false;
    boolean endOfFlags = false;
    for (int i = 0; i < args.size(); i++) {
      Word word = args.get(i);
      String v = word.value();
      if (!endOfFlags && v.equals("--") && !word.quoted()) {
        endOfFlags = true;
        continue;
      }
      if (!endOfFlags && word.isFlag()) {
        if (VALUE_FLAGS.contains(v)) {
          i++;
        }
        continue;
      }
      if (!seenSubcommand) {
        seenSubcommand = true;
        continue;
      }
      if (v.isEmpty() || word.expands() || v.startsWith("/") || v.equals(".") || v.startsWith("./")
          || v.startsWith("../") || v.startsWith(".[") || v.contains("://")
          || v.endsWith(".deb") || v.endsWith(".rpm") || v.endsWith(".whl") || v.endsWith(".tar.gz")) {
        continue;
      }
      result.add(word);
    }
    return result;
  }

  /** {@code apk add --virtual .build-deps ...}: the virtual package's name. */
  static java.util.Optional<String> virtualName(ShellCommand command) {
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals("--virtual") || v.equals("-t")) && i + 1 < args.size()) {
        return java.util.Optional.of(args.get(i + 1).value());
      }
      if (v.startsWith("--virtual=")) {
        return java.util.Optional.of(v.substring("--virtual=".length()));
      }
    }
    return java.util.Optional.empty();
  }

  /** A package word without its version: {@code curl=7.88*} and {@code requests==2.31} give the name. */
  static String packageName(String manager, String word) {
    int end = word.length();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean stop = switch (manager) {
        case "apt" -> c == '=' || c == ':' && i > 0;
        case "apk" -> c == '=' || c == '~' || c == '<' || c == '>' || c == '@';
        case "pip" -> c == '=' || c == '<' || c == '>' || c == '!' || c == '~' || c == '[' || c == ';' || c == '@';
        default -> false;
      };
      if (stop) {
        end = i;
        break;
      }
    }
    String name = word.substring(0, end);
    return manager.equals("pip") ? name.toLowerCase(java.util.Locale.ROOT).replace('_', '-') : name;
  }

  /** {@code curl -o PATH} / {@code wget -O PATH}: the file a download writes, or null. */
  private static String downloadTarget(ShellCommand command) {
    String flag = command.is("curl") ? "-o" : command.is("wget") ? "-O" : null;
    String longFlag = command.is("curl") ? "--output" : "--output-document";
    if (flag == null) {
      return null;
    }
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      Word word = args.get(i);
      String v = word.value();
      if (word.quoted() && !v.startsWith("-")) {
        continue;
      }
      if ((v.equals(flag) || v.equals(longFlag)) && i + 1 < args.size()) {
        String out = args.get(i + 1).value();
        return out.equals("-") ? null : out;
      }
      if (v.startsWith(longFlag + "=")) {
        return v.substring(longFlag.length() + 1);
      }
      if (v.startsWith(flag) && v.length() > 2) {
        return v.substring(2);
      }
    }
    return null;
  }

  private static String baseName(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash >= 0 ? p.substring(slash + 1) : p;
  }

  /** {@code name} in {@code dir}, or null when the directory is not known. */
  private static String resolve(String dir, String name) {
    return dir == null ? null : join(dir, name);
  }

  private static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /** Removes {@code .} segments, duplicate and trailing slashes; {@code ..} goes up. */
  private static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
