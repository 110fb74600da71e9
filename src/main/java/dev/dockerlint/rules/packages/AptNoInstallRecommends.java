package dev.dockerlint.rules.packages;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Heredoc;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Applicability;
import dev.dockerlint.lint.Fix;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.Apt;
import dev.dockerlint.shell.pkg.PackageManager;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * apt installs "recommended" packages by default: documentation, GUIs, extra daemons. In an image
 * they are dead weight and attack surface nobody asked for.
 */
public final class AptNoInstallRecommends implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("apt-no-install-recommends", Severity.INFO,
      "apt-get install also installs recommended packages", "DL3015", "DS-0029").fixable(Applicability.SAFE);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    Map<Stage, Optional<Run>> firstConfiguringRun = new HashMap<>();
    for (ShellRun run : file.shellRuns(true)) {
      if (configuredOff(file, run, firstConfiguringRun)) {
        continue;
      }
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.invoked();
        if (command == null || !(command.is("apt-get") || command.is("apt"))) {
          continue;
        }
        Word sub = PackageManager.subcommand(command);
        if (sub == null || !sub.value().equals("install") || disablesRecommends(command)
            || Apt.simulates(command)) {
          continue;
        }
        context.report(PackageManager.nameAndSubcommand(command), "'" + command.name() + " install' also installs "
            + "recommended packages; add --no-install-recommends and list what you need",
            Fix.safe("Add --no-install-recommends", RunEdits.after(sub, "--no-install-recommends")));
      }
    }
  }

  private static boolean disablesRecommends(ShellCommand command) {
    if (command.hasFlag("--no-install-recommends")) {
      return true;
    }
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      String option = v.equals("-o") && i + 1 < args.size() ? args.get(i + 1).value()
          : v.startsWith("-o") ? v.substring(v.length() > 2 && v.charAt(2) == '=' ? 3 : 2) : null;
      if (option != null && isRecommendsOff(option)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRecommendsOff(String option) {
    String o = option.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
    return o.startsWith("apt::install-recommends=")
        && (o.endsWith("=false") || o.endsWith("=0") || o.endsWith("=no") || o.endsWith("=off"));
  }

  /**
   * An earlier RUN of this stage or its bases (or this one, before the install) wrote an apt
   * configuration turning recommends off: {@code echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/x}.
   */
  private static boolean configuredOff(Dockerfile file, ShellRun current, Map<Stage, Optional<Run>> memo) {
    for (Stage stage : file.lineage(current.stage())) {
      Optional<Run> configuring = memo.get(stage);
      if (configuring == null) {
        configuring = firstConfiguringRun(stage);
        memo.put(stage, configuring);
      }
      // an ONBUILD RUN runs in a later build, after every RUN of its stage
      if (configuring.isPresent() && (stage != current.stage() || current.onbuild()
          || configuring.get().range().startLine() <= current.run().range().startLine())) {
        return true;
      }
    }
    return false;
  }

  /** Worked out once per stage, not per RUN: a stage of many RUNs made this quadratic. */
  private static Optional<Run> firstConfiguringRun(Stage stage) {
    for (Instruction instruction : stage.instructions()) {
      if (instruction instanceof Run run && run.command() instanceof ShellForm shell && mentionsRecommendsOff(shell)) {
        return Optional.of(run);
      }
    }
    return Optional.empty();
  }

  private static boolean mentionsRecommendsOff(ShellForm shell) {
    for (ShellCommand command : shell.script().commands()) {
      if (command.is("apt-get") || command.is("apt")) {
        continue;
      }
      for (Word w : command.arguments()) {
        if (isConfigLine(w.value())) {
          return true;
        }
      }
    }
    for (Heredoc heredoc : shell.heredocs()) {
      for (String line : heredoc.body().split("\n")) {
        if (isConfigLine(line)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code APT::Install-Recommends "0";} or {@code "false"}. */
  private static boolean isConfigLine(String text) {
    if (text.indexOf("::") < 0) {
      return false; // most words: no lower-casing needed to rule them out
    }
    String t = text.toLowerCase(Locale.ROOT);
    int at = t.indexOf("apt::install-recommends");
    if (at < 0) {
      return false;
    }
    String rest = t.substring(at + "apt::install-recommends".length());
    return rest.contains("0") || rest.contains("false");
  }
}
