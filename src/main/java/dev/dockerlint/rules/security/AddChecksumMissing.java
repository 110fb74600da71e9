package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/**
 * {@code ADD https://...} takes whatever the server sends on the day of the build; with
 * {@code --checksum} BuildKit verifies the download and fails the build when it changed.
 */
public final class AddChecksumMissing implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("add-checksum-missing", Severity.INFO,
      "ADD downloads a file over https without --checksum").withTags("security").security(3.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (RemoteSource source : RemoteSource.of(file)) {
      if (source.kind() == RemoteSource.Kind.HTTPS && source.checksum().isEmpty()) {
        context.report(source.token(), "ADD downloads '" + source.display() + "' without --checksum, so the build "
            + "takes whatever the server sends that day; pin it with ADD --checksum=sha256:<digest>");
      }
    }
  }
}
