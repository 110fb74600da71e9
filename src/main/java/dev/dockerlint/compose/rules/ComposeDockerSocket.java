package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;

/** The Docker socket mounted into a container: control of the daemon is root on the host. */
public final class ComposeDockerSocket implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-docker-socket", Severity.ERROR,
      "A service mounts the Docker socket").withTags("security").security(9.0);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      for (Service.Mount mount : service.mounts()) {
        if (mount.bind() && isDockerSocket(mount.source())) {
          context.report(mount.node(), service.describe() + " mounts the Docker socket " + mount.source()
              + ": whoever controls the container controls the Docker daemon, which is root on the host"
              + (mount.readOnly() ? " (':ro' does not help: the API still works over a read-only socket)" : "")
              + "; use a socket proxy that allows only the calls it needs");
        }
      }
    }
  }

  static boolean isDockerSocket(String source) {
    String path = source.replaceAll("/+", "/");
    return path.equals("/var/run/docker.sock") || path.equals("/run/docker.sock")
        || path.endsWith("/docker.sock") && (path.startsWith("/var/run/") || path.startsWith("/run/"));
  }
}
