package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two download tools in one image where one would do: more packages, more attack surface. */
public final class WgetAndCurl implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("wget-and-curl", Severity.INFO,
      "A stage uses both wget and curl", "DL4001", "DS-0014");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Map<Stage, List<ShellRun>> byStage = new LinkedHashMap<>();
    for (ShellRun run : file.shellRuns(true)) {
      List<ShellRun> runs = byStage.get(run.stage());
      if (runs == null) {
        runs = new java.util.ArrayList<>();
        byStage.put(run.stage(), runs);
      }
      runs.add(run);
    }
    for (List<ShellRun> runs : byStage.values()) {
      ShellCommand firstCurl = null;
      ShellCommand firstWget = null;
      boolean reported = false;
      for (ShellRun run : runs) {
        if (reported) {
          break;
        }
        for (ShellCommand raw : run.commands()) {
          ShellCommand command = raw.invoked();
          if (command == null) {
            continue;
          }
          if (command.is("curl") && firstCurl == null) {
            firstCurl = command;
            if (firstWget != null) {
              report(context, command, "curl", firstWget, "wget");
              reported = true;
              break;
            }
          } else if (command.is("wget") && firstWget == null) {
            firstWget = command;
            if (firstCurl != null) {
              report(context, command, "wget", firstCurl, "curl");
              reported = true;
              break;
            }
          }
        }
      }
    }
  }

  private static void report(RuleContext context, ShellCommand second, String name, ShellCommand first,
      String firstName) {
    context.report(second.words().get(0).range(), "'" + name + "' is used in a stage that already uses '" + firstName
        + "' (line " + first.range().startLine() + "); use one download tool so the image needs only one");
  }
}
