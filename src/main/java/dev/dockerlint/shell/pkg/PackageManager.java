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
}
