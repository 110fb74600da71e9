package dev.dockerlint.rules.syntax;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.Set;

/** ONBUILD FROM, ONBUILD ONBUILD and ONBUILD MAINTAINER, which Docker rejects. */
public final class OnbuildForbidden implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("onbuild-forbidden", Severity.ERROR,
      "ONBUILD triggers FROM, ONBUILD or MAINTAINER", "DL3043");

  static final Set<String> FORBIDDEN = Set.of("FROM", "ONBUILD", "MAINTAINER");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      // Docker rejects these, so they are Invalid instructions: the ONBUILD as parsed is what they say
      if (instruction.parsed() instanceof Onbuild onbuild && onbuild.trigger() != null && FORBIDDEN.contains(onbuild.trigger().name())) {
        String trigger = onbuild.trigger().name();
        // BuildKit's words first, so the message matches what docker build says
        String message = switch (trigger) {
          case "FROM" -> "FROM isn't allowed as an ONBUILD trigger: an image cannot change its own base; drop the trigger";
          case "MAINTAINER" -> "MAINTAINER isn't allowed as an ONBUILD trigger; use LABEL org.opencontainers.image.authors "
              + "directly";
          default -> "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed; put the instruction in the ONBUILD of the "
              + "image that needs it";
        };
        context.report(onbuild.trigger().keyword(), message);
      }
    }
  }
}
