package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Separator;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * apt-get update, install and list cleanup belong in one RUN: an update in its own layer goes
 * stale in the cache, and lists left behind bloat the image.
 */
public final class AptCleanup implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("apt-cleanup", Severity.WARNING,
      "apt-get update, install and removal of the package lists must share one RUN", "DL3009")
      .fixable(Applicability.SAFE);
  private static final String LISTS = "/var/lib/apt/lists";
  /** Subcommands other than install that read the fresh index, so an update before them is used. */
  private static final java.util.Set<String> INDEX_READERS =
      java.util.Set.of("upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source", "download", "satisfy");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    // stage indices, not Stage records: a record's hash walks the whole stage, once per RUN
    Set<Integer> shipped = new HashSet<>();
    if (file.finalStage().isPresent()) {
      for (Stage stage : file.lineage(file.finalStage().get())) {
        shipped.add(stage.index());
      }
    }
    for (ShellRun run : file.shellRuns(true)) {
      check(file, run, shipped.contains(run.stage().index()), context);
    }
  }

  private static void check(Dockerfile file, ShellRun shellRun, boolean shipped, RuleContext context) {
    Run run = shellRun.run();
    List<ShellCommand> commands = shellRun.commands();
    ShellCommand firstInstall = null;
    int firstInstallAt = -1;
    ShellCommand firstUpdate = null;
    boolean updateBeforeInstall = false;
    boolean indexUsed = false;
    boolean listsRemoved = run.mountsCacheOn(LISTS) || run.mountsCacheOn("/var/lib/apt");
    for (int i = 0; i < commands.size(); i++) {
      ShellCommand raw = commands.get(i);
      ShellCommand command = raw.unwrapped();
      if (!command.is("apt-get") && !command.is("apt")) {
        if (command.is("rm") && removesLists(command)) {
          listsRemoved = true;
        }
        continue;
      }
      String sub = command.subcommand().orElse("");
      if (sub.equals("dist-clean")) {
        listsRemoved = true; // apt 2.7+: clean plus the package lists
      } else if (sub.equals("update") && firstUpdate == null) {
        firstUpdate = command;
      } else if (sub.equals("install") && firstInstall == null) {
        firstInstall = command;
        firstInstallAt = i;
        updateBeforeInstall = firstUpdate != null;
      } else if (INDEX_READERS.contains(sub)) {
        indexUsed = true;
      }
    }
    if (firstInstall != null && !updateBeforeInstall) {
      Edit update = updateBefore(commands, firstInstallAt);
      // the lists this update fetches must go too, or the fix would leave the other finding
      Edit append = shipped && !listsRemoved ? RunEdits.append(file, run, shellRun.script(), "rm -rf /var/lib/apt/lists/*")
          : null;
      Fix fix = update == null || shipped && !listsRemoved && append == null ? null
          : append == null ? Fix.safe("Run " + firstInstall.name() + " update first", update)
          : Fix.safe("Run " + firstInstall.name() + " update first and remove the lists", update, append);
      context.report(firstInstall.range(), "'" + firstInstall.name() + " install' without '" + firstInstall.name()
          + " update' earlier in the same RUN installs from a stale package index; run update && install together", fix);
    }
    if (firstUpdate != null && firstInstall == null && !indexUsed) {
      context.report(firstUpdate.range(), "'" + firstUpdate.name() + " update' in a RUN that installs nothing: "
          + "the cached index layer goes stale; update and install in the same RUN");
      return;
    }
    ShellCommand filler = firstInstall != null ? firstInstall : firstUpdate;
    if (filler != null && shipped && !listsRemoved) {
      String what = filler.name() + " " + (filler == firstInstall ? "install" : "update");
      context.report(filler.range(), "The package lists stay in the image after '" + what
          + "'; add 'rm -rf /var/lib/apt/lists/*' to the same RUN or use a cache mount on " + LISTS,
          fix(RunEdits.append(file, run, shellRun.script(), "rm -rf /var/lib/apt/lists/*")));
    }
  }

  /**
   * {@code apt-get update && } inserted before the install: only for a plain command (no wrapper
   * such as sudo, no leading assignments) that starts its list or follows {@code &&} or {@code ;},
   * where the update runs exactly when the install did.
   */
  private static Edit updateBefore(List<ShellCommand> commands, int index) {
    ShellCommand install = commands.get(index);
    if (install.unwrapped() != install || !install.assignments().isEmpty()) {
      return null;
    }
    for (int j = index - 1; j >= 0; j--) {
      ShellCommand before = commands.get(j);
      if (before.subshellDepth() > install.subshellDepth()) {
        continue; // a substitution inside an earlier command
      }
      if (before.subshellDepth() < install.subshellDepth() || before.separator() != Separator.AND
          && before.separator() != Separator.SEQUENCE) {
        return null;
      }
      break;
    }
    return Edit.insert(install.range().start(), install.name() + " update && ");
  }

  private static Fix fix(Edit append) {
    return append == null ? null : Fix.safe("Remove the package lists in the same RUN", append);
  }

  private static boolean removesLists(ShellCommand rm) {
    for (Word word : rm.positionalArguments()) {
      String path = word.value();
      while (path.endsWith("/*") || path.endsWith("/")) {
        path = path.substring(0, path.length() - (path.endsWith("/*") ? 2 : 1));
      }
      if (path.equals(LISTS) || path.equals("/var/lib/apt")) {
        return true;
      }
    }
    return false;
  }
}
