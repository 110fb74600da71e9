package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import java.util.List;
import java.util.Locale;

/**
 * Package signatures are what tie a package to its publisher; with the check off, a mirror or a
 * man in the middle can serve anything and it is installed as root.
 */
public final class UnsignedPackages implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("unsigned-packages", Severity.ERROR,
      "A package manager is told to install packages without checking their signatures",
      "CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11")
      .withTags("security").security(7.5);

  private static final String FIX = "remove it and import the repository's signing key instead";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (ShellRun run : file.shellRuns(true)) {
      for (ShellCommand raw : run.commands()) {
        ShellCommand command = raw.invoked();
        if (command != null) {
          check(command, context);
        }
      }
    }
  }

  private static void check(ShellCommand command, RuleContext context) {
    String name = command.name();
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      if (!w.isFlag()) {
        continue;
      }
      String v = w.value();
      String next = i + 1 < args.size() ? args.get(i + 1).value() : "";
      switch (name) {
        case "apk" -> {
          if (v.equals("--allow-untrusted")) {
            report(context, w, name, v, "CKV2_DOCKER_7");
          }
        }
        case "apt-get", "apt", "aptitude" -> {
          if (v.equals("--allow-unauthenticated") || v.equals("--allow-insecure-repositories")) {
            report(context, w, name, v, "CKV2_DOCKER_8");
          } else if (v.equals("--force-yes")) {
            report(context, w, name, v, "CKV2_DOCKER_11");
          } else if (v.equals("-o") && allowsUnsigned(next)) {
            context.reportAs(w.range().union(args.get(i + 1).range()), "'" + name + " -o " + next
                + "' installs packages without checking signatures; " + FIX, "CKV2_DOCKER_8");
          } else if (v.startsWith("-o") && v.length() > 2 && allowsUnsigned(v.substring(v.charAt(2) == '=' ? 3 : 2))) {
            report(context, w, name, v, "CKV2_DOCKER_8");
          }
        }
        case "yum", "dnf", "microdnf", "tdnf", "yum-config-manager", "zypper" -> {
          if (v.equals("--nogpgcheck") || v.equals("--no-gpgchecks") || v.equals("--no-gpg-checks")
              || v.startsWith("--setopt=") && gpgcheckOff(v.substring("--setopt=".length()))
              || v.equals("--setopt") && gpgcheckOff(next)) {
            report(context, w, name, v, "CKV2_DOCKER_9");
          }
        }
        case "rpm" -> {
          if (v.equals("--nosignature") || v.equals("--nodigest") || v.equals("--noverify")
              || v.equals("--nofiledigest")) {
            report(context, w, name, v, "CKV2_DOCKER_10");
          }
        }
        default -> { }
      }
    }
  }

  /** {@code APT::Get::AllowUnauthenticated=true}, {@code Acquire::AllowInsecureRepositories=1}. */
  private static boolean allowsUnsigned(String option) {
    String o = option.toLowerCase(Locale.ROOT).replace(" ", "");
    return (o.startsWith("apt::get::allowunauthenticated=") || o.startsWith("acquire::allowinsecurerepositories="))
        && isTrue(o.substring(o.indexOf('=') + 1));
  }

  /** {@code gpgcheck=0}, {@code *.gpgcheck=false}, {@code localpkg_gpgcheck=0}. */
  private static boolean gpgcheckOff(String option) {
    int eq = option.indexOf('=');
    if (eq < 0) {
      return false;
    }
    String key = option.substring(0, eq).toLowerCase(Locale.ROOT);
    String value = option.substring(eq + 1).toLowerCase(Locale.ROOT);
    return (key.equals("gpgcheck") || key.endsWith(".gpgcheck") || key.endsWith("repo_gpgcheck"))
        && (value.equals("0") || value.equals("false") || value.equals("no") || value.equals("off"));
  }

  private static boolean isTrue(String value) {
    return value.equals("1") || value.equals("true") || value.equals("yes") || value.equals("on");
  }

  private static void report(RuleContext context, Word flag, String name, String value, String alias) {
    context.reportAs(flag.range(), "'" + name + " " + value + "' installs packages without checking signatures; "
        + FIX, alias);
  }
}
