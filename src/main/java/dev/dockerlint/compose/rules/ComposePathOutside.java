package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/**
 * A path a compose file names ({@code build.context}, {@code build.dockerfile}, {@code env_file},
 * {@code extends.file}, {@code include}) that leads outside the repository, by {@code ..} or
 * through a symbolic link: dockerlint does not read it, and a build or run would reach files a
 * review of the repository does not see.
 */
public final class ComposePathOutside implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-path-outside", Severity.ERROR,
      "A path in a compose file leads outside the repository").withTags("security").security(6.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (ComposeProject.PathReference path : project.paths()) {
      if (path.outside()) {
        context.report(path.node(), (path.service() != null ? "Service '" + path.service() + "': " : "")
            + path.kind() + " '" + path.node().text() + "' leads outside the repository (by its name or a symbolic "
            + "link), so it was not read; keep the files a compose file uses inside the repository");
      }
    }
  }
}
