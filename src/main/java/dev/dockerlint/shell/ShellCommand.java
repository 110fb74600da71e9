package dev.dockerlint.shell;

import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One simple command of a shell script: {@code FOO=1 apt-get install -y curl}.
 *
 * @param assignments leading {@code NAME=value} words
 * @param words the command name and its arguments (redirections removed)
 * @param separator what joins it to the next command
 * @param subshellDepth how many {@code ( )} subshells, {@code $( )}, backtick or {@code <( )}
 *     substitutions and {@code sh -c '...'} strings enclose it (brace groups do not count)
 * @param name the program name without its directory ({@code /usr/bin/apt-get} gives {@code apt-get}),
 *     always derived from the first word (a value passed in is replaced); a component so that the
 *     rules, which ask for it constantly, read a field
 */
public record ShellCommand(
    List<Word> assignments, List<Word> words, SourceRange range, Separator separator, int subshellDepth,
    String name) {

  /** Commands that run the command given as their arguments. */
  static final Set<String> WRAPPERS =
      Set.of("sudo", "env", "nice", "nohup", "time", "command", "exec", "stdbuf", "chroot", "doas", "gosu", "su-exec",
          "timeout");
  /** POSIX-style shells: the programs whose {@code -c} strings and stdin scripts are parsed as shell. */
  public static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh");

  /** Wrapper options whose value is the next word ({@code sudo -u bob}, {@code env -u NAME}). */
  private static final Set<String> WRAPPER_VALUE_OPTIONS =
      Set.of("-u", "-g", "-C", "-D", "--user", "--group", "--unset", "--chdir");

  /** Options that take the next word as their value, per program (positional arguments skip it). */
  private static final Map<String, Set<String>> VALUE_OPTIONS;

  static {
    Set<String> apt = Set.of("-o", "-c", "-t", "--option", "--config-file", "--target-release");
    Set<String> rpm = Set.of("-c", "-x", "--config", "--exclude", "--installroot", "--releasever", "--setopt");
    VALUE_OPTIONS = Map.of(
        "apt-get", apt, "apt", apt, "aptitude", apt,
        "apk", Set.of("-X", "-p", "--repository", "--root", "--cache-dir", "--arch"),
        "dnf", rpm, "yum", rpm, "microdnf", rpm);
  }

  public ShellCommand {
    assignments = List.copyOf(assignments);
    words = List.copyOf(words);
    name = programName(words);
  }

  public ShellCommand(
      List<Word> assignments, List<Word> words, SourceRange range, Separator separator, int subshellDepth) {
    this(assignments, words, range, separator, subshellDepth, "");
  }

  private static String programName(List<Word> words) {
    if (words.isEmpty()) {
      return "";
    }
    String value = words.get(0).value();
    int slash = value.lastIndexOf('/');
    return slash >= 0 && slash < value.length() - 1 ? value.substring(slash + 1) : value;
  }

  /** True for a POSIX-style shell's program name: sh, bash, dash, ash, zsh, ksh, mksh. */
  public static boolean isShell(String program) {
    return SHELLS.contains(program);
  }

  public boolean is(String program) {
    return name().equals(program);
  }

  public List<Word> arguments() {
    return words.isEmpty() ? List.of() : words.subList(1, words.size());
  }

  /**
   * True if a flag is present. A short flag ({@code -y}) also matches inside combined short flags
   * ({@code -qy}); a long flag ({@code --yes}) matches {@code --yes} and {@code --yes=...}. A
   * short flag with a value ({@code -q=2}) matches only that flag ({@code -q}, not {@code -y});
   * nothing after {@code --} counts.
   */
  public boolean hasFlag(String flag) {
    boolean isShort = flag.length() == 2 && flag.charAt(0) == '-' && flag.charAt(1) != '-';
    for (Word word : arguments()) {
      if (word.value().equals("--") && !word.quoted()) {
        return false;
      }
      if (!word.isFlag()) {
        continue;
      }
      String v = word.value();
      if (v.equals(flag) || v.startsWith(flag + "=")) {
        return true;
      }
      if (isShort && !v.startsWith("--") && v.indexOf('=') < 0 && v.indexOf(flag.charAt(1), 1) > 0) {
        return true;
      }
    }
    return false;
  }

  public boolean hasAnyFlag(String... flags) {
    for (String flag : flags) {
      if (hasFlag(flag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Arguments that are not flags, in order ({@code apt-get install -y curl} gives install, curl).
   * For a few package managers the value word of an option such as apt-get's {@code -o} is
   * skipped too ({@code apt-get -o Dpkg::Use-Pty=0 install curl} gives install, curl). This table
   * is shorter than the package-manager model's ({@code dev.dockerlint.shell.pkg.PackageManager}):
   * the rules that read {@code positionalArguments()} were written and tested against it.
   */
  public List<Word> positionalArguments() {
    return positional(arguments(), VALUE_OPTIONS.getOrDefault(name(), Set.of()));
  }

  /** The arguments that are not flags, leaving out the value word of each flag in {@code valueFlags}. */
  public List<Word> positionalArguments(Set<String> valueFlags) {
    return positional(arguments(), valueFlags);
  }

  /**
   * The words of {@code args} that are not flags, leaving out the value word of each flag in
   * {@code valueFlags}; after an unquoted {@code --} every word counts.
   */
  public static List<Word> positional(List<Word> args, Set<String> valueFlags) {
    List<Word> result = new ArrayList<>();
    boolean endOfFlags = false;
    for (int i = 0; i < args.size(); i++) {
      Word word = args.get(i);
      if (!endOfFlags && word.value().equals("--") && !word.quoted()) {
        endOfFlags = true;
        continue;
      }
      if (endOfFlags || !word.isFlag()) {
        result.add(word);
      } else if (valueFlags.contains(word.value())) {
        i++;
      }
    }
    return result;
  }

  /**
   * The first of {@link #positionalArguments(Set)} ({@code install} in {@code apt-get -o X=1 install x}),
   * or null; found without building the list, as rules ask it of every command.
   */
  public Word firstPositional(Set<String> valueFlags) {
    List<Word> args = arguments();
    for (int i = 0; i < args.size(); i++) {
      Word word = args.get(i);
      if (word.value().equals("--") && !word.quoted()) {
        return i + 1 < args.size() ? args.get(i + 1) : null;
      }
      if (!word.isFlag()) {
        return word;
      }
      if (valueFlags.contains(word.value())) {
        i++;
      }
    }
    return null;
  }

  /** From the program name to {@code last} ({@code apt-get -q install}); the name alone when last is null. */
  public SourceRange rangeTo(Word last) {
    SourceRange name = words.get(0).range();
    return last == null ? name : name.union(last.range());
  }

  /** The first positional argument, such as {@code install} in {@code apt-get -q install}. */
  public Optional<String> subcommand() {
    List<Word> positional = positionalArguments();
    return positional.isEmpty() ? Optional.empty() : Optional.of(positional.get(0).value());
  }

  public boolean hasArgument(String value) {
    for (Word word : arguments()) {
      if (word.value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The command a wrapper runs: {@code sudo -E apt-get install} gives {@code apt-get install};
   * {@code env FOO=1 make} gives {@code make}. Returns this command when it is not a wrapper, when
   * nothing follows the wrapper's options, and for {@code command -v}, which only looks a name up.
   */
  public ShellCommand unwrapped() {
    ShellCommand current = this;
    for (int guard = 0; guard < 8 && WRAPPERS.contains(current.name()); guard++) {
      if (current.is("command") && current.hasAnyFlag("-v", "-V")) {
        return current; // command -v curl looks curl up, it does not run it
      }
      List<Word> rest = current.arguments();
      int i = 0;
      boolean skippedOperand = false;
      while (i < rest.size()) {
        Word w = rest.get(i);
        String v = w.value();
        if (v.startsWith("-") && !w.quoted()) {
          i++;
          boolean takesValue = WRAPPER_VALUE_OPTIONS.contains(v)
              || (current.is("nice") && v.equals("-n"))
              || (current.is("timeout") && (v.equals("-s") || v.equals("-k")));
          if (takesValue && i < rest.size()) {
            i++;
          }
        } else if (current.is("env") && v.indexOf('=') > 0) {
          i++;
        } else if (!skippedOperand
            && (current.is("chroot") || current.is("gosu") || current.is("su-exec") || current.is("timeout"))) {
          skippedOperand = true;
          i++; // the new root, the user to switch to, the duration
        } else {
          break;
        }
      }
      if (i >= rest.size()) {
        return current;
      }
      List<Word> inner = rest.subList(i, rest.size());
      SourceRange first = inner.get(0).range();
      SourceRange innerRange = first.start().compareTo(current.range().end()) <= 0
          ? new SourceRange(first.start(), current.range().end())
          : first;
      current = new ShellCommand(List.of(), inner, innerRange, current.separator(), current.subshellDepth());
    }
    return current;
  }

  /**
   * The program this command really runs, looking through wrappers ({@link #unwrapped()}); null for
   * {@code command -v x} / {@code command -V x}, which only ask whether x exists, and for a command
   * of assignments alone ({@code FOO=1}).
   */
  public ShellCommand invoked() {
    if (is("command") && hasAnyFlag("-v", "-V")) {
      return null;
    }
    ShellCommand unwrapped = unwrapped();
    return unwrapped.words().isEmpty() ? null : unwrapped;
  }

  /**
   * The shell ({@code sh}, {@code bash}, ...) when this command, looked through wrappers, is a shell
   * that reads its script from standard input: no {@code -c} and no script file operand
   * ({@code bash}, {@code sh -e}, {@code bash -o pipefail}), or {@code -s} ({@code bash -s -- a b});
   * null otherwise ({@code bash -c 'x'}, {@code sh script.sh}, {@code python3}). Options are read as
   * the shell reads them, quotes removed: {@code -o} and {@code +o} take the next word,
   * {@code --rcfile} and {@code --init-file} too; {@code --} or a lone {@code -} ends the options.
   */
  public String stdinShell() {
    ShellCommand shell = unwrapped();
    if (!SHELLS.contains(shell.name())) {
      return null;
    }
    List<Word> args = shell.arguments();
    boolean fromStdin = false;
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if (v.equals("--") || v.equals("-")) {
        return fromStdin || i + 1 >= args.size() ? shell.name() : null;
      }
      if (v.startsWith("--")) {
        if (v.equals("--rcfile") || v.equals("--init-file")) {
          i++;
        }
        continue; // --norc, --login, --posix ...
      }
      if (v.length() < 2 || (v.charAt(0) != '-' && v.charAt(0) != '+')) {
        return fromStdin ? shell.name() : null; // a script file, or the arguments after -s
      }
      for (int k = 1; k < v.length(); k++) {
        char option = v.charAt(k);
        if (option == 'c' && v.charAt(0) == '-') {
          return null; // the script is a -c string; standard input is data for it
        }
        fromStdin |= option == 's';
      }
      if (v.indexOf('o', 1) > 0 || v.indexOf('O', 1) > 0) {
        i++; // -o pipefail, -euxo pipefail, +o posix, -O extglob
      }
    }
    return shell.name();
  }

  /**
   * True if this is an {@code rm} that removes {@code directory} or something containing it:
   * {@code rm -rf /var/cache/apk/*}, {@code rm -rf /var/cache} both cover {@code /var/cache/apk}, and
   * a glob at the end of the last name covers what it matches ({@code /var/cache/libdnf5*} covers
   * {@code /var/cache/libdnf5}).
   */
  public boolean removes(String directory) {
    if (!is("rm")) {
      return false;
    }
    for (Word word : positionalArguments()) {
      String path = Word.normalizePath(word.value());
      if (path.isEmpty()) {
        continue;
      }
      if (directory.equals(path) || directory.startsWith(path + "/")) {
        return true;
      }
      // a trailing * matches the rest of the last name, and rm -rf takes everything below it
      if (path.startsWith("/") && path.indexOf('*') == path.length() - 1
          && directory.startsWith(path.substring(0, path.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  public boolean inSubshell() {
    return subshellDepth > 0;
  }

  /**
   * The script word of {@code sh -c 'script'}, {@code bash -euxc "..."} or {@code su user -c '...'}
   * (this command itself, not looked through wrappers: see {@link #unwrapped()}); null when it
   * runs no script string.
   */
  public Word scriptWord() {
    List<Word> args = arguments();
    if (is("su")) {
      // su [user] -c 'script' [user]
      for (int i = 0; i + 1 < args.size(); i++) {
        String v = args.get(i).value();
        if (!args.get(i).quoted() && (v.equals("-c") || v.equals("--command"))) {
          return args.get(i + 1);
        }
      }
      return null;
    }
    if (!SHELLS.contains(name())) {
      return null;
    }
    boolean sawC = false;
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (w.quoted() || v.length() < 2 || (v.charAt(0) != '-' && v.charAt(0) != '+')) {
        return sawC ? w : null;
      }
      if (v.equals("--") || v.equals("-")) {
        return sawC && i + 1 < args.size() ? args.get(i + 1) : null;
      }
      if (v.startsWith("--")) {
        continue; // --login, --norc ...
      }
      if (v.charAt(0) == '-' && v.indexOf('c') > 0) {
        sawC = true;
      }
      if (v.indexOf('o') > 0 || v.indexOf('O') > 0) {
        i++; // -o / -euxo take an option name: pipefail
      }
    }
    return null;
  }
}
