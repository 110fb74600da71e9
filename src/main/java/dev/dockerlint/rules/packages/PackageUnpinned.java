package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.Apt;
import dev.dockerlint.shell.pkg.PackageManager;
import dev.dockerlint.shell.pkg.Pip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
  /** Compiled once: {@code String.split} with a pattern compiles it on every call. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      Scope scope = file.scopeAt(run.run());
      List<ShellCommand> commands = run.commands();
      Removals removals = new Removals(run.script());
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand command = commands.get(i).invoked();
        if (command != null) {
          check(command, removals, i, scope, context);
        }
      }
    }
  }

  private static void check(ShellCommand command, Removals removals, int index, Scope scope, RuleContext context) {
    String name = command.name();
    int pipInstall = Pip.installIndex(command, true);
    if (pipInstall >= 0) {
      checkPip(command, pipInstall, scope, context);
      return;
    }
    if (!MANAGERS.contains(name)) {
      return;
    }
    List<Word> positional = PackageManager.operands(command);
    if (positional.isEmpty()) {
      return;
    }
    String sub = positional.get(0).value();
    List<Word> packages = positional.subList(1, positional.size());
    switch (name) {
      case "apt-get", "apt" -> {
        if (sub.equals("install") && !Apt.simulates(command) && !removals.autoRemovedAfter(index)) {
          report(packages, scope, removals, index, Pin.APT, "=<version>", "DL3008", context);
        }
      }
      case "apk" -> {
        if (sub.equals("add") && !virtualRemovedLater(command, removals, index)) {
          report(packages, scope, removals, index, Pin.APK, "=<version>", "DL3018", context);
        }
      }
      case "yum", "dnf", "microdnf", "tdnf" -> {
        String alias = name.equals("yum") ? "DL3033" : "DL3041";
        if (sub.equals("install") || sub.equals("in")) {
          report(packages, scope, removals, index, Pin.RPM, "-<version>", alias, context);
        } else if (sub.equals("module") && packages.size() > 1 && packages.get(0).value().equals("install")) {
          report(packages.subList(1, packages.size()), scope, null, index, Pin.RPM_MODULE, ":<stream>", alias, context);
        }
      }
      case "zypper" -> {
        if ((sub.equals("install") || sub.equals("in")) && !command.hasAnyFlag("-t", "--type")) {
          report(packages, scope, removals, index, Pin.ZYPPER, "=<version>", "DL3037", context);
        }
      }
      case "npm" -> {
        if (sub.equals("install") || sub.equals("i") || sub.equals("add")) {
          report(packages, scope, null, index, Pin.NPM, "@<version>", "DL3016", context);
        }
      }
      case "gem" -> {
        if ((sub.equals("install") || sub.equals("i")) && !command.hasAnyFlag("-v", "--version")) {
          report(packages, scope, null, index, Pin.GEM, ":<version>", "DL3028", context);
        }
      }
      case "go" -> {
        if (sub.equals("install") || sub.equals("get")) {
          report(packages, scope, null, index, Pin.GO, "@v<version>", "DL3062", context);
        } else if (sub.equals("run") && !packages.isEmpty()) {
          // go run pkg@version args...: only the first operand is a package, the rest its arguments
          report(packages.subList(0, 1), scope, null, index, Pin.GO, "@v<version>", "DL3062", context);
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
    List<Word> packages = ShellCommand.positional(after, PackageManager.PIP.valueFlags());
    report(packages, scope, null, -1, Pin.PIP, "==<version>", "DL3013", context);
  }

  /**
   * How each package manager writes a pinned package. An enum, not lambdas: linking lambdas costs
   * start-up time that the class-data archive does not save.
   */
  private enum Pin {
    APT, APK, RPM, RPM_MODULE, ZYPPER, NPM, GEM, GO, PIP;

    boolean test(String w) {
      return switch (this) {
        case APT -> w.contains("=") || w.contains("/") || w.endsWith(".deb");
        case APK -> w.contains("=") || w.contains("~") || w.contains("<") || w.contains(">") || w.contains("/")
            || w.endsWith(".apk");
        case RPM -> rpmPinned(w);
        case RPM_MODULE -> w.contains(":") || w.contains("/");
        case ZYPPER -> w.contains("=") || w.contains("<") || w.contains(">") || w.contains("/") || w.endsWith(".rpm");
        case NPM -> npmPinned(w);
        case GEM -> w.contains(":") || w.contains("/") || w.endsWith(".gem");
        case GO -> goPinned(w);
        case PIP -> pipPinned(w);
      };
    }
  }

  /** @param removals what the RUN removes after command {@code index}, or null when removals do not matter */
  private static void report(List<Word> packages, Scope scope, Removals removals, int index, Pin pinned, String pinForm,
      String alias, RuleContext context) {
    for (Word word : packages) {
      List<String> values = resolve(word, scope);
      if (values == null) {
        continue; // a variable we cannot see: judge nothing rather than guess
      }
      for (String value : values) {
        if (value.isEmpty() || value.startsWith("-") || value.startsWith(".") && !value.contains("/")
            && !alias.equals("DL3013") || value.startsWith("@") && !alias.equals("DL3016")
            || removals != null && removals.removedAfter(value, index) || pinned.test(value)) {
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
      if (!scope.hasValue(ref)) {
        return null;
      }
    }
    List<String> values = new ArrayList<>();
    for (String part : WHITESPACE.split(e.value().strip())) {
      if (!part.isEmpty()) {
        values.add(part);
      }
    }
    return values;
  }

  /** The package managers whose installs this rule reads (pip is found by pipInstallIndex). */
  private static final Set<String> MANAGERS =
      Set.of("apt-get", "apt", "apk", "yum", "dnf", "microdnf", "tdnf", "zypper", "npm", "gem", "go");

  /**
   * What the commands of one RUN remove again (build dependencies), found with one scan when an
   * install first asks: a scan of the later commands for each install was quadratic in a long RUN.
   */
  private static final class Removals {
    private final ShellScript script;
    private final List<ShellCommand> commands;
    /** Each removed name, with the index of the last command that removes it. */
    private Map<String, Integer> lastRemoval;
    /** The last {@code apt-mark auto} with an autoremove after it (-1 for none), once looked for. */
    private int lastMarkBeforeAutoremove = ShellScript.NOT_SEARCHED;

    Removals(ShellScript script) {
      this.script = script;
      this.commands = script.commands();
    }

    /** Whether a command after {@code index} removes {@code name}. */
    boolean removedAfter(String name, int index) {
      if (lastRemoval == null) {
        lastRemoval = new HashMap<>();
        for (int j = 0; j < commands.size(); j++) {
          ShellCommand c = commands.get(j).unwrapped();
          if (isRemoval(c)) {
            for (Word w : c.positionalArguments()) {
              lastRemoval.put(w.value(), j);
            }
          }
        }
      }
      return lastRemoval.getOrDefault(name, -1) > index;
    }

    /**
     * The build-dependency pattern of official images: {@code apt-mark auto '.*'} then
     * {@code apt-get purge --auto-remove} later in the RUN removes what this install added.
     * That holds after {@code index} when the last mark that has an autoremove after it is after it.
     */
    boolean autoRemovedAfter(int index) {
      if (lastMarkBeforeAutoremove == ShellScript.NOT_SEARCHED) {
        int lastAutoremove = script.lastIndexOf(AUTOREMOVE);
        lastMarkBeforeAutoremove = -1;
        for (int j = lastAutoremove - 1; j >= 0; j--) {
          ShellCommand c = commands.get(j).unwrapped();
          if (c.is("apt-mark") && c.subcommand().orElse("").equals("auto")) {
            lastMarkBeforeAutoremove = j;
            break;
          }
        }
      }
      return lastMarkBeforeAutoremove > index;
    }

    private static boolean isRemoval(ShellCommand c) {
      String sub = c.subcommand().orElse("");
      return (c.is("apt-get") || c.is("apt")) && (sub.equals("purge") || sub.equals("remove"))
          || c.is("apk") && sub.equals("del")
          || (c.is("yum") || c.is("dnf") || c.is("microdnf") || c.is("tdnf")) && (sub.equals("remove")
              || sub.equals("erase") || sub.equals("autoremove"))
          || c.is("zypper") && (sub.equals("remove") || sub.equals("rm"));
    }

    /** {@code apt-get autoremove}, or a purge or remove with {@code --auto-remove}. */
    private static final java.util.function.Predicate<ShellCommand> AUTOREMOVE =
        new java.util.function.Predicate<>() {
          @Override
          public boolean test(ShellCommand c) {
            String sub = c.subcommand().orElse("");
            return (c.is("apt-get") || c.is("apt")) && (sub.equals("autoremove")
                || (sub.equals("purge") || sub.equals("remove")) && c.hasAnyFlag("--auto-remove", "--autoremove"));
          }
        };
  }

  /** {@code apk add --virtual .build-deps ...} whose virtual package a later {@code apk del} removes. */
  private static boolean virtualRemovedLater(ShellCommand add, Removals removals, int index) {
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
    return virtual != null && removals.removedAfter(virtual, index);
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
    if (isVcsUrl(word)) {
      return vcsRefPinned(word);
    }
    if (word.contains("==") || word.contains(">=") || word.contains("<=") || word.contains("~=")
        || word.contains("!=") || word.contains("<") || word.contains(">") || word.contains("@")) {
      return !word.endsWith("@latest");
    }
    // paths, URLs, archives and wheels are not index packages
    return word.contains("/") || word.endsWith(".whl") || word.endsWith(".tar.gz") || word.endsWith(".zip")
        || word.startsWith(".");
  }

  /** pip's VCS requirements: {@code git+https://...}, {@code hg+...}, {@code svn+...}, {@code bzr+...}. */
  private static boolean isVcsUrl(String word) {
    int at = word.indexOf(" @ ");
    String url = at >= 0 ? word.substring(at + 3) : word;
    return url.startsWith("git+") || url.startsWith("hg+") || url.startsWith("svn+") || url.startsWith("bzr+");
  }

  /**
   * A VCS URL names a revision after {@code @} in its path ({@code git+https://host/repo.git@v1.2#egg=x});
   * the {@code @} of {@code git@host} names a user, not a revision, and a branch that moves pins nothing.
   */
  private static boolean vcsRefPinned(String word) {
    String url = word;
    int hash = url.indexOf('#');
    if (hash >= 0) {
      url = url.substring(0, hash);
    }
    int scheme = url.indexOf("://");
    int pathStart = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    int at = pathStart < 0 ? -1 : url.lastIndexOf('@');
    if (at <= pathStart) {
      return false;
    }
    String ref = url.substring(at + 1);
    return !ref.isEmpty() && !MOVING.contains(ref);
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
    if (word.startsWith(".") || word.startsWith("/") || word.endsWith(".go")) {
      return true;
    }
    int at = word.lastIndexOf('@');
    return at > 0 && !MOVING.contains(word.substring(at + 1)) && !word.endsWith("@none");
  }
}
