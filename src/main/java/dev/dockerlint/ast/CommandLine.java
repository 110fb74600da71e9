package dev.dockerlint.ast;

import dev.dockerlint.source.SourceRange;

/** The command of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD: exec (JSON) form or shell form. */
public sealed interface CommandLine permits ExecForm, ShellForm {
  SourceRange range();

  default boolean isExecForm() {
    return this instanceof ExecForm;
  }
}
