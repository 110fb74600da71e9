package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.FileTransfer;
import dev.dockerlint.ast.Flag;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Stage;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * {@code chmod -R 777 /app} lets every user of the container rewrite the application: any process
 * that gets a foothold (a dependency, a parsed upload) can replace the code the next start runs.
 */
public final class ChmodWorldWritable implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("chmod-world-writable", Severity.WARNING,
      "A file or directory is made writable by every user").withTags("security").security(5.0);

  /** Scratch directories meant to be shared (with the sticky bit, as 1777, they are not reported anywhere). */
  private static final Set<String> SHARED_DIRECTORIES = Set.of("/tmp", "/var/tmp", "/dev/shm");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.invoked();
        if (command == null) {
          continue;
        }
        if (command.is("chmod")) {
          checkChmod(command, context);
        } else if (command.is("mkdir") || command.is("install")) {
          checkModeOption(command, context);
        }
      }
    }
    for (Stage stage : file.stages()) {
      for (Instruction instruction : stage.instructions()) {
        Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
        if (target instanceof FileTransfer transfer) {
          for (Flag chmod : transfer.flags("chmod")) {
            String mode = chmod.value() == null ? ""
                : target != instruction ? chmod.value() // expanded in the child build
                : file.scopeAt(instruction).expand(chmod.value()).value();
            if (worldWritable(mode)) {
              context.report(chmod.range(), target.name() + " --chmod=" + mode + " makes the copied files writable "
                  + "by every user; drop write for others (for example --chmod=755 or --chmod=644)");
            }
          }
        }
      }
    }
  }

  private static void checkChmod(ShellCommand command, RuleContext context) {
    if (command.hasFlag("--reference")) {
      return;
    }
    List<Word> operands = command.positionalArguments();
    if (operands.size() < 2) {
      return;
    }
    Word mode = operands.get(0);
    if (mode.expands() || !worldWritable(mode.value()) || allShared(operands.subList(1, operands.size()))) {
      return;
    }
    context.report(mode.range(), message("chmod " + mode.value(), operands.get(1).value()));
  }

  /** {@code mkdir -m 777 /data}, {@code install -m 0777 x /y}. */
  private static void checkModeOption(ShellCommand command, RuleContext context) {
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      Word word = args.get(i);
      String v = word.value();
      Word mode = null;
      String shown = null;
      if ((v.equals("-m") || v.equals("--mode")) && i + 1 < args.size()) {
        mode = args.get(i + 1);
        shown = v + " " + mode.value();
      } else if (v.startsWith("--mode=")) {
        mode = word;
        shown = v;
      }
      if (mode == null || mode.expands()) {
        continue;
      }
      String value = mode == word ? v.substring("--mode=".length()) : mode.value();
      List<Word> operands = command.positionalArguments(Set.of("-m", "--mode", "-o", "--owner", "-g", "--group",
          "-t", "--target-directory", "-S", "--suffix", "-Z", "--context"));
      if (worldWritable(value) && !operands.isEmpty() && !allShared(operands)) {
        context.report(mode.range(), message(command.name() + " " + shown, operands.get(operands.size() - 1).value()));
      }
      return;
    }
  }

  private static String message(String what, String path) {
    return "'" + what + "' makes '" + path + "' writable by every user in the container; give write access to "
        + "its owner only (chmod 755 or 644, and chown it to the user that writes it)";
  }

  private static boolean allShared(List<Word> paths) {
    for (Word path : paths) {
      if (!SHARED_DIRECTORIES.contains(Word.normalizePath(path.value()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a chmod mode gives others write permission without the sticky bit: octal
   * {@code 777}, {@code 0666}, {@code 2777}; symbolic {@code a+rwx}, {@code o+w}, {@code ugo=rwx}
   * (clauses applied in order, so {@code a+w,o-w} is not). {@code +w} without a "who" is masked by
   * the umask and is not.
   */
  static boolean worldWritable(String mode) {
    if (mode.isEmpty()) {
      return false;
    }
    if (isOctal(mode)) {
      int bits = Integer.parseInt(mode, 8);
      return (bits & 02) != 0 && (bits & 01000) == 0;
    }
    boolean othersWrite = false;
    boolean sticky = false;
    for (String clause : mode.split(",", -1)) {
      int i = 0;
      boolean others = false;
      while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
        others |= clause.charAt(i) == 'o' || clause.charAt(i) == 'a';
        i++;
      }
      if (i == 0 || i >= clause.length()) {
        continue; // no "who": the umask decides; or no operator at all
      }
      while (i < clause.length()) {
        char op = clause.charAt(i++);
        if (op != '+' && op != '-' && op != '=') {
          return false; // not a mode chmod accepts
        }
        int start = i;
        while (i < clause.length() && "+-=".indexOf(clause.charAt(i)) < 0) {
          i++;
        }
        String perms = clause.substring(start, i);
        boolean w = perms.indexOf('w') >= 0;
        boolean t = perms.indexOf('t') >= 0;
        if (others) {
          othersWrite = op == '=' ? w : op == '+' ? othersWrite || w : othersWrite && !w;
        }
        if (t) {
          sticky = op != '-';
        }
      }
    }
    return othersWrite && !sticky;
  }

  private static boolean isOctal(String mode) {
    if (mode.length() > 4) {
      return false;
    }
    for (int i = 0; i < mode.length(); i++) {
      if (mode.charAt(i) < '0' || mode.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
