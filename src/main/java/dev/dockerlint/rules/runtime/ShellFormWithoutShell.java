package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Cmd;
import dev.dockerlint.ast.CommandLine;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Entrypoint;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Healthcheck;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Shell;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * The shell form runs {@code /bin/sh -c}: on {@code scratch} or a distroless image there is no
 * {@code /bin/sh}, so the RUN fails the build and the CMD, ENTRYPOINT or HEALTHCHECK fails every
 * time it runs, although the Dockerfile builds.
 */
public final class ShellFormWithoutShell implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("shell-form-without-shell", Severity.ERROR,
      "A shell-form instruction in a stage whose image has no shell");

  /** File names that are a shell, or the BusyBox that provides one. */
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "busybox");
  /** Destinations that bring a whole file system, or the shell's directory. */
  private static final Set<String> SHELL_DIRECTORIES = Set.of("/", "/bin", "/usr/bin", "/busybox");
  private static final String[] ARCHIVES = {".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2",
      ".tar.zst"};

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    // in one pass over the stages, in order (a stage's base comes before it): the image at the root
    // of each stage's chain, and whether a stage of its chain brings a shell or sets SHELL
    List<Stage> stages = file.stages();
    ImageRef[] roots = new ImageRef[stages.size()];
    boolean[] shellAtEnd = new boolean[stages.size()];
    for (Stage stage : stages) {
      int base = stage.baseStage() >= 0 && stage.baseStage() < stage.index() ? stage.baseStage() : -1;
      roots[stage.index()] = base >= 0 ? roots[base] : stage.image().orElse(null);
      boolean shell = base >= 0 && shellAtEnd[base];
      for (Instruction instruction : stage.instructions()) {
        shell |= instruction instanceof Shell || instruction instanceof FileTransfer t && bringsShell(t);
      }
      shellAtEnd[stage.index()] = shell;
    }
    for (Stage stage : stages) {
      ImageRef root = roots[stage.index()];
      int base = stage.baseStage() >= 0 && stage.baseStage() < stage.index() ? stage.baseStage() : -1;
      if (root == null || !BaseImages.hasNoShell(root) || base >= 0 && shellAtEnd[base]) {
        continue;
      }
      boolean shellKnown = false;
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Shell) {
          shellKnown = true; // a SHELL names a shell the author put there
        } else if (instruction instanceof FileTransfer transfer && bringsShell(transfer)) {
          break; // a shell copied in: later shell forms have one
        }
        if (shellKnown) {
          break;
        }
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        CommandLine command = target instanceof Run run ? run.command()
            : target instanceof Cmd cmd ? cmd.command()
            : target instanceof Entrypoint entrypoint ? entrypoint.command()
            : target instanceof Healthcheck healthcheck ? healthcheck.command() : null;
        if (command instanceof ShellForm shell && !shell.text().text().isBlank()) {
          context.report(shell.text(), message(target, target != instruction, root));
        }
      }
    }
  }

  private static String message(Instruction instruction, boolean onbuild, ImageRef root) {
    String name = (onbuild ? "ONBUILD " : "") + instruction.name();
    String consequence = instruction instanceof Run
        ? onbuild ? "every build FROM this image fails" : "the build fails"
        : instruction instanceof Healthcheck ? "the check fails every time and the container is marked unhealthy"
        : "the container fails to start";
    String example = instruction instanceof Run ? "RUN [\"/app\", \"--init\"]"
        : instruction instanceof Healthcheck ? "HEALTHCHECK CMD [\"/app\", \"health\"]"
        : instruction.name() + " [\"/app\"]";
    return name + " in shell form runs /bin/sh -c, but '" + root.raw() + "' has no shell, so " + consequence
        + "; write it in exec form (" + example + ")";
  }

  /**
   * A COPY or ADD that may bring a shell: to {@code /}, {@code /bin}, {@code /usr/bin}, of a file
   * named like a shell or BusyBox, or an ADD of a local archive (a root file system it unpacks).
   */
  private static boolean bringsShell(FileTransfer transfer) {
    Token destination = transfer.destination();
    if (destination != null && (SHELL_DIRECTORIES.contains(Word.normalizePath(destination.text()))
        || SHELLS.contains(baseName(destination.text())))) {
      return true;
    }
    for (Token source : transfer.sources()) {
      String text = source.text();
      if (SHELLS.contains(baseName(text)) || Word.normalizePath(text).equals("/")) {
        return true;
      }
      if (transfer instanceof Add && !text.contains("://")) {
        for (String archive : ARCHIVES) {
          if (text.endsWith(archive)) {
            return true;
          }
        }
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
