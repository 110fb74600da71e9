package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Optional;

/**
 * {@code ADD https://github.com/org/repo.git} (or {@code #main}, {@code #v1.2}) clones whatever the
 * branch or tag points at during the build; only a commit hash names fixed content.
 */
public final class AddGitUnpinned implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("add-git-unpinned", Severity.WARNING,
      "ADD clones a git repository without pinning a commit").withTags("security").security(4.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (RemoteSource source : RemoteSource.of(file)) {
      if (source.kind() != RemoteSource.Kind.GIT || !source.known() || source.pinnedToCommit()) {
        continue; // a ref set only by --build-arg may well be a commit
      }
      Optional<String> ref = source.gitRef();
      String what = ref.isEmpty() ? "the default branch, which moves with every push"
          : "'" + ref.get() + "', a branch or tag that can move";
      context.report(source.token(), "ADD clones '" + source.display() + "' at " + what + "; pin a commit with "
          + "#<commit sha> or ADD --checksum=<commit sha>");
    }
  }
}
