package dev.dockerlint.rules;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An unpinned package is whatever the repository serves on the day of the build: two builds of the
 * same Dockerfile differ, and a cached layer hides the difference until the cache is dropped.
 */
public final class PackageUnpinned implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("package-unpinned", Severity.INFO,
      "A package is installed without a pinned version",
      "DL3008", "DL3013", "DL3016", "DL3018", "DL3028", "DL3033", "DL3037", "DL3041", "DL3062");

  /** Tags and branches that move: pinning to them pins nothing. */
  private static final Set<String> MOVING = Set.of("latest", "next", "master", "main", "head", "HEAD");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (RunScripts.ShellRun run : RunScripts.shellRuns(file, true)) {
      Scope scope = file.scopeAt(run.run());
      List<ShellCommand> commands = run.commands();
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand command = RunScripts.invoked(commands.get(i));
        if (command != null) {
          check(command, commands, i, scope, context);
        }
      }
    }
  }

  private static void check(ShellCommand command, List<ShellCommand> commands, int index, Scope scope,
      RuleContext context) {
    String name = command.name();
    int pipInstall = RunScripts.pipInstallIndex(command, true);
    if (pipInstall >= 0) {
      checkPip(command, pipInstall, scope, context);
      return;
    }
    List<Word> positional = RunScripts.positional(command);
    if (positional.isEmpty()) {
      return;
    }
    String sub = positional.get(0).value();
    List<Word> packages = positional.subList(1, positional.size());
    switch (name) {
      case "apt-get", "apt" -> {
        if (sub.equals("install") && !RunScripts.aptSimulates(command) && !autoRemovedLater(commands, index)) {
          Set<String> removed = removedLater(commands, index);
          report(packages, scope, removed, w -> w.contains("=") || w.contains("/") || w.endsWith(".deb"),
              "=<version>", "DL3008", context);
        }
      }
      case "apk" -> {
        if (sub.equals("add") && !virtualRemovedLater(command, commands, index)) {
          report(packages, scope, removedLater(commands, index),
              w -> w.contains("=") || w.contains("~") || w.contains("<") || w.contains(">") || w.contains("/")
                  || w.endsWith(".apk"), "=<version>", "DL3018", context);
        }
      }
      case "yum", "dnf", "microdnf", "tdnf" -> {
        String alias = name.equals("yum") ? "DL3033" : "DL3041";
        if (sub.equals("install") || sub.equals("in")) {
          report(packages, scope, removedLater(commands, index), PackageUnpinned::rpmPinned, "-<version>", alias,
              context);
        } else if (sub.equals("module") && packages.size() > 1 && packages.get(0).value().equals("install")) {
          report(packages.subList(1, packages.size()), scope, Set.of(), w -> w.contains(":") || w.contains("/"),
              ":<stream>", alias, context);
        }
      }
      case "zypper" -> {
        if ((sub.equals("install") || sub.equals("in")) && !command.hasAnyFlag("-t", "--type")) {
          report(packages, scope, removedLater(commands, index),
              w -> w.contains("=") || w.contains("<") || w.contains(">") || w.contains("/") || w.endsWith(".rpm"),
              "=<version>", "DL3037", context);
        }
      }
      case "npm" -> {
        if (sub.equals("install") || sub.equals("i") || sub.equals("add")) {
          report(packages, scope, Set.of(), PackageUnpinned::npmPinned, "@<version>", "DL3016", context);
        }
      }
      case "gem" -> {
        if ((sub.equals("install") || sub.equals("i")) && !command.hasAnyFlag("-v", "--version")) {
          report(packages, scope, Set.of(), w -> w.contains(":") || w.contains("/") || w.endsWith(".gem"),
              ":<version>", "DL3028", context);
        }
      }
      case "go" -> {
        if (sub.equals("install") || sub.equals("get")) {
          report(packages, scope, Set.of(), PackageUnpinned::goPinned, "@v<version>", "DL3062", context);
        }
      }
      default -> { }
    }
  }

  private static void checkPip(ShellCommand command, int installIndex, Scope scope, RuleContext context) {
    if (command.hasAnyFlag("-r", "--requirement", "-c", "--constraint")) {
      return; // versions come from the requirements or constraints file
    }
    List<Word> words = command.words();
    List<Word> after = words.subList(installIndex + 1, words.size());
    List<Word> packages = RunScripts.positional(after, pipValueFlags(command));
    report(packages, scope, Set.of(), PackageUnpinned::pipPinned, "==<version>", "DL3013", context);
  }

  private static Set<String> pipValueFlags(ShellCommand command) {
    return RunScripts.valueFlags("pip");
  }

  interface Pinned {
    boolean test(String word);
  }

  private static void report(List<Word> packages, Scope scope, Set<String> removed, Pinned pinned, String pinForm,
      String alias, RuleContext context) {
    for (Word word : packages) {
      List<String> values = resolve(word, scope);
      if (values == null) {
        continue; // a variable we cannot see: judge nothing rather than guess
      }
      for (String value : values) {
        if (value.isEmpty() || value.startsWith("-") || value.startsWith(".") && !value.contains("/")
            && !alias.equals("DL3013") || value.startsWith("@") && !alias.equals("DL3016")
            || removed.contains(value) || pinned.test(value)) {
          continue;
        }
        context.reportAs(word.range(), "'" + value + "' is installed without a pinned version; pin it ("
            + example(value, pinForm) + ") so rebuilds install the same thing", alias);
        break;
      }
    }
  }

  private static String example(String value, String pinForm) {
    if (pinForm.equals("@v<version>")) {
      int at = value.indexOf('@');
      return (at > 0 ? value.substring(0, at) : value) + "@v<version>";
    }
    if (pinForm.equals("@<version>")) {
      int at = value.indexOf('@', 1);
      return (at > 0 ? value.substring(0, at) : value) + "@<version>";
    }
    return value + pinForm;
  }

  /** The word's value, with ARG/ENV values filled in and split into words; null when unknown. */
  private static List<String> resolve(Word word, Scope scope) {
    if (!word.expands()) {
      return List.of(word.value());
    }
    if (word.raw().contains("$(") || word.raw().contains("`")) {
      return null;
    }
    Expansion e = scope.expand(word.raw());
    for (String ref : e.references()) {
      if (scope.get(ref).map(v -> v.value() == null).orElse(true)) {
        return null;
      }
    }
    List<String> values = new ArrayList<>();
    for (String part : e.value().strip().split("\\s+")) {
      if (!part.isEmpty()) {
        values.add(part);
      }
    }
    return values;
  }

  /** Names a later command of the same RUN removes again (build dependencies). */
  private static Set<String> removedLater(List<ShellCommand> commands, int index) {
    Set<String> removed = new HashSet<>();
    for (int j = index + 1; j < commands.size(); j++) {
      ShellCommand c = commands.get(j).unwrapped();
      String sub = c.subcommand().orElse("");
      boolean removal = (c.is("apt-get") || c.is("apt")) && (sub.equals("purge") || sub.equals("remove"))
          || c.is("apk") && sub.equals("del")
          || (c.is("yum") || c.is("dnf") || c.is("microdnf") || c.is("tdnf")) && (sub.equals("remove")
              || sub.equals("erase") || sub.equals("autoremove"))
          || c.is("zypper") && (sub.equals("remove") || sub.equals("rm"));
      if (removal) {
        for (Word w : c.positionalArguments()) {
          removed.add(w.value());
        }
      }
    }
    return removed;
  }

  /**
   * The build-dependency pattern of official images: {@code apt-mark auto '.*'} then
   * {@code apt-get purge --auto-remove} later in the RUN removes what this install added.
   */
  private static boolean autoRemovedLater(List<ShellCommand> commands, int index) {
    boolean marked = false;
    for (int j = index + 1; j < commands.size(); j++) {
      ShellCommand c = commands.get(j).unwrapped();
      String sub = c.subcommand().orElse("");
      if (c.is("apt-mark") && sub.equals("auto")) {
        marked = true;
      } else if (marked && (c.is("apt-get") || c.is("apt"))
          && (sub.equals("autoremove") || (sub.equals("purge") || sub.equals("remove"))
              && c.hasAnyFlag("--auto-remove", "--autoremove"))) {
        return true;
      }
    }
    return false;
  }

  /** {@code apk add --virtual .build-deps gcc ... && apk del .build-deps}: the group is gone by the end. */
  private static boolean virtualRemovedLater(ShellCommand add, List<ShellCommand> commands, int index) {
    List<Word> args = add.arguments();
    String virtual = null;
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals("-t") || v.equals("--virtual")) && i + 1 < args.size()) {
        virtual = args.get(i + 1).value();
      } else if (v.startsWith("--virtual=")) {
        virtual = v.substring("--virtual=".length());
      }
    }
    return virtual != null && removedLater(commands, index).contains(virtual);
  }

  /** {@code name-1.2}, {@code name-1.2-3.el9}, {@code openssl-1:1.1.1k}: the last dash part starts with a digit. */
  private static boolean rpmPinned(String word) {
    if (word.contains("/") || word.endsWith(".rpm")) {
      return true;
    }
    int dash = word.lastIndexOf('-');
    return dash > 0 && dash + 1 < word.length() && Character.isDigit(word.charAt(dash + 1));
  }

  private static boolean pipPinned(String word) {
    if (word.contains("==") || word.contains(">=") || word.contains("<=") || word.contains("~=")
        || word.contains("!=") || word.contains("<") || word.contains(">") || word.contains("@")) {
      return !word.endsWith("@latest");
    }
    // paths, URLs, archives and wheels are not index packages
    return word.contains("/") || word.endsWith(".whl") || word.endsWith(".tar.gz") || word.endsWith(".zip")
        || word.startsWith(".");
  }

  private static boolean npmPinned(String word) {
    if (word.startsWith(".") || word.startsWith("/") || word.startsWith("~/") || word.endsWith(".tgz")
        || word.endsWith(".tar.gz") || word.endsWith(".tar")) {
      return true;
    }
    if (word.contains("://") || word.startsWith("git+") || word.startsWith("github:")) {
      return word.contains("#");
    }
    int at = word.indexOf('@', 1);
    if (at < 0) {
      return !word.startsWith("@") && word.contains("/") && !word.contains("@"); // user/repo GitHub shorthand
    }
    return !MOVING.contains(word.substring(at + 1));
  }

  private static boolean goPinned(String word) {
    if (word.startsWith(".") || word.startsWith("/")) {
      return true;
    }
    int at = word.lastIndexOf('@');
    return at > 0 && !MOVING.contains(word.substring(at + 1)) && !word.endsWith("@none");
  }
}
