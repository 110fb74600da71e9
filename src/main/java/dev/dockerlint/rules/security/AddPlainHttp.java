package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/**
 * {@code ADD http://...} without {@code --checksum}: anyone on the network path between the builder
 * and the server can replace the file, and nothing notices.
 */
public final class AddPlainHttp implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("add-plain-http", Severity.WARNING,
      "ADD downloads a file over plain http without --checksum").withTags("security").security(6.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (RemoteSource source : RemoteSource.of(file)) {
      if (source.kind() == RemoteSource.Kind.HTTP && source.checksum().isEmpty()) {
        context.report(source.token(), "ADD downloads '" + source.display() + "' over plain http, where anyone on "
            + "the network path can replace it; use https and pin the file with ADD --checksum=sha256:<digest>");
      }
    }
  }
}
