package dev.dockerlint.compose.rules;

import dev.dockerlint.compose.ComposeContext;
import dev.dockerlint.compose.ComposeProject;
import dev.dockerlint.compose.Service;
import dev.dockerlint.compose.YamlNode;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * {@code cap_add} of a capability that amounts to root on the host, or capabilities added without
 * {@code cap_drop: [ALL]} first, so the container keeps Docker's default set beside them.
 */
public final class ComposeCapAdd implements ComposeRule {
  private static final RuleInfo INFO = RuleInfo.of("compose-cap-add", Severity.WARNING,
      "A service adds a dangerous capability, or adds capabilities without dropping ALL").withTags("security")
      .security(6.5);
  /** Capabilities that let a process escape the container or take over the host. */
  private static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO",
      "SYS_BOOT", "DAC_READ_SEARCH", "NET_ADMIN", "BPF", "PERFMON", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ComposeProject project, ComposeContext context) {
    for (Service service : project.services()) {
      boolean added = false;
      for (YamlNode.Scalar capability : service.names("cap_add")) {
        added = true;
        String name = capability.text().toUpperCase(Locale.ROOT);
        name = name.startsWith("CAP_") ? name.substring(4) : name;
        if (capability.known() && DANGEROUS.contains(name)) {
          context.report(capability, service.describe() + " adds " + name + ", which "
              + (name.equals("ALL") ? "gives it every capability" : "lets a process in it reach beyond the container")
              + "; add only the narrow capability it needs, or run the task outside the container");
        }
      }
      if (added && !dropsAll(service)) {
        context.report(service.keyOf("cap_add"), service.describe() + " adds capabilities but keeps Docker's "
            + "default set beside them; add cap_drop: [ALL] and add back only what it needs");
      }
    }
  }

  private static boolean dropsAll(Service service) {
    for (YamlNode.Scalar capability : service.names("cap_drop")) {
      if (capability.text().equalsIgnoreCase("ALL") || !capability.known()) {
        return true;
      }
    }
    return false;
  }
}
