package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** A top-level {@code version}: Compose ignores it and warns that it is obsolete. */
public final class ComposeVersionObsolete implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-version-obsolete", Severity.INFO,
      "The top-level 'version' of a compose file is obsolete");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    YamlNode.Entry version = project.root().entry("version");
    if (version != null) {
      context.report(version.key(), "The top-level 'version' is obsolete: Compose ignores it and warns about it; "
          + "remove it");
    }
  }
}
