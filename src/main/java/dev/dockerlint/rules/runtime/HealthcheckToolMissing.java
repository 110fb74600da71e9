package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ExecForm;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code HEALTHCHECK CMD curl -f http://localhost/} on {@code python:3.12-slim}: the image has no
 * curl, so every probe fails with "not found" and the orchestrator restarts a healthy container.
 */
public final class HealthcheckToolMissing implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("healthcheck-tool-missing", Severity.ERROR,
      "HEALTHCHECK runs curl or wget, which the final image does not have");

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
    List<Stage> chain = file.lineage(last.get());
    Healthcheck healthcheck = null;
    for (Stage stage : chain) {
      List<Healthcheck> own = stage.instructions(Healthcheck.class);
      if (!own.isEmpty()) {
        healthcheck = own.get(own.size() - 1);
        break;
      }
    }
    if (healthcheck == null || healthcheck.isNone() || healthcheck.command() == null) {
      return;
    }
    Stage root = chain.get(chain.size() - 1);
    Optional<ImageRef> image = root.image().isPresent() && root.image().get().isScratch() ? root.image()
        : file.resolvedBaseImage(root);
    if (image.isEmpty()) {
      return;
    }
    for (Use use : tools(healthcheck)) {
      if (BaseImages.ships(image.get(), use.tool) != BaseImages.Answer.NO || installed(chain, use.tool)) {
        continue;
      }
      String other = use.tool.equals("curl") ? "wget" : "curl";
      String alternative = BaseImages.ships(image.get(), other) == BaseImages.Answer.YES
          ? "; the image has " + other + ", use it instead"
          : "; install it in the final stage, or probe with a program the image has";
      context.report(use.range, "HEALTHCHECK runs '" + use.tool + "', but " + root.describeBaseImage()
          + " does not ship it and the final stage does not install it, so every check fails" + alternative);
    }
  }

  /** One use of curl or wget in the check's command. */
  private record Use(String tool, SourceRange range) {}

  private static List<Use> tools(Healthcheck healthcheck) {
    List<Use> uses = new ArrayList<>();
    if (healthcheck.command() instanceof ExecForm exec) {
      if (!exec.arguments().isEmpty()) {
        Token program = exec.arguments().get(0);
        String name = baseName(program.text());
        if (name.equals("curl") || name.equals("wget")) {
          uses.add(new Use(name, program.range()));
        }
      }
    } else if (healthcheck.command() instanceof ShellForm shell) {
      for (ShellCommand raw : shell.script().commands()) {
        ShellCommand command = raw.invoked();
        if (command != null && (command.is("curl") || command.is("wget"))) {
          uses.add(new Use(command.name(), command.words().get(0).range()));
        }
      }
    }
    return uses;
  }

  /**
   * True when a stage of the chain leaves the tool installed: a package install of it not undone
   * later (removed by name, by its apk virtual package, or by apt's auto-removal after
   * {@code apt-mark auto}), or a COPY/ADD of a file with its name.
   */
  private static boolean installed(List<Stage> chain, String tool) {
    boolean present = false;
    for (int s = chain.size() - 1; s >= 0; s--) {
      for (Instruction instruction : chain.get(s).instructions()) {
        if (instruction instanceof FileTransfer transfer) {
          present |= copies(transfer, tool);
        } else if (instruction instanceof Run run && run.command() instanceof ShellForm shell) {
          present = afterRun(shell.script().commands(), tool, present);
        }
      }
    }
    return present;
  }

  private static boolean afterRun(List<ShellCommand> commands, String tool, boolean before) {
    boolean present = before;
    boolean aptInstalled = false;
    boolean markedAuto = false;
    String virtual = null;
    for (ShellCommand raw : commands) {
      ShellCommand command = raw.unwrapped();
      for (Word word : PackageManager.installedPackages(command)) {
        if (PackageManager.packageName(command, word.value()).equals(tool)) {
          present = true;
          aptInstalled |= PackageManager.of(command.name()) == PackageManager.APT;
          virtual = command.is("apk") ? virtualName(command) : virtual;
        }
      }
      for (Word word : PackageManager.removedPackages(command)) {
        String name = PackageManager.packageName(command, word.value());
        if (name.equals(tool) || virtual != null && name.equals(virtual)) {
          present = false;
        }
      }
      if (command.is("apt-mark") && command.hasArgument("auto")
          || command.is("xargs") && command.hasArgument("apt-mark") && command.hasArgument("auto")) {
        markedAuto = true;
      }
      if (command.is("apt-mark") && command.hasArgument("manual") && command.hasArgument(tool)) {
        markedAuto = false; // kept on purpose
      }
      boolean autoRemove = PackageManager.of(command.name()) == PackageManager.APT
          && (command.hasFlag("--auto-remove") || command.hasFlag("--autoremove")
              || PackageManager.subcommand(command) != null && PackageManager.subcommand(command).value().equals("autoremove"));
      if (aptInstalled && markedAuto && autoRemove) {
        present = false; // the official images' savedAptMark clean-up removes what the RUN installed
      }
    }
    return present;
  }

  private static String virtualName(ShellCommand command) {
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals("--virtual") || v.equals("-t")) && i + 1 < args.size()) {
        return args.get(i + 1).value();
      }
      if (v.startsWith("--virtual=")) {
        return v.substring("--virtual=".length());
      }
    }
    return null;
  }

  private static boolean copies(FileTransfer transfer, String tool) {
    if (transfer.destination() != null && baseName(transfer.destination().text()).equals(tool)) {
      return true;
    }
    for (Token source : transfer.sources()) {
      if (baseName(source.text()).equals(tool)) {
        return true;
      }
    }
    return false;
  }

  private static String baseName(String path) {
    String p = Word.normalizePath(path);
    int slash = p.lastIndexOf('/');
    return slash >= 0 ? p.substring(slash + 1) : p;
  }
}
