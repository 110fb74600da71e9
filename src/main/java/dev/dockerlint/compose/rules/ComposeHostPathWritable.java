package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;

/**
 * A sensitive host directory ({@code /}, {@code /etc}, {@code /var/run}, {@code /proc}...) mounted
 * read-write: the container can change the host's configuration or reach its daemons.
 */
public final class ComposeHostPathWritable implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-host-path-writable", Severity.ERROR,
      "A service mounts a sensitive host directory read-write").withTags("security").security(8.0);
  /** Host directories a container must not write to; each covers what is below it. */
  private static final List<String> SENSITIVE = List.of("/etc", "/var/run", "/run", "/proc", "/sys", "/boot", "/dev",
      "/root", "/usr", "/lib", "/bin", "/sbin", "/var/lib/docker");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      for (Service.Mount mount : service.mounts()) {
        if (!mount.bind() || mount.readOnly() || mount.source() == null) {
          continue;
        }
        String source = normal(mount.source());
        if (source.endsWith("/docker.sock")) {
          continue; // compose-docker-socket's
        }
        String covered = sensitive(source);
        if (covered != null) {
          context.report(mount.node(), service.describe() + " mounts the host's " + source + " read-write, so it can "
              + "change " + (covered.equals("/") ? "every file of the host" : "what the host keeps in " + covered)
              + "; mount it read-only (:ro) or mount only the file it needs");
        }
      }
    }
  }

  private static String normal(String path) {
    String p = path.replaceAll("/+", "/");
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** The sensitive directory a host path is or is in, or null. */
  static String sensitive(String path) {
    if (path.equals("/")) {
      return "/";
    }
    for (String dir : SENSITIVE) {
      if (path.equals(dir) || path.startsWith(dir + "/")) {
        return dir;
      }
    }
    return null;
  }
}
