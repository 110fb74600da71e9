package dev.dockerlint.ast;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import java.util.List;

/**
 * A shell-form RUN with the stage it belongs to and its parsed script; {@code onbuild} for an
 * {@code ONBUILD RUN} trigger. See {@link Dockerfile#shellRuns(boolean)}.
 */
public record ShellRun(Stage stage, Run run, ShellScript script, boolean onbuild) {
  public List<ShellCommand> commands() {
    return script.commands();
  }
}
