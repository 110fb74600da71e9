package dev.dockerlint.rules.context;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.IgnoreFile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Copying the whole build context without a {@code .dockerignore} sends and copies everything:
 * {@code .git}, local {@code .env} files, build output, editor files.
 */
public final class DockerignoreMissing implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("dockerignore-missing", Severity.INFO,
      "The whole build context is copied and there is no .dockerignore");
  private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "./.", "/", "/.", "./*", "*");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Optional<Token> whole = wholeContextSource(file);
    if (whole.isEmpty() || context.buildContext().isEmpty()) {
      return;
    }
    if (ignoreFile(context).isEmpty()) {
      context.report(whole.get(), "'" + whole.get().text() + "' copies the whole build context and there is no "
          + ".dockerignore in " + context.buildContext().get() + "; add one excluding .git, .env files and build output");
    }
  }

  /** The first COPY/ADD source that is the whole build context ({@code COPY . /app}). */
  static Optional<Token> wholeContextSource(Dockerfile file) {
    for (FileTransfer copy : file.instructions(FileTransfer.class)) {
      if (copy.from().isPresent() || copy.destination() == null) {
        continue;
      }
      for (Token source : copy.sources()) {
        if (WHOLE_CONTEXT.contains(source.text())) {
          return Optional.of(source);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The ignore file BuildKit would use: {@code <Dockerfile name>.dockerignore} next to the
   * Dockerfile first, then {@code .dockerignore} at the root of the context.
   */
  static Optional<Path> ignoreFile(RuleContext context) {
    return IgnoreFile.find(context.dockerfileLocation().orElse(null), context.buildContext().orElse(null));
  }
}
