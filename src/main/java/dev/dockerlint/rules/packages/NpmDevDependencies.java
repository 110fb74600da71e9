package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code npm ci} installs devDependencies too: test runners, bundlers, linters and type checkers
 * end up in the shipped image, with their size and their vulnerabilities.
 */
public final class NpmDevDependencies implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("npm-dev-dependencies", Severity.INFO,
      "The final stage installs npm devDependencies");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Optional<Stage> last = file.finalStage();
    if (last.isEmpty()) {
      return;
    }
    List<Stage> chain = new ArrayList<>(file.lineage(last.get()));
    Collections.reverse(chain); // in build order
    List<Run> runs = new ArrayList<>();
    for (Stage stage : chain) {
      for (Run run : stage.instructions(Run.class)) {
        if (run.command() instanceof ShellForm) {
          runs.add(run);
        }
      }
    }
    // where the last prune of dev dependencies is: an install before it is pruned later
    int lastPruneRun = -1;
    int lastPruneCommand = -1;
    for (int r = 0; r < runs.size(); r++) {
      List<ShellCommand> commands = ((ShellForm) runs.get(r).command()).script().commands();
      for (int i = 0; i < commands.size(); i++) {
        if (prunesDev(commands.get(i).invoked())) {
          lastPruneRun = r;
          lastPruneCommand = i;
        }
      }
    }
    for (int r = 0; r < runs.size(); r++) {
      Run run = runs.get(r);
      Scope scope = file.scopeAt(run);
      List<ShellCommand> commands = ((ShellForm) run.command()).script().commands();
      boolean exported = false;
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand raw = commands.get(i);
        exported |= exportsProduction(raw);
        ShellCommand npm = raw.invoked();
        boolean prunedLater = r < lastPruneRun || r == lastPruneRun && i < lastPruneCommand;
        if (npm == null || !npm.is("npm") || !installsProject(npm) || omitsDev(npm) || productionEnv(raw, scope)
            || exported || prunedLater) {
          continue;
        }
        String sub = PackageManager.subcommand(npm).value();
        context.report(PackageManager.nameAndSubcommand(npm), "'npm " + sub + "' in the final stage installs "
            + "devDependencies too (test runners, bundlers, type checkers), which then ship in the image; use 'npm "
            + sub + " --omit=dev', or build in an earlier stage (or run npm prune "
            + "--omit=dev after the build)");
      }
    }
  }

  /** {@code npm ci} or {@code npm install} of the project: no package names, not global. */
  private static boolean installsProject(ShellCommand npm) {
    List<Word> operands = PackageManager.operands(npm);
    if (operands.size() != 1) {
      return false;
    }
    String sub = operands.get(0).value();
    return (sub.equals("ci") || sub.equals("install") || sub.equals("i") || sub.equals("isntall")
        || sub.equals("clean-install")) && !npm.hasAnyFlag("-g", "--global");
  }

  /** {@code --omit=dev}, {@code --omit dev}, {@code --production}, {@code --only=prod[uction]}. */
  private static boolean omitsDev(ShellCommand npm) {
    List<Word> args = npm.arguments();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if (v.equals("--omit=dev") || v.equals("--production") || v.equals("--production=true")
          || v.equals("--only=prod") || v.equals("--only=production")
          || (v.equals("--omit") || v.equals("--only")) && i + 1 < args.size()
              && args.get(i + 1).value().startsWith("prod")
          || v.equals("--omit") && i + 1 < args.size() && args.get(i + 1).value().equals("dev")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code NODE_ENV=production} (npm then omits dev by default), {@code NPM_CONFIG_PRODUCTION=true}
   * or {@code NPM_CONFIG_OMIT=dev}, from ENV/ARG or as the command's assignment.
   */
  private static boolean productionEnv(ShellCommand raw, Scope scope) {
    for (Word word : raw.assignments()) {
      if (isProduction(word.value())) {
        return true;
      }
    }
    for (Word word : raw.words()) {
      if (isProduction(word.value())) {
        return true; // env NODE_ENV=production npm ci
      }
    }
    for (String name : new String[] {"NODE_ENV", "NPM_CONFIG_PRODUCTION", "npm_config_production", "NPM_CONFIG_OMIT",
        "npm_config_omit"}) {
      Optional<Variable> variable = scope.get(name);
      if (variable.isPresent() && variable.get().value() != null && isProduction(name + "=" + variable.get().value())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProduction(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    String name = assignment.substring(0, eq).toUpperCase(Locale.ROOT);
    String value = assignment.substring(eq + 1).replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    return name.equals("NODE_ENV") && value.equals("production")
        || name.equals("NPM_CONFIG_PRODUCTION") && value.equals("true")
        || name.equals("NPM_CONFIG_OMIT") && value.contains("dev");
  }

  /** {@code export NODE_ENV=production} or a bare {@code NODE_ENV=production}. */
  private static boolean exportsProduction(ShellCommand command) {
    if (!command.is("export") && !command.words().isEmpty()) {
      return false;
    }
    List<Word> words = command.is("export") ? command.arguments() : command.assignments();
    for (Word word : words) {
      if (isProduction(word.value())) {
        return true;
      }
    }
    return false;
  }

  /** {@code npm prune --omit=dev} or {@code npm prune --production}. */
  private static boolean prunesDev(ShellCommand command) {
    return command != null && command.is("npm") && PackageManager.subcommand(command) != null
        && PackageManager.subcommand(command).value().equals("prune") && omitsDev(command);
  }
}
