package dev.dockerlint.shell.pkg;

import dev.dockerlint.shell.ShellCommand;

/** How apt-get (and apt) is run. */
public final class Apt {
  private Apt() {}

  /** {@code apt-get install -s}: a dry run that installs nothing. */
  public static boolean simulates(ShellCommand command) {
    return command.hasAnyFlag("-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act");
  }
}
