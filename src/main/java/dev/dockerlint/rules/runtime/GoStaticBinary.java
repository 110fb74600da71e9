package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Debian-based golang images have gcc, so {@code go build} runs with cgo enabled: a program
 * that uses net or os/user links against glibc. Copied into scratch, distroless/static (no C
 * library) or Alpine (musl), it fails to start with "no such file or directory".
 */
public final class GoStaticBinary implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("go-static-binary", Severity.WARNING,
      "A Go binary built with cgo in a glibc golang image is copied into an image without glibc");

  private static final Set<String> BUILDS = Set.of("build", "install");

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
    List<Stage> shipped = file.lineage(last.get());
    Optional<ImageRef> target = file.rootImage(last.get());
    if (target.isEmpty()) {
      return;
    }
    BaseImages.Libc libc = BaseImages.libc(target.get());
    if (libc != BaseImages.Libc.NONE && libc != BaseImages.Libc.MUSL || libc == BaseImages.Libc.MUSL
        && installsGlibcCompat(shipped)) {
      return;
    }
    boolean[] isShipped = new boolean[file.stages().size()];
    for (Stage stage : shipped) {
      isShipped[stage.index()] = true;
    }
    // per stage, once: the first COPY --from of it into a shipped stage, if its image is a glibc golang
    CopyFrom[] copies = new CopyFrom[file.stages().size()];
    for (CopyFrom copy : file.copyFroms()) {
      Optional<Stage> source = file.sourceStage(copy);
      if (source.isPresent() && copies[source.get().index()] == null && isShipped[copy.stage().index()]) {
        copies[source.get().index()] = copy;
      }
    }
    // the stage at the root of each stage's chain, in one pass: a stage's base comes before it
    int[] root = new int[copies.length];
    for (Stage stage : file.stages()) {
      int base = stage.baseStage();
      root[stage.index()] = base >= 0 && base < stage.index() ? root[base] : stage.index();
    }
    for (int s = 0; s < copies.length; s++) {
      if (copies[s] != null && !glibcGolang(file, file.stages().get(root[s]))) {
        copies[s] = null;
      }
    }
    for (ShellRun run : file.shellRuns(false)) {
      CopyFrom copy = copies[run.stage().index()];
      if (copy == null) {
        continue;
      }
      Scope scope = file.scopeAt(run.run());
      boolean disabledByScope = scope.get("CGO_ENABLED").isPresent()
          && "0".equals(scope.get("CGO_ENABLED").get().value());
      boolean exported = false;
      for (ShellCommand raw : run.commands()) {
        exported |= disablesCgo(raw);
        ShellCommand go = raw.invoked();
        if (go == null || !go.is("go") || PackageManager.subcommand(go) == null
            || !BUILDS.contains(PackageManager.subcommand(go).value())
            || disabledByScope || exported || cgoDisabledFor(raw) || linksStatically(go)
            || crossCompilesAway(raw, scope)) {
          continue;
        }
        String into = target.get().isScratch() ? "'scratch', which has no C library"
            : libc == BaseImages.Libc.NONE ? "'" + target.get().raw() + "', which has no C library"
            : "'" + target.get().raw() + "', which has musl instead of glibc";
        context.report(PackageManager.nameAndSubcommand(go), "'go " + PackageManager.subcommand(go).value()
            + "' runs with cgo on (the golang image has gcc), so a binary that uses net or os/user links against "
            + "glibc, and it is copied into " + into + " (line " + copy.copy().range().startLine() + "), where it "
            + "fails to start; build with CGO_ENABLED=0");
      }
    }
  }

  /** Alpine's glibc compatibility layers, with which a glibc-linked binary starts. */
  private static final Set<String> GLIBC_COMPAT = Set.of("libc6-compat", "gcompat");

  private static boolean installsGlibcCompat(List<Stage> shipped) {
    for (Stage stage : shipped) {
      for (Run run : stage.instructions(Run.class)) {
        if (run.command() instanceof ShellForm shell) {
          for (ShellCommand raw : shell.script().commands()) {
            ShellCommand command = raw.unwrapped();
            for (Word word : PackageManager.installedPackages(command)) {
              if (GLIBC_COMPAT.contains(PackageManager.packageName(command, word.value()))) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }

  /** The root stage's image is an official golang image on Debian (glibc, with gcc). */
  private static boolean glibcGolang(Dockerfile file, Stage root) {
    Optional<ImageRef> image = file.resolvedBaseImage(root);
    return image.isPresent() && image.get().officialName().orElse("").equals("golang")
        && BaseImages.libc(image.get()) == BaseImages.Libc.GLIBC;
  }

  /** CGO_ENABLED=0 as the command's own assignment, or through {@code env CGO_ENABLED=0 go build}. */
  private static boolean cgoDisabledFor(ShellCommand raw) {
    for (Word word : raw.assignments()) {
      if (word.value().equals("CGO_ENABLED=0")) {
        return true;
      }
    }
    for (Word word : raw.words()) {
      if (word.value().equals("CGO_ENABLED=0")) {
        return true;
      }
    }
    return false;
  }

  /** {@code export CGO_ENABLED=0}, a bare {@code CGO_ENABLED=0} or {@code go env -w CGO_ENABLED=0}: for the rest of the RUN. */
  private static boolean disablesCgo(ShellCommand command) {
    return command.is("export") && command.hasArgument("CGO_ENABLED=0")
        || command.words().isEmpty() && hasAssignment(command, "CGO_ENABLED=0")
        || command.is("go") && command.hasArgument("-w") && command.hasArgument("CGO_ENABLED=0");
  }

  private static boolean hasAssignment(ShellCommand command, String assignment) {
    for (Word word : command.assignments()) {
      if (word.value().equals(assignment)) {
        return true;
      }
    }
    return false;
  }

  /** {@code -ldflags '-extldflags "-static"'} or {@code -tags netgo}: a static build asked for. */
  private static boolean linksStatically(ShellCommand go) {
    List<Word> args = go.arguments();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      String value = null;
      if ((v.equals("-ldflags") || v.equals("--ldflags") || v.equals("-tags") || v.equals("--tags"))
          && i + 1 < args.size()) {
        value = args.get(i + 1).value();
      } else if (v.startsWith("-ldflags=") || v.startsWith("-tags=")) {
        value = v.substring(v.indexOf('=') + 1);
      }
      if (value != null && (value.contains("-static") || value.contains("netgo"))) {
        return true;
      }
    }
    return false;
  }

  /** GOOS set to something other than linux: the binary is not for these images at all. */
  private static boolean crossCompilesAway(ShellCommand raw, Scope scope) {
    for (Word word : raw.assignments()) {
      String v = word.value().toLowerCase(Locale.ROOT);
      if (v.startsWith("goos=") && !v.equals("goos=linux") && !v.startsWith("goos=$")) {
        return true;
      }
    }
    Optional<Variable> goos = scope.get("GOOS");
    return goos.isPresent() && goos.get().value() != null && !goos.get().value().isEmpty()
        && !goos.get().value().equals("linux");
  }
}
