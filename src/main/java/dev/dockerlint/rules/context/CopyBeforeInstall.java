package dev.dockerlint.rules.context;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Copying the whole build context before installing dependencies from a manifest makes every
 * source change invalidate the (slow) dependency layer.
 */
public final class CopyBeforeInstall implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-before-install", Severity.WARNING,
      "The whole build context is copied before dependencies are installed from a manifest");
  private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*", "./.", "/.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      FileTransfer wholeCopy = null;
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof FileTransfer copy && wholeCopy == null && copiesWholeContext(copy)) {
          wholeCopy = copy;
        } else if (instruction instanceof Run run && wholeCopy != null && run.command() instanceof ShellForm shell) {
          Optional<String> manifest = manifestInstall(shell.script().commands());
          if (manifest.isPresent()) {
            int line = run.range().startLine();
            context.report(span(wholeCopy), wholeCopy.name() + " of the whole build context comes before the "
                + "dependency install on line " + line + ", so every source change reinstalls them; copy "
                + manifest.get() + " first, install, then copy the rest");
            wholeCopy = null; // one finding per COPY
          }
        }
      }
    }
  }

  private static dev.dockerlint.source.SourceRange span(FileTransfer copy) {
    Token end = copy.destination() != null ? copy.destination()
        : copy.sources().isEmpty() ? copy.keyword() : copy.sources().get(copy.sources().size() - 1);
    return copy.keyword().range().union(end.range());
  }

  private static boolean copiesWholeContext(FileTransfer copy) {
    if (copy.from().isPresent()) {
      return false; // another stage or image, not the build context
    }
    for (Token source : copy.sources()) {
      if (WHOLE_CONTEXT.contains(source.text())) {
        return true;
      }
    }
    return false;
  }

  /** The manifest files an install command reads, when the RUN installs from one. */
  static Optional<String> manifestInstall(List<ShellCommand> commands) {
    for (ShellCommand raw : commands) {
      ShellCommand c = raw.unwrapped();
      String sub = c.subcommand().orElse("");
      int positional = c.positionalArguments().size();
      switch (c.name()) {
        case "pip", "pip3", "python", "python3" -> {
          Optional<String> requirements = requirementsFile(c);
          if (requirements.isPresent()) {
            return requirements;
          }
        }
        case "pipenv" -> {
          if (sub.equals("install") || sub.equals("sync")) {
            return Optional.of("Pipfile and Pipfile.lock");
          }
        }
        case "poetry" -> {
          if (sub.equals("install")) {
            return Optional.of("pyproject.toml and poetry.lock");
          }
        }
        case "npm" -> {
          if (sub.equals("ci") || ((sub.equals("install") || sub.equals("i")) && positional == 1 && !c.hasAnyFlag("-g", "--global"))) {
            return Optional.of("package.json and package-lock.json");
          }
        }
        case "yarn" -> {
          if (sub.isEmpty() || sub.equals("install")) {
            return Optional.of("package.json and yarn.lock");
          }
        }
        case "pnpm" -> {
          if (sub.equals("install") || sub.equals("i")) {
            return Optional.of("package.json and pnpm-lock.yaml");
          }
        }
        case "bundle", "bundler" -> {
          if (sub.equals("install")) {
            return Optional.of("Gemfile and Gemfile.lock");
          }
        }
        case "go" -> {
          if (sub.equals("mod") && c.positionalArguments().size() > 1
              && c.positionalArguments().get(1).value().equals("download")) {
            return Optional.of("go.mod and go.sum");
          }
        }
        case "composer" -> {
          if (sub.equals("install")) {
            return Optional.of("composer.json and composer.lock");
          }
        }
        case "mvn", "mvnw" -> {
          if (hasDependencyGoal(c)) {
            return Optional.of("pom.xml");
          }
        }
        case "gradle", "gradlew" -> {
          if (c.hasArgument("dependencies")) {
            return Optional.of("build.gradle (or build.gradle.kts) and settings.gradle");
          }
        }
        case "cargo" -> {
          if (sub.equals("fetch")) {
            return Optional.of("Cargo.toml and Cargo.lock");
          }
        }
        default -> { }
      }
    }
    return Optional.empty();
  }

  /** {@code pip install -r requirements.txt} and {@code python -m pip install -r ...}. */
  private static Optional<String> requirementsFile(ShellCommand c) {
    List<Word> args = c.arguments();
    int start = 0;
    if (c.name().startsWith("python")) {
      int m = indexOf(args, "-m");
      if (m < 0 || m + 1 >= args.size() || !args.get(m + 1).value().startsWith("pip")) {
        return Optional.empty();
      }
      start = m + 2;
    }
    if (indexOf(args, "install") < start) {
      return Optional.empty();
    }
    for (int i = start; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals("-r") || v.equals("--requirement")) && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1).value());
      }
      if (v.startsWith("--requirement=")) {
        return Optional.of(v.substring("--requirement=".length()));
      }
      if (v.startsWith("-r") && v.length() > 2 && !v.startsWith("--")) {
        return Optional.of(v.substring(2));
      }
    }
    return Optional.empty();
  }

  private static int indexOf(List<Word> words, String value) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).value().equals(value)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code mvn dependency:go-offline} and the like. */
  private static boolean hasDependencyGoal(ShellCommand c) {
    for (Word w : c.positionalArguments()) {
      if (w.value().startsWith("dependency:")) {
        return true;
      }
    }
    return false;
  }
}
