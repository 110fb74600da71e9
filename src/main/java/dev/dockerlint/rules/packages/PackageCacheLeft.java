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
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.List;
import java.util.Set;

/**
 * Package indexes and downloaded packages left in a layer are shipped with the image and never
 * used at run time. Clean them in the RUN that made them (a later RUN cannot shrink the layer), or
 * keep them out of the image with a cache mount.
 */
public final class PackageCacheLeft implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("package-cache-left", Severity.INFO,
      "A package manager leaves its cache in the image", "DL3019", "DL3032", "DL3036", "DL3040", "DL3060")
      .fixable(Applicability.SAFE);

  private static final Set<String> RPM_INSTALLING = Set.of("install", "groupinstall", "localinstall", "reinstall",
      "update", "upgrade", "in", "up", "upgrade-minimal", "up-min", "rei", "distro-sync", "downgrade");
  private static final List<String> RPM_CACHES =
      List.of("/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/tdnf");
  private static final String APK_CACHE = "/var/cache/apk";
  private static final String ZYPPER_CACHE = "/var/cache/zypp";
  private static final List<String> YARN_CACHES = List.of("/usr/local/share/.cache/yarn", "/root/.cache/yarn");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Set<Stage> shipped = file.shippedStages();
    for (ShellRun run : file.shellRuns(true)) {
      if (shipped.contains(run.stage())) {
        check(file, run.run(), run.script(), context);
      }
    }
  }

  private static void check(Dockerfile file, Run run, ShellScript script, RuleContext context) {
    List<ShellCommand> commands = script.commands();
    LastCleanups last = new LastCleanups(script);
    for (int i = 0; i < commands.size(); i++) {
      ShellCommand command = commands.get(i).invoked();
      if (command == null) {
        continue;
      }
      Word sub = PackageManager.subcommand(command);
      String s = sub == null ? "" : sub.value();
      switch (command.name()) {
        case "apk" -> {
          if (s.equals("add") && !command.hasFlag("--no-cache") && !apkCleaned(run, commands, i, last)) {
            context.reportAs(PackageManager.nameAndSubcommand(command), "'apk add' without --no-cache leaves the "
                + "package index in /var/cache/apk; use 'apk add --no-cache'",
                Fix.safe("Add --no-cache", RunEdits.after(sub, "--no-cache")), "DL3019");
          }
        }
        case "yum", "dnf", "microdnf", "tdnf" -> {
          if (RPM_INSTALLING.contains(s) && !rpmCleaned(run, commands, i, last)) {
            String alias = command.is("yum") ? "DL3032" : "DL3040";
            context.reportAs(PackageManager.nameAndSubcommand(command), "'" + command.name() + " " + s + "' leaves "
                + "metadata and packages in /var/cache; add '" + command.name() + " clean all' to the same RUN",
                appending(file, run, script, command.name() + " clean all"), alias);
          }
        }
        case "zypper" -> {
          if ((s.equals("install") || s.equals("in")) && !zypperCleaned(run, commands, i, last)) {
            context.reportAs(PackageManager.nameAndSubcommand(command), "'zypper " + s + "' leaves metadata in "
                + "/var/cache/zypp; add 'zypper clean --all' to the same RUN",
                appending(file, run, script, "zypper clean --all"), "DL3036");
          }
        }
        case "yarn" -> {
          if ((s.equals("install") || s.isEmpty() && command.arguments().isEmpty()) && !yarnCleaned(run, commands, i, last)) {
            context.reportAs(PackageManager.nameAndSubcommand(command), "'yarn" + (s.isEmpty() ? "" : " " + s)
                + "' leaves its package cache in the image; add 'yarn cache clean' to the same RUN",
                appending(file, run, script, "yarn cache clean"), "DL3060");
          }
        }
        default -> { }
      }
    }
  }

  /** The kinds of clean-up looked for after an install. */
  /** A fix appending the clean-up to the RUN, or null where it cannot be appended safely. */
  private static Fix appending(Dockerfile file, Run run, ShellScript script, String cleanup) {
    Edit append = RunEdits.append(file, run, script, cleanup);
    return append == null ? null : Fix.safe("Add '" + cleanup + "' to the RUN", append);
  }

  private enum Cleanup implements java.util.function.Predicate<ShellCommand> {
    APK, RPM, ZYPPER, YARN;

    @Override
    public boolean test(ShellCommand c) {
      return switch (this) {
        case APK -> cleansApk(c);
        case RPM -> cleansRpm(c);
        case ZYPPER -> cleansZypper(c);
        case YARN -> cleansYarn(c);
      };
    }
  }

  /** The index of each kind of clean-up's last command in one RUN, found on first use. */
  private static final class LastCleanups {
    private final ShellScript script;
    // each kind of clean-up is looked for once per RUN, when an install needs it
    private final int[] last = {ShellScript.NOT_SEARCHED, ShellScript.NOT_SEARCHED, ShellScript.NOT_SEARCHED,
        ShellScript.NOT_SEARCHED};

    LastCleanups(ShellScript script) {
      this.script = script;
    }

    int of(Cleanup kind) {
      if (last[kind.ordinal()] == ShellScript.NOT_SEARCHED) {
        last[kind.ordinal()] = script.lastIndexOf(kind);
      }
      return last[kind.ordinal()];
    }
  }

  private static boolean apkCleaned(Run run, List<ShellCommand> commands, int index, LastCleanups last) {
    return run.mountsCacheOn(APK_CACHE) || run.mountsCacheOn("/etc/apk/cache") || last.of(Cleanup.APK) > index;
  }

  private static boolean cleansApk(ShellCommand c) {
    return c.removes(APK_CACHE)
        || c.is("apk") && c.subcommand().orElse("").equals("cache") && c.hasArgument("clean");
  }

  private static boolean rpmCleaned(Run run, List<ShellCommand> commands, int index, LastCleanups last) {
    for (String cache : RPM_CACHES) {
      if (run.mountsCacheOn(cache)) {
        return true;
      }
    }
    return last.of(Cleanup.RPM) > index;
  }

  private static boolean cleansRpm(ShellCommand c) {
    boolean rpmTool = c.is("yum") || c.is("dnf") || c.is("microdnf") || c.is("tdnf");
    if (rpmTool && c.subcommand().orElse("").equals("clean")
        && (c.hasArgument("all") || c.hasArgument("packages") && c.hasArgument("metadata"))) {
      return true;
    }
    for (String cache : RPM_CACHES) {
      if (c.removes(cache)) {
        return true;
      }
    }
    return false;
  }

  private static boolean zypperCleaned(Run run, List<ShellCommand> commands, int index, LastCleanups last) {
    return run.mountsCacheOn(ZYPPER_CACHE) || last.of(Cleanup.ZYPPER) > index;
  }

  private static boolean cleansZypper(ShellCommand c) {
    String s = c.subcommand().orElse("");
    return c.is("zypper") && (s.equals("clean") || s.equals("cc")) || c.removes(ZYPPER_CACHE);
  }

  private static boolean yarnCleaned(Run run, List<ShellCommand> commands, int index, LastCleanups last) {
    return run.mountsCacheEndingWith(".cache/yarn", ".yarn/berry/cache", ".yarn-cache")
        || commands.get(index).unwrapped().hasFlag("--cache-folder") || last.of(Cleanup.YARN) > index;
  }

  private static boolean cleansYarn(ShellCommand c) {
    if (c.is("yarn") && c.subcommand().orElse("").equals("cache") && c.hasArgument("clean")) {
      return true;
    }
    for (String cache : YARN_CACHES) {
      if (c.removes(cache)) {
        return true;
      }
    }
    if (c.is("rm")) {
      for (Word w : c.positionalArguments()) {
        String p = Word.normalizePath(w.value());
        if (p.endsWith("/.cache/yarn") || p.endsWith("/.cache") || p.contains("yarn cache dir")) {
          return true;
        }
      }
    }
    return false;
  }
}
