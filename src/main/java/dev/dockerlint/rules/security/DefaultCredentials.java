package dev.dockerlint.rules.security;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.Env;
import dev.dockerlint.ast.Instruction;
import dev.dockerlint.ast.KeyValue;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Scope;
import dev.dockerlint.ast.ShellRun;
import dev.dockerlint.ast.Variable;
import dev.dockerlint.lint.Rule;
import dev.dockerlint.lint.RuleContext;
import dev.dockerlint.lint.RuleInfo;
import dev.dockerlint.lint.Secrets;
import dev.dockerlint.lint.Severity;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A password every copy of the image shares and anyone can guess: {@code ENV DB_PASSWORD=changeme},
 * {@code ENV RABBITMQ_DEFAULT_PASS guest}, {@code echo 'root:root' | chpasswd}. A container started
 * without overriding it runs with the well-known password.
 */
public final class DefaultCredentials implements Rule {
  private static final RuleInfo INFO = RuleInfo.of("default-credentials", Severity.ERROR,
      "A well-known default password is set in ENV, or a fixed password with chpasswd", "CKV2_DOCKER_17")
      .withTags("security").security(7.0);

  /** Passwords that come with products or are the first ones tried (compared ignoring case). */
  private static final Set<String> DEFAULT_PASSWORDS = Set.of("password", "passw0rd", "p@ssw0rd", "p@ssword", "pass",
      "admin", "administrator", "root", "toor", "changeme", "change_me", "changeit", "secret", "default", "test",
      "guest", "demo", "letmein", "welcome", "qwerty", "1234", "12345", "123456", "12345678", "postgres", "mysql");
  /** Name words that end like a password word but are not one. */
  private static final Set<String> NOT_PASSWORDS = Set.of("bypass", "compass", "surpass", "oldpwd");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public boolean findsSecrets() {
    return true;
  }

  @Override
  public void check(Dockerfile file, RuleContext context) {
    for (Instruction instruction : file.instructions()) {
      boolean trigger = instruction instanceof Onbuild;
      Instruction target = instruction instanceof Onbuild onbuild ? onbuild.trigger() : instruction;
      if (target instanceof Env env) {
        // an ONBUILD trigger is expanded in the child build: its value is taken as written
        Scope scope = trigger ? new Scope(Map.of(), file.escape()) : file.scopeAt(env);
        Map<String, String> values = envValues(env);
        for (KeyValue pair : env.pairs()) {
          String name = pair.key().text();
          String value = trigger ? unquoted(pair.value().text()) : scope.expand(pair.value().text()).value();
          if (trigger && value.indexOf('$') >= 0) {
            continue;
          }
          String why = defaultPassword(name, value, values, scope);
          if (why != null) {
            context.redact(pair.value().range(), value);
            context.report(pair.value(), "ENV " + name + "=" + Secrets.masked(value) + " is " + why + ", which "
                + "anyone can guess; ship no default and require it at run time (docker run -e, or a secret file)");
          }
        }
      }
    }
    for (ShellRun run : file.shellRuns(true)) {
      checkChpasswd(run.script(), context);
    }
  }

  /**
   * Why an ENV pair sets a default password ("a well-known default password", "the same as
   * MYSQL_USER"), or null: its name has a password word ({@code PASSWORD}, {@code PASS},
   * {@code PASSWD}, {@code PWD} but not the whole name {@code PWD}, {@code SECRET}...) and its value
   * is a known default, or the value of the matching user-name variable ({@code MYSQL_PASSWORD}
   * and {@code MYSQL_USER}) set in the same ENV or before it.
   */
  static String defaultPassword(String name, String value, Map<String, String> envValues, Scope scope) {
    String v = value.strip();
    if (v.isEmpty() || !isPasswordName(name)) {
      return null;
    }
    if (DEFAULT_PASSWORDS.contains(v.toLowerCase(Locale.ROOT))) {
      return "a well-known default password";
    }
    for (String user : userNames(name)) {
      // the values of one ENV see the state before it, so a user set in it is read from its text
      String written = envValues.get(user);
      String userValue = written == null ? null : scope.expand(written).value().strip();
      if (userValue == null) {
        Optional<Variable> variable = scope.get(user);
        userValue = variable.isPresent() ? variable.get().value() : null;
      }
      if (v.equals(userValue)) {
        return "the same as " + user;
      }
    }
    return null;
  }

  /** The keys of an ENV and their values as written (the last of a key wins, as it does in the build). */
  static Map<String, String> envValues(Env env) {
    Map<String, String> values = new java.util.HashMap<>();
    for (KeyValue pair : env.pairs()) {
      values.put(pair.key().text(), pair.value().text());
    }
    return values;
  }

  /**
   * The user-name variables that go with a password variable: its password word replaced by USER,
   * USERNAME or LOGIN, in the same case ({@code MYSQL_PASSWORD} gives {@code MYSQL_USER}...).
   */
  private static List<String> userNames(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : new String[] {"password", "passwd", "pass", "pwd"}) {
      int at = lower.lastIndexOf(word);
      if (at < 0) {
        continue;
      }
      String written = name.substring(at, at + word.length());
      List<String> names = new java.util.ArrayList<>();
      for (String user : new String[] {"user", "username", "login"}) {
        String cased = written.equals(written.toUpperCase(Locale.ROOT)) ? user.toUpperCase(Locale.ROOT)
            : Character.isUpperCase(written.charAt(0)) ? Character.toUpperCase(user.charAt(0)) + user.substring(1)
            : user;
        names.add(name.substring(0, at) + cased + name.substring(at + word.length()));
      }
      return names;
    }
    return List.of();
  }

  private static String unquoted(String text) {
    boolean quoted = text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
        && text.charAt(text.length() - 1) == text.charAt(0);
    return quoted ? text.substring(1, text.length() - 1) : text;
  }

  private static boolean isPasswordName(String name) {
    if (name.equalsIgnoreCase("PWD")) {
      return false; // the shell's working directory
    }
    for (String word : dev.dockerlint.lint.Secrets.words(name)) {
      if (NOT_PASSWORDS.contains(word)) {
        continue;
      }
      if (word.endsWith("password") || word.endsWith("passwd") || word.endsWith("pass") || word.endsWith("pwd")
          || word.equals("pword") || word.equals("passphrase") || word.equals("secret")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code echo 'user:pass' | chpasswd} and {@code echo pass | passwd --stdin user}: a literal
   * password given to the account database in the build.
   */
  private static void checkChpasswd(ShellScript script, RuleContext context) {
    List<ShellCommand> commands = script.commands();
    for (int i = 0; i < commands.size(); i++) {
      ShellCommand writer = commands.get(i).invoked();
      if (writer == null || !(writer.is("echo") || writer.is("printf"))) {
        continue;
      }
      int reader = script.pipeReader(i);
      if (reader < 0) {
        continue;
      }
      ShellCommand target = commands.get(reader).unwrapped();
      boolean chpasswd = target.is("chpasswd") && !target.hasAnyFlag("-e", "--encrypted");
      boolean passwdStdin = target.is("passwd") && target.hasFlag("--stdin");
      if (!chpasswd && !passwdStdin) {
        continue;
      }
      for (Word word : writer.positionalArguments()) {
        if (word.expands() || writer.is("printf") && word == writer.positionalArguments().get(0)
            && writer.positionalArguments().size() > 1) {
          continue; // a variable (an ARG: secret-in-env's), or printf's format
        }
        String text = word.value();
        int newline = text.indexOf("\\n");
        text = newline >= 0 ? text.substring(0, newline) : text;
        int colon = text.indexOf(':');
        String user = chpasswd ? (colon > 0 ? text.substring(0, colon) : null) : lastOperand(target);
        String password = chpasswd ? (colon > 0 ? text.substring(colon + 1) : "") : text;
        if (user == null || password.isEmpty()) {
          continue;
        }
        SourceRange at = passwordRange(word, password);
        context.redact(at, password);
        context.report(word.range(), "'" + writer.name() + " " + (chpasswd ? user + ":" : "") + Secrets.masked(password)
            + "' | " + target.name() + " gives " + user + " a fixed password that every container of the image "
            + "shares and the build history shows; lock the account (passwd -l) or set the password at run time");
      }
    }
  }

  private static String lastOperand(ShellCommand command) {
    List<Word> operands = command.positionalArguments();
    return operands.isEmpty() ? "root" : operands.get(operands.size() - 1).value();
  }

  /**
   * Where the password is written inside its word: exact for a word on one line whose raw text
   * holds the password once; the whole word otherwise.
   */
  private static SourceRange passwordRange(Word word, String password) {
    SourceRange range = word.range();
    String raw = word.raw();
    int at = raw.lastIndexOf(password);
    if (range.startLine() != range.endLine() || at < 0 || raw.indexOf(password) != at
        || range.endColumn() - range.startColumn() != raw.length()) {
      return range;
    }
    int column = range.startColumn() + at;
    return SourceRange.of(range.startLine(), column, range.startLine(), column + password.length());
  }
}
