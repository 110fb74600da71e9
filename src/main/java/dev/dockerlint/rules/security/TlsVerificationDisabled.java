package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Arg;
import dev.dockerlint.ast.ArgDeclaration;
import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.shell.pkg.Pip;
import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Locale;

/**
 * Turning off certificate checks lets anyone on the network path replace what the build downloads:
 * packages, scripts, source code. The usual real problem is a missing CA certificate; fix that.
 */
public final class TlsVerificationDisabled implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("tls-verification-disabled", Severity.ERROR,
      "A download tool or package manager is told not to verify TLS certificates",
      "CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6",
      "CKV2_DOCKER_12", "CKV2_DOCKER_13", "CKV2_DOCKER_14", "CKV2_DOCKER_15", "CKV2_DOCKER_16")
      .withTags("security").security(7.5);

  private static final String FIX = "remove it and install the CA certificate the server needs instead";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      Instruction target = instruction instanceof Onbuild o && o.trigger() != null ? o.trigger() : instruction;
      if (target instanceof Env env) {
        for (KeyValue pair : env.pairs()) {
          String value = file.scopeAt(env).expand(pair.value().text()).value();
          checkVariable(pair.key().text(), value, pair.range(), "ENV", context);
        }
      } else if (target instanceof Arg arg) {
        for (ArgDeclaration d : arg.declarations()) {
          if (d.defaultValue() != null) {
            String value = file.scopeAt(arg).expand(d.defaultValue().text()).value();
            checkVariable(d.name().text(), value, d.range(), "ARG", context);
          }
        }
      }
    }
    for (ShellRun run : file.shellRuns(true)) {
      for (ShellCommand raw : run.commands()) {
        for (Word assignment : raw.assignments()) {
          checkAssignment(assignment, context);
        }
        if (raw.is("export") || raw.is("env") || raw.is("declare") || raw.is("typeset")) {
          for (Word word : raw.arguments()) {
            checkAssignment(word, context);
          }
        }
        ShellCommand command = raw.invoked();
        if (command != null) {
          checkCommand(command, context);
        }
      }
    }
  }

  private static void checkAssignment(Word word, RuleContext context) {
    String v = word.value();
    int eq = v.indexOf('=');
    if (eq > 0 && !word.isFlag()) {
      checkVariable(v.substring(0, eq), v.substring(eq + 1), word.range(), "RUN", context);
    }
  }

  private static void checkVariable(String name, String value, SourceRange range, String where, RuleContext context) {
    String setting = where.equals("RUN") ? name + "=" + value : where + " " + name + "=" + value;
    switch (name.toUpperCase(Locale.ROOT)) {
      case "PYTHONHTTPSVERIFY" -> {
        if (value.strip().equals("0")) {
          context.reportAs(range, "'" + setting + "' makes Python skip certificate checks; " + FIX, "CKV2_DOCKER_5");
        }
      }
      case "NODE_TLS_REJECT_UNAUTHORIZED" -> {
        if (value.strip().equals("0")) {
          context.reportAs(range, "'" + setting + "' makes Node.js accept any certificate; " + FIX, "CKV2_DOCKER_6");
        }
      }
      case "NPM_CONFIG_STRICT_SSL" -> {
        if (isFalse(value)) {
          context.reportAs(range, "'" + setting + "' makes npm accept any certificate; " + FIX, "CKV2_DOCKER_12");
        }
      }
      case "GIT_SSL_NO_VERIFY" -> {
        if (name.equals("GIT_SSL_NO_VERIFY")) {
          // git checks only whether the variable exists, so even GIT_SSL_NO_VERIFY=false disables checks
          context.reportAs(range, "'" + setting + "' makes git skip certificate checks whatever its value; " + FIX,
              "CKV2_DOCKER_14");
        }
      }
      case "PIP_TRUSTED_HOST" -> {
        if (name.equals("PIP_TRUSTED_HOST") && !value.isBlank()) {
          context.reportAs(range, "'" + setting + "' makes pip accept any certificate from that host; " + FIX,
              "CKV2_DOCKER_16");
        }
      }
      default -> { }
    }
  }

  private static void checkCommand(ShellCommand command, RuleContext context) {
    String name = command.name();
    List<Word> args = command.arguments();
    if (name.equals("curl")) {
      for (Word w : args) {
        if (w.isFlag() && (w.value().equals("--insecure") || shortCluster(w.value(), 'k'))) {
          context.reportAs(w.range(), "'curl " + w.value() + "' skips certificate checks; " + FIX, "CKV2_DOCKER_2");
        }
      }
    } else if (name.equals("wget")) {
      for (Word w : args) {
        String v = w.value();
        if (w.isFlag() && (v.equals("--no-check-certificate") || v.equals("--check-certificate=off"))) {
          context.reportAs(w.range(), "'wget " + v + "' skips certificate checks; " + FIX, "CKV2_DOCKER_3");
        }
      }
    } else if (Pip.isPip(name) || name.equals("pipx") || Pip.isPython(name)
        && command.hasArgument("pip")) {
      for (int i = 0; i < args.size(); i++) {
        Word w = args.get(i);
        String v = w.value();
        if (w.isFlag() && (v.equals("--trusted-host") || v.startsWith("--trusted-host="))) {
          context.reportAs(w.range(), "'pip --trusted-host' accepts any certificate from that host; " + FIX,
              "CKV2_DOCKER_4");
        } else if (v.endsWith(".trusted-host") && command.hasArgument("config")) {
          context.reportAs(w.range(), "'pip config set " + v + "' accepts any certificate from that host; " + FIX,
              "CKV2_DOCKER_4");
        }
      }
    } else if (name.equals("npm") || name.equals("yarn") || name.equals("pnpm")) {
      checkStrictSsl(command, context);
    } else if (name.equals("git")) {
      checkGit(command, context);
    } else if (name.equals("yum") || name.equals("dnf") || name.equals("microdnf") || name.equals("tdnf")
        || name.equals("yum-config-manager")) {
      for (int i = 0; i < args.size(); i++) {
        Word w = args.get(i);
        String option = null;
        if (w.value().startsWith("--setopt=")) {
          option = w.value().substring("--setopt=".length());
        } else if (w.value().equals("--setopt") && i + 1 < args.size()) {
          option = args.get(i + 1).value();
        }
        if (option != null && setsFalse(option, "sslverify")) {
          context.reportAs(w.range(), "'" + name + " --setopt=" + option + "' skips certificate checks of the "
              + "repositories; " + FIX, "CKV2_DOCKER_15");
        }
      }
    }
  }

  /** {@code npm config set strict-ssl false}, {@code yarn config set strict-ssl false}, {@code --strict-ssl=false}. */
  private static void checkStrictSsl(ShellCommand command, RuleContext context) {
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (v.equals("--strict-ssl=false") || v.equals("--no-strict-ssl")) {
        context.reportAs(w.range(), "'" + command.name() + " " + v + "' accepts any certificate; " + FIX,
            "CKV2_DOCKER_13");
      } else if (!w.isFlag() && (v.equals("strict-ssl") || v.equals("strictSsl")) && i + 1 < args.size()
          && isFalse(args.get(i + 1).value()) && command.hasArgument("set")) {
        context.reportAs(w.range().union(args.get(i + 1).range()), "'" + command.name() + " config set " + v + " "
            + args.get(i + 1).value() + "' accepts any certificate; " + FIX, "CKV2_DOCKER_13");
      } else if (!w.isFlag() && (v.equals("strict-ssl=false") || v.equals("strict-ssl=0"))
          && command.hasArgument("set")) {
        context.reportAs(w.range(), "'" + command.name() + " config set " + v + "' accepts any certificate; " + FIX,
            "CKV2_DOCKER_13");
      }
    }
  }

  /** {@code git -c http.sslVerify=false clone}, {@code git config --global http.sslVerify false}. */
  private static void checkGit(ShellCommand command, RuleContext context) {
    List<Word> args = command.arguments();
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (v.equals("-c") && i + 1 < args.size() && setsFalse(args.get(i + 1).value(), "sslverify")
          && args.get(i + 1).value().toLowerCase(Locale.ROOT).startsWith("http.")) {
        Word value = args.get(i + 1);
        context.reportAs(value.range(), "'git -c " + value.value() + "' skips certificate checks; " + FIX,
            "CKV2_DOCKER_14");
      } else if (!w.isFlag() && i + 1 < args.size() && command.hasArgument("config")) {
        String key = v.toLowerCase(Locale.ROOT);
        if (key.startsWith("http.") && key.endsWith(".sslverify") && isFalse(args.get(i + 1).value())) {
          context.reportAs(w.range().union(args.get(i + 1).range()), "'git config " + v + " "
              + args.get(i + 1).value() + "' skips certificate checks; " + FIX, "CKV2_DOCKER_14");
        }
      }
    }
  }

  /** {@code sslverify=0}, {@code *.sslverify=False}, {@code http.sslVerify=false}. */
  private static boolean setsFalse(String option, String key) {
    int eq = option.indexOf('=');
    if (eq < 0) {
      return false;
    }
    String name = option.substring(0, eq).toLowerCase(Locale.ROOT);
    return (name.equals(key) || name.endsWith("." + key)) && isFalse(option.substring(eq + 1));
  }

  private static boolean isFalse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "0", "false", "no", "off" -> true;
      default -> false;
    };
  }

  /** {@code -k} alone or inside a cluster of short options such as {@code -fsSLk}. */
  private static boolean shortCluster(String flag, char option) {
    return flag.length() >= 2 && flag.charAt(0) == '-' && flag.charAt(1) != '-' && flag.indexOf('=') < 0
        && flag.indexOf(option, 1) > 0;
  }
}
