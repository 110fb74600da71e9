package dev.dockerlint.rules.context;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.Expansion;
import java.util.Optional;

/**
 * A COPY or ADD source from the build context that the context's {@code .dockerignore} excludes:
 * the build never sees it, so the instruction copies nothing from it or fails. BuildKit's
 * CopyIgnoredFile, with its matching and its limits: an ignore file with any {@code !} pattern is
 * not checked (whether a file inside an excluded directory is let back in cannot be told without
 * the files), and the context root ({@code .}) only by {@code *}, {@code **} or {@code **}{@code /*}.
 * Sources from another stage or image ({@code --from}), URLs, git repositories and heredocs are not
 * in the context; a source led by a variable without a known value is skipped.
 */
public final class CopyIgnoredFile implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("copy-ignored-file", Severity.WARNING,
      "A COPY or ADD source is excluded by .dockerignore", "CopyIgnoredFile");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Optional<Dockerignore> ignore = Optional.empty();
    for (Stage stage : file.stages()) {
      for (FileTransfer transfer : stage.instructions(FileTransfer.class)) {
        if (transfer.flag("from").isPresent() || transfer.destination() == null) {
          continue;
        }
        if (ignore.isEmpty()) {
          ignore = Dockerignore.of(context); // read once, and only when something is copied
          if (ignore.isEmpty() || ignore.get().hasExclusions()) {
            return;
          }
        }
        Scope scope = file.scopeAt(transfer);
        for (Token source : transfer.sources()) {
          if (isHeredoc(transfer, source)) {
            continue;
          }
          String path = known(scope, source.text());
          if (path == null || isRemote(path, transfer instanceof Add)) {
            continue;
          }
          if (ignore.get().excludes(path)) {
            context.report(source, transfer.name() + " source '" + path + "' is excluded by .dockerignore, so the "
                + "build does not see it; remove it from the " + transfer.name() + " or stop excluding it");
          }
        }
      }
    }
  }

  private static boolean isHeredoc(FileTransfer transfer, Token source) {
    for (Heredoc heredoc : transfer.heredocs()) {
      if (heredoc.word().range().equals(source.range())) {
        return true;
      }
    }
    return false;
  }

  /** URLs (and, for ADD, git references) are fetched, not read from the context. */
  private static boolean isRemote(String path, boolean add) {
    return path.startsWith("http://") || path.startsWith("https://")
        || add && (path.startsWith("git@") || path.startsWith("git://") || path.startsWith("ssh://"));
  }

  /** The source after variable expansion, or null when a variable in it has no value known here. */
  private static String known(Scope scope, String text) {
    Expansion expansion = scope.expand(text);
    if (expansion.error() != null) {
      return null;
    }
    for (String name : expansion.references()) {
      if (!scope.hasValue(name)) {
        return null;
      }
    }
    return expansion.value();
  }
}
