package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code npm install} in a project resolves version ranges again and may rewrite the lockfile;
 * {@code npm ci} installs exactly what package-lock.json says, or fails.
 */
public final class NpmCi implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("npm-ci", Severity.INFO,
      "npm install of a project's dependencies instead of npm ci").fixable(Applicability.UNSAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    // once per stage, not per RUN: a stage of many RUNs made this quadratic
    Map<Stage, Boolean> withoutLock = new HashMap<>();
    for (ShellRun run : file.shellRuns(true)) {
      Boolean stageWithoutLock = withoutLock.get(run.stage());
      if (stageWithoutLock == null) {
        stageWithoutLock = copiesManifestWithoutLock(file, run.stage());
        withoutLock.put(run.stage(), stageWithoutLock);
      }
      if (!run.onbuild() && stageWithoutLock) {
        continue;
      }
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.invoked();
        if (command == null || !command.is("npm")) {
          continue;
        }
        List<Word> positional = PackageManager.operands(command);
        if (positional.size() != 1) {
          continue; // no subcommand, or package names: not a project install
        }
        String sub = positional.get(0).value();
        if (!(sub.equals("install") || sub.equals("i") || sub.equals("isntall"))
            || command.hasAnyFlag("-g", "--global", "--package-lock-only", "--no-package-lock",
                "--package-lock=false")) {
          continue;
        }
        String ci = command.hasAnyFlag("--production", "--only=production", "--only=prod")
            ? "npm ci --omit=dev" : "npm ci";
        context.report(PackageManager.nameAndSubcommand(command), "'npm " + sub + "' may resolve other versions than "
            + "package-lock.json and rewrite it; use '" + ci + "' for a reproducible install",
            Fix.unsafe("Use npm ci", Edit.replace(positional.get(0).range(), "ci")));
      }
    }
  }

  /**
   * The stage (or a stage it is built on) copies package.json by name but no lockfile: without
   * package-lock.json or npm-shrinkwrap.json, npm ci cannot run.
   */
  private static boolean copiesManifestWithoutLock(Dockerfile file, Stage stage) {
    boolean manifest = false;
    boolean lock = false;
    for (Stage s : file.lineage(stage)) {
      for (FileTransfer copy : s.instructions(FileTransfer.class)) {
        for (Token source : copy.sources()) {
          String t = source.text();
          String base = t.substring(t.lastIndexOf('/') + 1);
          if (base.equals("package.json")) {
            manifest = true;
          } else if (base.equals("package-lock.json") || base.equals("npm-shrinkwrap.json")
              || base.contains("*") || base.contains("?") || base.contains("[") || base.equals(".")
              || base.isEmpty()) {
            lock = true;
          }
        }
      }
    }
    return manifest && !lock;
  }
}
