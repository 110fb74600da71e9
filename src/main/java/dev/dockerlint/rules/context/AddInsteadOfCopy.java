package dev.dockerlint.rules.context;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/**
 * ADD of a local file or directory that is not an archive does what COPY does, with ADD's extra
 * behaviour (unpacking, URLs) waiting to surprise the next reader or the next edit.
 */
public final class AddInsteadOfCopy implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("add-instead-of-copy", Severity.WARNING,
      "ADD copies a local file or directory that COPY would copy", "DL3020");

  /** Names hadolint takes for archives, which ADD may unpack: those are ADD's business. */
  private static final String[] ARCHIVE_SUFFIXES = {".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz",
      ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz"};

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Add add : file.instructions(Add.class)) {
      Scope scope = file.scopeAt(add);
      for (Token source : add.sources()) {
        Optional<String> path = scope.expandPath(source.text());
        if (path.isEmpty() || isRemote(path.get()) || isArchive(path.get())) {
          continue; // a source from a build argument may be a URL: unknown here
        }
        context.report(source, "ADD of the local " + (isHeredoc(add, source) ? "heredoc" : "path '" + path.get() + "'")
            + " does what COPY does; use COPY, and keep ADD for URLs and archives to unpack");
        break;
      }
    }
  }

  private static boolean isHeredoc(Add add, Token source) {
    for (Heredoc heredoc : add.heredocs()) {
      if (heredoc.word().range().equals(source.range())) {
        return true;
      }
    }
    return false;
  }

  /** A URL or a git repository, which COPY cannot fetch. */
  static boolean isRemote(String source) {
    return source.contains("://") || source.startsWith("git@");
  }

  static boolean isArchive(String source) {
    for (String suffix : ARCHIVE_SUFFIXES) {
      if (source.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
