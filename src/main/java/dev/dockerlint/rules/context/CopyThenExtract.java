package dev.dockerlint.rules.context;

import dev.dockerlint.ast.Copy;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tar archive from the build context COPYed into the image and unpacked by a later RUN of the
 * same stage: the archive stays in the COPY layer, and ADD would have unpacked it in one step.
 */
public final class CopyThenExtract implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-then-extract", Severity.INFO,
      "A local tar archive is copied into the image and extracted by a later RUN", "DL3010");

  /** Decompressors: run on a tar archive they are the first half of unpacking it. */
  private static final Set<String> DECOMPRESSORS = Set.of("gunzip", "bunzip2", "unxz", "zcat", "gzcat", "bzcat", "xzcat");

  private static final String[] TAR_SUFFIXES =
      {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tb2", ".tar.xz", ".txz"};

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Stage stage : file.stages()) {
      // archive basename -> the COPY source that brought it, until a RUN extracts it
      Map<String, Token> copied = new LinkedHashMap<>();
      for (Instruction instruction : stage.instructions()) {
        if (instruction instanceof Copy copy && copy.from().isEmpty() && copy.destination() != null) {
          remember(file.scopeAt(copy), copy, copied);
        } else if (instruction instanceof Run run && run.command() instanceof ShellForm shell && !copied.isEmpty()) {
          for (ShellCommand raw : shell.script().commands()) {
            ShellCommand command = raw.invoked();
            if (command != null && extracts(command)) {
              reportExtracted(command, copied, context);
            }
          }
        }
      }
    }
  }

  private static void remember(Scope scope, Copy copy, Map<String, Token> copied) {
    Optional<String> destination = scope.expandPath(copy.destination().text());
    if (destination.isPresent() && isTarArchive(basename(destination.get())) && copy.sources().size() == 1) {
      copied.put(basename(destination.get()), copy.sources().get(0));
      return;
    }
    for (Token source : copy.sources()) {
      Optional<String> path = scope.expandPath(source.text());
      if (path.isPresent() && isTarArchive(basename(path.get()))) {
        copied.put(basename(path.get()), source);
      }
    }
  }

  private static void reportExtracted(ShellCommand command, Map<String, Token> copied, RuleContext context) {
    for (Word word : command.positionalArguments()) {
      Token source = copied.remove(basename(word.value()));
      if (source != null) {
        context.report(source, "'" + source.text() + "' is copied into the image and extracted by '" + command.name()
            + "' on line " + command.range().startLine() + ", so the archive stays in a layer; ADD "
            + source.text() + " <directory> extracts it in one step");
      }
    }
  }

  /**
   * {@code tar} extracting ({@code -x}, {@code --extract}, {@code --get}, or old-style {@code tar xzf})
   * without {@code --strip-components}, which ADD cannot do; or a decompressor.
   */
  static boolean extracts(ShellCommand command) {
    if (DECOMPRESSORS.contains(command.name())) {
      return true;
    }
    if (!command.is("tar") || command.hasFlag("--strip-components")) {
      return false;
    }
    if (command.hasAnyFlag("-x", "--extract", "--get")) {
      return true;
    }
    List<Word> args = command.arguments();
    if (args.isEmpty()) {
      return false;
    }
    String first = args.get(0).value();
    if (first.isEmpty() || first.indexOf('x') < 0) {
      return false;
    }
    for (int i = 0; i < first.length(); i++) {
      if (!Character.isLetter(first.charAt(i))) {
        return false; // an operand, or new-style options (which start with a dash)
      }
    }
    return true;
  }

  /** The tar archives ADD unpacks: plain, gzip, bzip2 and xz. */
  static boolean isTarArchive(String name) {
    for (String suffix : TAR_SUFFIXES) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  static String basename(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }
}
