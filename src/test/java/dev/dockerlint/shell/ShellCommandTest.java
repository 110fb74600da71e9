package dev.dockerlint.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.source.SourceRange;
import dev.dockerlint.source.SourceText;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellCommandTest {

  private static ShellCommand command(String text) {
    ShellScript script = ShellParserTest.parse(text);
    assertThat(script.problems()).isEmpty();
    return script.commands().get(script.commands().size() - 1);
  }

  private static String values(java.util.List<Word> words) {
    return words.stream().map(Word::value).collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "[{index}] {0} has {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "apt-get install -y curl      | -y      | true",
      "apt-get install -qy curl     | -y      | true",
      "apt-get install -yq curl     | -y      | true",
      "apt-get install --yes curl   | -y      | false",
      "apt-get install --yes curl   | --yes   | true",
      "apt-get install --yes=true x | --yes   | true",
      "apt-get install --yes-x x    | --yes   | false",
      "apt-get -q=2 install x       | -y      | false",
      "apt-get -q=2 install x       | -q      | true",
      "apt-get -qq install x        | -q      | true",
      "apt-get install curl         | -y      | false",
      "apt-get install '-y' curl    | -y      | false",
      "apt-get install -- -y        | -y      | false",
      "apt-get install y            | -y      | false",
      "pip install --no-cache-dir x | --no-cache-dir | true",
      "pip install -r req.txt       | --no-cache-dir | false",
  })
  void hasFlag(String text, String flag, boolean expected) {
    assertThat(command(text).hasFlag(flag)).isEqualTo(expected);
  }

  @Test
  void hasAnyFlag() {
    assertThat(command("apt-get install --assume-yes x").hasAnyFlag("-y", "--yes", "--assume-yes")).isTrue();
    assertThat(command("apt-get install x").hasAnyFlag("-y", "--yes")).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "apt-get install -y curl                               | install curl",
      "apt-get -o Dpkg::Options::=--force-confold -y install x | install x",
      "apt-get -qq update                                    | update",
      "cp -- -a b                                            | -a b",
      "rm -rf /var/lib/apt/lists/*                           | /var/lib/apt/lists/*",
      "apk add --no-cache -X http://mirror curl              | add curl",
      "echo '-n' x                                           | -n x",
      "ls                                                    | ''",
  })
  void positionalArguments(String text, String expected) {
    assertThat(values(command(text).positionalArguments())).isEqualTo(expected);
  }

  @Test
  void subcommand() {
    assertThat(command("apt-get -q install x").subcommand()).isEqualTo(Optional.of("install"));
    assertThat(command("apt-get -y").subcommand()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "apt-get update             | apt-get",
      "/usr/bin/apt-get update    | apt-get",
      "\"/usr/bin/apt-get\" update | apt-get",
      "./configure --prefix=/x    | configure",
      "dir/ x                     | dir/",
      "A=1                        | ''",
  })
  void name(String text, String expected) {
    assertThat(command(text).name()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "sudo -E apt-get install -y x             | apt-get install -y x",
      "sudo -u bob cmd a                        | cmd a",
      "sudo -g grp -u bob cmd                   | cmd",
      "sudo --user bob -H cmd                   | cmd",
      "timeout 30 cmd x                         | cmd x",
      "timeout -s KILL 5m cmd                   | cmd",
      "env A=1 B=2 cmd x                        | cmd x",
      "env -u HOME cmd                          | cmd",
      "nice -n 10 cmd                           | cmd",
      "nice -5 cmd                              | cmd",
      "sudo env A=1 nice -n 5 apt-get update    | apt-get update",
      "chroot /newroot cmd                      | cmd",
      "chroot --userspec=u:g /newroot cmd a     | cmd a",
      "gosu user cmd                            | cmd",
      "su-exec user:group cmd                   | cmd",
      "nohup cmd                                | cmd",
      "time make -j4                            | make -j4",
      "exec \"$@\"                               | $@",
      "command curl -s x                        | curl -s x",
      "command -v curl                          | command -v curl",
      "sudo                                     | sudo",
      "sudo -E                                  | sudo -E",
      "env                                      | env",
      "apt-get install x                        | apt-get install x",
  })
  void unwrapped(String text, String expected) {
    assertThat(values(command(text).unwrapped().words())).isEqualTo(expected);
  }

  @Test
  void unwrappedKeepsSeparatorDepthAndARangeFromTheInnerCommand() {
    String text = "(sudo -E apt-get update) | x";
    ShellCommand sudo = ShellParserTest.parse(text).commands().get(0);
    ShellCommand inner = sudo.unwrapped();
    assertThat(inner.subshellDepth()).isEqualTo(1);
    assertThat(inner.separator()).isEqualTo(sudo.separator());
    assertThat(new SourceText(text).slice(inner.range())).isEqualTo("apt-get update");
    ShellCommand plain = command("ls -l");
    assertThat(plain.unwrapped()).isSameAs(plain);
  }

  @Test
  void argumentsAndHasArgument() {
    ShellCommand c = command("A=1 rm -rf \"/var/lib/apt/lists/*\"");
    assertThat(c.is("rm")).isTrue();
    assertThat(values(c.assignments())).isEqualTo("A=1");
    assertThat(values(c.arguments())).isEqualTo("-rf /var/lib/apt/lists/*");
    assertThat(c.hasArgument("/var/lib/apt/lists/*")).isTrue();
    assertThat(c.hasArgument("/tmp")).isFalse();
    assertThat(command("A=1").arguments()).isEmpty();
  }

  @Test
  void inSubshell() {
    assertThat(command("cd /x").inSubshell()).isFalse();
    assertThat(command("(cd /x)").inSubshell()).isTrue();
    assertThat(command("{ cd /x; }").inSubshell()).isFalse();
  }

  @Test
  void wordRangeIsExact() {
    ShellCommand c = command("echo  'a b'");
    assertThat(c.words().get(1).range()).isEqualTo(SourceRange.of(1, 7, 1, 12));
  }

  @Test
  void invokedLooksThroughWrappersButNotThroughCommandV() {
    assertThat(command("sudo -u app apt-get install x").invoked().name()).isEqualTo("apt-get");
    assertThat(command("command -v curl").invoked()).isNull();
    assertThat(command("FOO=1").invoked()).isNull();
    assertThat(command("curl x").invoked().name()).isEqualTo("curl");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "npm --registry r install x     | install x",
      "npm install -- --registry x    | install --registry x",
      "npm --loglevel                 | ''",
      "npm '--registry' r install     | --registry r install",
  })
  void positionalArgumentsWithGivenValueFlags(String text, String expected) {
    java.util.Set<String> flags = java.util.Set.of("--registry", "--loglevel");
    ShellCommand c = command(text);
    assertThat(values(c.positionalArguments(flags))).isEqualTo(expected);
    Word first = c.firstPositional(flags);
    assertThat(first == null ? "" : first.value()).isEqualTo(expected.isEmpty() ? "" : expected.split(" ")[0]);
  }

  @Test
  void rangeToRunsFromTheProgramNameToTheWordGiven() {
    ShellCommand c = command("apt-get -q install x");
    assertThat(c.rangeTo(c.words().get(2))).isEqualTo(c.words().get(0).range().union(c.words().get(2).range()));
    assertThat(c.rangeTo(null)).isEqualTo(c.words().get(0).range());
  }

  @ParameterizedTest(name = "[{index}] {0} removes {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "rm -rf /var/cache/apk/*  | /var/cache/apk | true",
      "rm -rf /var/cache        | /var/cache/apk | true",
      "rm -rf /var/cache/apkx   | /var/cache/apk | false",
      "rm -rf /var/cache/apk/x  | /var/cache/apk | false",
      "ls /var/cache/apk        | /var/cache/apk | false",
  })
  void removes(String text, String directory, boolean expected) {
    assertThat(command(text).removes(directory)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "/var/cache/apk/*  | /var/cache/apk",
      "/tmp/./           | /tmp",
      "/a/*/             | /a",
      "/                 | /",
      "/*                | ''",
      "''                | ''",
  })
  void normalizePath(String path, String expected) {
    assertThat(Word.normalizePath(path)).isEqualTo(expected);
  }

  @Test
  void lastIndexOfFindsTheLastMatchingCommandThroughWrappers() {
    ShellScript script = ShellParserTest.parse("rm -rf /a && echo x && sudo rm -rf /b && ls");
    java.util.function.Predicate<ShellCommand> rm = c -> c.is("rm");
    assertThat(script.lastIndexOf(rm)).isEqualTo(2);
    assertThat(script.lastIndexOf(c -> c.is("cp"))).isEqualTo(-1);
  }

  @Test
  void aWordIsAFlagWhenItsDashIsUnquotedEvenIfItsValueIsQuoted() {
    assertThat(command("gem install x --version='2.0.1'").hasFlag("--version")).isTrue();
    assertThat(command("apt-get install \"-y\" x").hasFlag("-y")).isFalse();
    assertThat(command("apt-get install '-y' x").hasFlag("-y")).isFalse();
  }

  @Test
  void removesCoversGlobsAtTheEndOfTheLastName() {
    assertThat(command("rm -rf /var/cache/libdnf5*").removes("/var/cache/libdnf5")).isTrue();
    assertThat(command("rm -rf /var/cache/dnf*").removes("/var/cache/dnf/x")).isTrue();
    assertThat(command("rm -rf /var/cache/dnf*").removes("/var/cache/yum")).isFalse();
    assertThat(command("rm -rf *").removes("/var/cache/apk")).isFalse();
    assertThat(command("rm -rf /var/*/apk").removes("/var/cache/apk")).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0} reads its script from stdin: {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "bash                        | bash",
      "/bin/sh                     | sh",
      "sh -e                       | sh",
      "bash -eux                   | bash",
      "bash -o pipefail            | bash",
      "bash -euxo pipefail         | bash",
      "sh +o posix -e              | sh",
      "bash --norc --noprofile     | bash",
      "bash --rcfile /etc/rc       | bash",
      "bash -s                     | bash",
      "bash -s -- a b              | bash",
      "bash -es arg                | bash",
      "bash -                      | bash",
      "sh --                       | sh",
      "'bash' '-e'                 | bash",
      "sudo -u bob bash            | bash",
      "env X=1 dash                | dash",
      "bash -c 'echo hi'           | null",
      "bash -ec 'echo hi'          | null",
      "bash script.sh              | null",
      "bash -e script.sh           | null",
      "bash -- script.sh           | null",
      "bash -o pipefail script.sh  | null",
      "bash --rcfile rc script.sh  | null",
      "python3                     | null",
      "bashful                     | null",
      "cat                         | null"})
  void stdinShell(String text, String expected) {
    assertThat(command(text).stdinShell()).isEqualTo(expected);
  }

  @Test
  void isShellNamesThePosixShells() {
    assertThat(ShellCommand.isShell("bash")).isTrue();
    assertThat(ShellCommand.isShell("mksh")).isTrue();
    assertThat(ShellCommand.isShell("python3")).isFalse();
    assertThat(ShellCommand.isShell("")).isFalse();
  }
}
