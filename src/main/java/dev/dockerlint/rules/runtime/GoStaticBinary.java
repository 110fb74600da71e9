package dev.dockerlint.rules.runtime;

import dev.dockerlint.ast.CopyFrom;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import dev.dockerlint.ast.Scope;
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
    if (libc != BaseImages.Libc.NONE && libc != BaseImages.Libc.MUSL) {
      return;
    }
    for (ShellRun run : file.shellRuns(false)) {
      Stage builder = run.stage();
      CopyFrom copy = copiedInto(file, builder, shipped);
      if (copy == null || !glibcGolang(file, builder)) {
        continue;
      }
      Scope scope = file.scopeAt(run.run());
      List<ShellCommand> commands = run.commands();
      for (int i = 0; i < commands.size(); i++) {
        ShellCommand raw = commands.get(i);
        ShellCommand go = raw.invoked();
        if (go == null || !go.is("go") || PackageManager.subcommand(go) == null
            || !BUILDS.contains(PackageManager.subcommand(go).value())
            || cgoDisabled(raw, commands, i, scope) || linksStatically(go) || crossCompilesAway(raw, scope)) {
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

  /** The first COPY --from of the builder (by name or index) into a shipped stage, or null. */
  private static CopyFrom copiedInto(Dockerfile file, Stage builder, List<Stage> shipped) {
    for (CopyFrom copy : file.copyFroms()) {
      boolean named = copy.isNumeric() ? Integer.parseInt(copy.value()) == builder.index()
          : builder.name() != null && builder.name().equalsIgnoreCase(copy.value());
      if (named && copy.stage() != builder && shipped.contains(copy.stage())) {
        return copy;
      }
    }
    return null;
  }

  /** The builder's root image is an official golang image on Debian (glibc, with gcc). */
  private static boolean glibcGolang(Dockerfile file, Stage builder) {
    List<Stage> chain = file.lineage(builder);
    Optional<ImageRef> root = file.resolvedBaseImage(chain.get(chain.size() - 1));
    return root.isPresent() && root.get().officialName().orElse("").equals("golang")
        && BaseImages.libc(root.get()) == BaseImages.Libc.GLIBC;
  }

  /**
   * CGO_ENABLED=0 from ENV or ARG, as the command's own assignment or through {@code env}, or
   * exported earlier in the same RUN.
   */
  private static boolean cgoDisabled(ShellCommand raw, List<ShellCommand> commands, int index, Scope scope) {
    Optional<Variable> variable = scope.get("CGO_ENABLED");
    if (variable.isPresent() && "0".equals(variable.get().value())) {
      return true;
    }
    for (Word word : raw.assignments()) {
      if (word.value().equals("CGO_ENABLED=0")) {
        return true;
      }
    }
    for (Word word : raw.words()) {
      if (word.value().equals("CGO_ENABLED=0")) {
        return true; // env CGO_ENABLED=0 go build
      }
    }
    for (int j = 0; j < index; j++) {
      ShellCommand before = commands.get(j);
      if (before.is("export") && before.hasArgument("CGO_ENABLED=0")
          || before.words().isEmpty() && hasAssignment(before, "CGO_ENABLED=0")
          || before.is("go") && before.hasArgument("-w") && before.hasArgument("CGO_ENABLED=0")) {
        return true;
      }
    }
    return false;
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
