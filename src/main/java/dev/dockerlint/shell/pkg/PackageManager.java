package dev.dockerlint.shell.pkg;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.SourceRange;
import java.util.List;
import java.util.Set;

/**
 * The package managers and language installers whose command lines rules read, and the options of
 * each that take the next word as their value, so that a command's subcommand and operands can be
 * told from option values ({@code apt-get -o Dpkg::Options::=--force-confold install curl}: install,
 * curl).
 */
public enum PackageManager {
  /** {@code apt-get} and {@code apt}. */
  APT(Set.of("-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release")),
  /** {@code yum}, {@code dnf}, {@code microdnf} and {@code tdnf}. */
  RPM(Set.of("-c", "--config", "-x", "--exclude", "-d", "--debuglevel", "-e", "--errorlevel",
      "-R", "--randomwait", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--setopt",
      "--repo", "--repoid", "--repofrompath", "--forcearch", "--downloaddir", "--destdir", "--comment")),
  APK(Set.of("-X", "--repository", "-p", "--root", "--arch", "-t", "--virtual", "--cache-dir",
      "--keys-dir", "--repositories-file", "--cache-max-age")),
  ZYPPER(Set.of("-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir",
      "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir", "-r", "--repo", "--from", "-t", "--type",
      "-p", "--plus-repo", "--installroot")),
  /** {@code pip}, {@code pip3}, {@code pip3.12} (see {@link Pip#isPip}) and {@code pipx}. */
  PIP(Set.of("-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host",
      "-t", "--target", "--prefix", "--root", "--src", "-e", "--editable", "-c", "--constraint", "-r",
      "--requirement", "--platform", "--python-version", "--implementation", "--abi", "--no-binary",
      "--only-binary", "--progress-bar", "--proxy", "--python", "--root-user-action", "--upgrade-strategy",
      "--cache-dir", "--log", "--timeout", "--retries", "--global-option", "--install-option",
      "--config-settings", "-C", "--report", "--cert", "--client-cert", "--exists-action", "--keyring-provider",
      "--use-feature", "--use-deprecated")),
  NPM(Set.of("--loglevel", "--registry", "--prefix", "-w", "--workspace", "--cache", "--userconfig",
      "--omit", "--include", "--install-strategy", "--tag", "--location", "-C")),
  GEM(Set.of("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P",
      "--trust-policy", "--platform", "-g", "--file", "-p", "--http-proxy", "--build-root", "--document")),
  /** {@code go install}, {@code go get}: the build flags. */
  GO(Set.of("-ldflags", "-gcflags", "-tags", "-o", "-mod", "-modfile", "-p", "-asmflags", "-buildmode",
      "-compiler", "-gccgoflags", "-installsuffix", "-overlay", "-pkgdir", "-toolexec", "-C", "-pgo", "-covermode",
      "-coverpkg", "-exec"));

  private final Set<String> valueFlags;

  PackageManager(Set<String> valueFlags) {
    this.valueFlags = valueFlags;
  }

  /** The options that take the next word as their value. */
  public Set<String> valueFlags() {
    return valueFlags;
  }

  /** The package manager a program name runs, or null (for {@code python -m pip} as well). */
  public static PackageManager of(String program) {
    return switch (program) {
      case "apt-get", "apt" -> APT;
      case "yum", "dnf", "microdnf", "tdnf" -> RPM;
      case "apk" -> APK;
      case "zypper" -> ZYPPER;
      case "pipx" -> PIP;
      case "npm" -> NPM;
      case "gem" -> GEM;
      case "go" -> GO;
      default -> Pip.isPip(program) ? PIP : null;
    };
  }

  /** The value-taking options of the command's program; none for a program this model does not know. */
  public static Set<String> valueFlagsOf(ShellCommand command) {
    PackageManager manager = of(command.name());
    return manager == null ? Set.of() : manager.valueFlags;
  }

  /**
   * The positional words of a command: its subcommand and operands, without the values of its
   * program's value-taking options.
   */
  public static List<Word> operands(ShellCommand command) {
    return command.positionalArguments(valueFlagsOf(command));
  }

  /** The first positional word ({@code install} in {@code apt-get -o X=1 install x}), or null. */
  public static Word subcommand(ShellCommand command) {
    return command.firstPositional(valueFlagsOf(command));
  }

  /** The program name up to the subcommand ({@code apt-get -q install}): where a finding about it points. */
  public static SourceRange nameAndSubcommand(ShellCommand command) {
    return command.rangeTo(subcommand(command));
  }

  /**
   * True when the command installs packages: {@code apt-get install}, {@code apk add},
   * {@code dnf install}, {@code zypper in}, {@code pip install} (and {@code python -m pip install}),
   * {@code npm install}/{@code ci}, {@code gem install}, {@code go install}/{@code get}. A dry run
   * ({@code apt-get install -s}) installs nothing.
   */
  public static boolean installs(ShellCommand command) {
    if (Pip.installIndex(command, true) >= 0) {
      return true;
    }
    PackageManager manager = of(command.name());
    Word sub = subcommand(command);
    if (manager == null || manager == PIP || sub == null) {
      return false;
    }
    String s = sub.value();
    return switch (manager) {
      case APT -> s.equals("install") && !Apt.simulates(command);
      case RPM, ZYPPER -> s.equals("install") || s.equals("in") || s.equals("reinstall");
      case APK -> s.equals("add");
      case NPM -> s.equals("install") || s.equals("i") || s.equals("ci") || s.equals("add") || s.equals("isntall");
      case GEM -> s.equals("install") || s.equals("i");
      case GO -> s.equals("install") || s.equals("get");
      case PIP -> false;
    };
  }

  /**
   * The packages an operating-system package manager installs ({@code apt-get install -y curl=7.88*}
   * gives {@code curl=7.88*}): the operands after the subcommand, versions kept. Empty for other
   * commands, language installers included.
   */
  public static List<Word> installedPackages(ShellCommand command) {
    PackageManager manager = of(command.name());
    if (manager != APT && manager != RPM && manager != APK && manager != ZYPPER || !installs(command)) {
      return List.of();
    }
    List<Word> operands = operands(command);
    return operands.subList(1, operands.size());
  }

  /**
   * The packages an operating-system package manager removes: {@code apt-get purge}/{@code remove},
   * {@code apk del}, {@code dnf remove}/{@code erase}, {@code zypper rm}/{@code remove}.
   */
  public static List<Word> removedPackages(ShellCommand command) {
    PackageManager manager = of(command.name());
    Word sub = subcommand(command);
    if (sub == null) {
      return List.of();
    }
    String s = sub.value();
    boolean removes = manager == APT && (s.equals("purge") || s.equals("remove"))
        || manager == APK && s.equals("del")
        || manager == RPM && (s.equals("remove") || s.equals("erase"))
        || manager == ZYPPER && (s.equals("remove") || s.equals("rm"));
    if (!removes) {
      return List.of();
    }
    List<Word> operands = operands(command);
    return operands.subList(1, operands.size());
  }

  /**
   * A package word without the version a package manager writes after its name: {@code curl=7.88*}
   * (apt, apk, zypper) and {@code curl-7.76.1} (yum, dnf: a hyphen then a digit) give {@code curl}.
   */
  public static String packageName(ShellCommand command, String word) {
    PackageManager manager = of(command.name());
    int end = word.length();
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean versionStarts = manager == RPM ? c == '-' && i + 1 < word.length() && Character.isDigit(word.charAt(i + 1))
          : c == '=' || c == '<' || c == '>' || c == '~' || manager == APT && c == ':' || manager == APK && c == '@';
      if (versionStarts) {
        end = i;
        break;
      }
    }
    return word.substring(0, end);
  }
}
