package dev.dockerlint.rules.context;

import dev.dockerlint.ast.Add;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.Token;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Edit;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.ast.Flag;
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
      "ADD copies a local file or directory that COPY would copy", "DL3020").fixable(Applicability.UNSAFE);

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
        context.report(source.range(), "ADD of the local " + (isHeredoc(add, source) ? "heredoc" : "path '" + path.get() + "'")
            + " does what COPY does; use COPY, and keep ADD for URLs and archives to unpack", fix(add, scope));
        break;
      }
    }
  }

  /** Flags COPY takes as ADD does; ADD's own (--checksum, --keep-git-dir, --unpack) stop the fix. */
  private static final java.util.Set<String> COPY_FLAGS = java.util.Set.of("chown", "chmod", "link", "exclude", "parents");

  /**
   * ADD written as COPY, when every source is local and not named as an archive. Unsafe: ADD
   * recognises a local archive by its content, not its name, and unpacks it; COPY copies it.
   */
  private static Fix fix(Add add, Scope scope) {
    for (Flag flag : add.flags()) {
      if (!COPY_FLAGS.contains(flag.name())) {
        return null;
      }
    }
    for (Token source : add.sources()) {
      Optional<String> path = scope.expandPath(source.text());
      if (path.isEmpty() || isRemote(path.get()) || isArchive(path.get())) {
        return null;
      }
    }
    String keyword = add.keyword().text();
    String copy = keyword.equals(keyword.toLowerCase(java.util.Locale.ROOT)) ? "copy" : "COPY";
    return Fix.unsafe("Use COPY", Edit.replace(add.keyword().range(), copy));
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
