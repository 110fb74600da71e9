package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compilers and headers in the shipped image add size and attack surface and are rarely needed at
 * run time; a builder stage keeps them out.
 */
public final class BuildToolsInFinalStage implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("build-tools-in-final-stage", Severity.INFO,
      "The final stage installs build tools and does not remove them");
  private static final Set<String> TOOLS = Set.of(
      "build-essential", "build-base", "gcc", "g++", "gcc-c++", "make", "cmake", "clang", "git",
      "Development Tools", "@development-tools");
  /** Base images that are build environments by design (the official golang and python images use them). */
  private static final Set<String> BUILD_IMAGES = Set.of("buildpack-deps", "gcc");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    if (file.finalStage().isEmpty()) {
      return;
    }
    Stage last = file.finalStage().get();
    if (file.rootImage(last).isPresent() && BUILD_IMAGES.contains(file.rootImage(last).get().shortName())) {
      return; // built on an image made for building: the toolchain is the point
    }
    List<Stage> lineage = new ArrayList<>(file.lineage(last));
    java.util.Collections.reverse(lineage);
    List<List<ShellCommand>> runs = new ArrayList<>();
    int lastPhpExtensionBuild = -1;
    for (Stage stage : lineage) {
      for (Run run : stage.instructions(Run.class)) {
        if (run.command() instanceof ShellForm shell) {
          List<ShellCommand> commands = shell.script().commands();
          if (buildsPhpExtensions(commands)) {
            lastPhpExtensionBuild = runs.size();
          }
          runs.add(commands);
        }
      }
    }
    for (int k = 0; k < runs.size(); k++) {
      checkRun(runs.get(k), k <= lastPhpExtensionBuild, context);
    }
  }

  /**
   * The official php images' way to add an extension: {@code docker-php-ext-install},
   * {@code docker-php-ext-configure} or {@code pecl install} compile it against the headers of the
   * {@code *-dev} packages installed for it, whose dependencies are the libraries it loads at run
   * time; removing them (without the images' {@code apt-mark} dance) breaks the extension.
   */
  private static boolean buildsPhpExtensions(List<ShellCommand> commands) {
    for (ShellCommand raw : commands) {
      ShellCommand c = raw.unwrapped();
      if (c.is("docker-php-ext-install") || c.is("docker-php-ext-configure")
          || c.is("pecl") && c.subcommand().orElse("").equals("install")) {
        return true;
      }
    }
    return false;
  }

  private static void checkRun(List<ShellCommand> raw, boolean forPhpExtensions, RuleContext context) {
    List<ShellCommand> commands = new ArrayList<>(raw.size());
    for (ShellCommand command : raw) {
      commands.add(command.unwrapped());
    }
    Set<String> removed = new HashSet<>();
    boolean autoRemovesAll = false;
    boolean markedAuto = false;
    for (ShellCommand c : commands) {
      String manager = InstallThenRemove.manager(c);
      String sub = c.subcommand().orElse("");
      if (c.is("apt-mark") && sub.equals("auto")
          || c.is("xargs") && c.hasArgument("apt-mark") && c.hasArgument("auto")) {
        markedAuto = true;
      } else if ("apt".equals(manager) && (sub.equals("purge") || sub.equals("remove") || sub.equals("autoremove"))) {
        if (markedAuto && (sub.equals("autoremove") || c.hasFlag("--auto-remove") || c.hasFlag("--autoremove"))) {
          autoRemovesAll = true;
        }
        names(c, manager, removed);
      } else if ("apk".equals(manager) && sub.equals("del")) {
        names(c, manager, removed);
      } else if ("rpm".equals(manager) && (sub.equals("remove") || sub.equals("erase") || sub.equals("autoremove"))) {
        names(c, manager, removed);
      }
    }
    for (ShellCommand c : commands) {
      String manager = InstallThenRemove.manager(c);
      if (manager == null || manager.equals("pip") || !InstallThenRemove.installs(c)
          || manager.equals("apt") && autoRemovesAll) {
        continue;
      }
      String virtual = manager.equals("apk") ? InstallThenRemove.virtualName(c).orElse(null) : null;
      if (virtual != null && removed.contains(virtual)) {
        continue;
      }
      for (Word word : InstallThenRemove.packageWords(c)) {
        String name = InstallThenRemove.packageName(manager, word.value());
        if (forPhpExtensions && isHeaders(name)) {
          continue; // the headers a PHP extension is built against: their libraries stay needed
        }
        if (isBuildTool(name) && !removed.contains(name)) {
          context.report(word.range(), "'" + name + "' is a build tool installed in the final image and not removed "
              + "in the same RUN; build in an earlier stage and COPY --from it only what runs");
        }
      }
    }
  }

  private static void names(ShellCommand c, String manager, Set<String> into) {
    List<Word> positional = c.positionalArguments();
    for (Word w : positional.subList(Math.min(1, positional.size()), positional.size())) {
      into.add(InstallThenRemove.packageName(manager, w.value()));
    }
  }

  private static boolean isHeaders(String name) {
    return name.endsWith("-dev") || name.endsWith("-devel");
  }

  static boolean isBuildTool(String name) {
    return TOOLS.contains(name) || name.endsWith("-dev") || name.endsWith("-devel")
        || versioned(name, "gcc-") || versioned(name, "g++-") || versioned(name, "clang-");
  }

  /**
   * {@code prefix} and then a version number, such as {@code gcc-12}. Checked by hand: this runs
   * for every package a final stage installs, and {@code String.matches} compiles its pattern on
   * every call.
   */
  private static boolean versioned(String name, String prefix) {
    if (name.length() == prefix.length() || !name.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
