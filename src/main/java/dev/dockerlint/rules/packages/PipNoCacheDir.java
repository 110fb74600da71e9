package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.Pip;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * pip keeps every wheel it downloads or builds in {@code ~/.cache/pip}. In an image that cache is
 * tens to hundreds of megabytes nobody reads again.
 */
public final class PipNoCacheDir implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("pip-no-cache-dir", Severity.INFO,
      "pip install keeps its download cache in the image", "DL3042").fixable(Applicability.SAFE);

  /** Values pip accepts for PIP_NO_CACHE_DIR; every one of them, even "0" or "false", turns the cache off. */
  private static final Set<String> PIP_BOOLEANS =
      Set.of("y", "yes", "t", "true", "on", "1", "n", "no", "f", "false", "off", "0");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Set<Stage> shipped = file.shippedStages();
    for (ShellRun run : file.shellRuns(true)) {
      if (!shipped.contains(run.stage()) || cacheOff(file.scopeAt(run.run()).get("PIP_NO_CACHE_DIR"))
          || cacheMounted(run.run())) {
        continue;
      }
      List<ShellCommand> commands = run.commands();
      int lastCacheRemoval = ShellScript.NOT_SEARCHED; // looked for once, when an install needs it
      boolean exported = false;
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand raw = commands.get(i);
        exported |= exportsNoCache(raw);
        ShellCommand command = raw.invoked();
        if (command == null || exported || setsNoCache(raw.assignments()) || setsNoCache(raw.words())) {
          continue;
        }
        int install = Pip.installIndex(command, false);
        if (install < 0 || Pip.hasInstallOption(command, "--no-cache-dir")) {
          continue;
        }
        if (lastCacheRemoval == ShellScript.NOT_SEARCHED) {
          lastCacheRemoval = run.script().lastIndexOf(REMOVES_CACHE);
        }
        if (lastCacheRemoval > i) {
          continue; // the cache is removed later in the RUN
        }
        Word installWord = command.words().get(install);
        context.report(command.words().get(0).range().union(installWord.range()), "'" + command.name()
            + " install' keeps downloaded packages in ~/.cache/pip inside the image; add --no-cache-dir or set "
            + "ENV PIP_NO_CACHE_DIR=1", Fix.safe("Add --no-cache-dir", RunEdits.after(installWord, "--no-cache-dir")));
      }
    }
  }

  private static boolean cacheOff(Optional<Variable> variable) {
    return variable.isPresent() && variable.get().value() != null
        && PIP_BOOLEANS.contains(variable.get().value().strip().toLowerCase(Locale.ROOT));
  }

  private static boolean cacheMounted(Run run) {
    return run.mountsCacheOn("/root/.cache/pip") || run.mountsCacheOn("/root/.cache")
        || run.mountsCacheEndingWith(".cache/pip", ".cache");
  }

  /** {@code export PIP_NO_CACHE_DIR=1} earlier in the RUN. */
  private static boolean exportsNoCache(ShellCommand command) {
    return command.is("export") && setsNoCache(command.arguments());
  }

  /** {@code PIP_NO_CACHE_DIR=1 pip install x}, {@code env PIP_NO_CACHE_DIR=1 pip install x}. */
  private static boolean setsNoCache(List<Word> words) {
    for (Word w : words) {
      String v = w.value();
      if (v.startsWith("PIP_NO_CACHE_DIR=")
          && PIP_BOOLEANS.contains(v.substring("PIP_NO_CACHE_DIR=".length()).strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** {@code rm -rf /root/.cache/pip} (or {@code ~/.cache}), or {@code pip cache purge}. */
  private static final java.util.function.Predicate<ShellCommand> REMOVES_CACHE =
      new java.util.function.Predicate<>() {
        @Override
        public boolean test(ShellCommand c) {
          if (Pip.isPip(c.name())
              && c.subcommand().orElse("").equals("cache") && (c.hasArgument("purge") || c.hasArgument("remove"))) {
            return true;
          }
          if (!c.is("rm")) {
            return false;
          }
          for (Word w : c.positionalArguments()) {
            String p = Word.normalizePath(w.value());
            if (p.endsWith("/.cache/pip") || p.endsWith("/.cache")
                || p.equals("~/.cache") || p.equals("~/.cache/pip")) {
              return true;
            }
          }
          return false;
        }
      };
}
