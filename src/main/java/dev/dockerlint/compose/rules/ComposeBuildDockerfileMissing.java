package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.nio.file.Files;
import java.nio.file.Path;

/** A service builds from a Dockerfile, or in a build context, that does not exist. */
public final class ComposeBuildDockerfileMissing implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-build-dockerfile-missing", Severity.ERROR,
      "A service builds from a Dockerfile that does not exist");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (ComposeProject.Build build : project.builds()) {
      if (!Files.isDirectory(build.context())) {
        context.report(build.at(), "Service '" + build.service() + "' builds in '" + shown(project, build.context())
            + "', which is not a directory; fix build.context");
      } else if (!Files.isRegularFile(build.dockerfile())) {
        context.report(build.at(), "Service '" + build.service() + "' builds from '" + shown(project, build.dockerfile())
            + "', which does not exist; fix build.dockerfile (relative to the build context)");
      }
    }
  }

  /** A path relative to the first compose file's directory, as its author wrote it. */
  private static String shown(ComposeProject project, Path path) {
    Path first = project.sources().get(0).location();
    Path dir = first == null ? null : first.toAbsolutePath().normalize().getParent();
    Path shown = dir != null && path.startsWith(dir) ? dir.relativize(path) : path;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
