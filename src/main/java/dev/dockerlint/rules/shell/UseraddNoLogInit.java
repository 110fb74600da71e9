package dev.dockerlint.rules.shell;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import java.util.List;

/**
 * {@code useradd -u 123456} without {@code -l}: shadow's useradd writes lastlog and faillog entries at
 * offset UID, which makes a sparse file of gigabytes that image layers store in full.
 */
public final class UseraddNoLogInit implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("useradd-no-log-init", Severity.WARNING,
      "useradd with a large UID and without --no-log-init", "DL3046");

  /** useradd's short options that take a value. */
  private static final String WITH_VALUE = "bcdefgGkKpPRsuZ";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellCommand command : file.invokedRunCommands()) {
      if (!command.is("useradd") || command.hasAnyFlag("-l", "--no-log-init")) {
        continue;
      }
      Word uidWord = null;
      String uid = null;
      List<Word> args = command.arguments();
      for (int i = 0; i < args.size() && uid == null; i++) {
        Word word = args.get(i);
        String v = word.value();
        if (!word.isFlag()) {
          continue;
        }
        if (v.startsWith("--")) {
          if (v.startsWith("--uid=")) {
            uidWord = word;
            uid = v.substring("--uid=".length());
          } else if (v.equals("--uid") && i + 1 < args.size()) {
            uidWord = args.get(i + 1);
            uid = uidWord.value();
          } else if (v.indexOf('=') < 0 && takesValue(v) && i + 1 < args.size()) {
            i++;
          }
          continue;
        }
        for (int c = 1; c < v.length(); c++) {
          char option = v.charAt(c);
          if (WITH_VALUE.indexOf(option) < 0) {
            continue;
          }
          boolean rest = c + 1 < v.length();
          if (option == 'u') {
            uidWord = rest ? word : i + 1 < args.size() ? args.get(i + 1) : null;
            uid = rest ? v.substring(c + 1) : uidWord == null ? null : uidWord.value();
          } else if (!rest) {
            i++;
          }
          break;
        }
      }
      if (uid != null && isLarge(uid)) {
        context.report(uidWord.range(), "useradd with UID " + uid + " and without -l/--no-log-init makes a sparse "
            + "/var/log/lastlog of gigabytes in the layer; add --no-log-init");
      }
    }
  }

  private static boolean takesValue(String longOption) {
    return List.of("--base-dir", "--comment", "--home-dir", "--expiredate", "--inactive", "--gid", "--groups",
        "--skel", "--key", "--password", "--prefix", "--root", "--shell", "--selinux-user").contains(longOption);
  }

  private static boolean isLarge(String uid) {
    if (uid.isEmpty() || uid.length() > 18 || !allDigits(uid)) {
      return false;
    }
    return Long.parseLong(uid) > 99999;
  }

  /** Character.isDigit for every character, as a loop: linking lambdas costs start-up time. */
  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
