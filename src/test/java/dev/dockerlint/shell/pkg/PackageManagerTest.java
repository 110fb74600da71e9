package dev.dockerlint.shell.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.shell.ShellParser;
import dev.dockerlint.shell.ShellScript;
import dev.dockerlint.shell.Word;
import dev.dockerlint.source.OffsetMap;
import dev.dockerlint.source.SourceText;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageManagerTest {
  private static ShellCommand command(String text) {
    ShellScript script = ShellParser.parse(text, OffsetMap.shifted(new SourceText(text), 0));
    assertThat(script.problems()).isEmpty();
    return script.commands().get(script.commands().size() - 1);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "apt-get      | APT",
      "apt          | APT",
      "tdnf         | RPM",
      "microdnf     | RPM",
      "apk          | APK",
      "zypper       | ZYPPER",
      "pip          | PIP",
      "pip3.12      | PIP",
      "pipx         | PIP",
      "npm          | NPM",
      "gem          | GEM",
      "go           | GO",
      "pipenv       | ",
      "python3      | ",
      "aptitude     | ",
  })
  void of(String program, PackageManager expected) {
    assertThat(PackageManager.of(program)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "apt-get -o Dpkg::Options::=--force-confold install curl | install curl",
      "apk add -t .build-deps gcc                             | add gcc",
      "pip3 install -i https://mirror -r req.txt flask         | install flask",
      "gem install -v 2.0 bundler                              | install bundler",
      "go build -o /bin/app ./cmd                              | build ./cmd",
      "yarn --cwd app install                                  | app install",
  })
  void operandsSkipTheValuesOfValueFlags(String text, String expected) {
    ShellCommand c = command(text);
    assertThat(PackageManager.operands(c).stream().map(Word::value).collect(Collectors.joining(" ")))
        .isEqualTo(expected);
    assertThat(PackageManager.subcommand(c).value()).isEqualTo(expected.split(" ")[0]);
  }

  @Test
  void nameAndSubcommandSpansTheProgramNameToTheSubcommand() {
    ShellCommand c = command("apt-get -o X=1 install curl");
    assertThat(PackageManager.nameAndSubcommand(c))
        .isEqualTo(c.words().get(0).range().union(c.words().get(3).range()));
    ShellCommand bare = command("apt-get -y");
    assertThat(PackageManager.subcommand(bare)).isNull();
    assertThat(PackageManager.nameAndSubcommand(bare)).isEqualTo(bare.words().get(0).range());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "pip install x                 | false | 1",
      "pip3.12 -q install x          | false | 2",
      "python3 -m pip install x      | false | 3",
      "python -u -m pip install x    | false | 4",
      "python setup.py install       | false | -1",
      "pip download x                | false | -1",
      "pipx install x                | false | -1",
      "pipx install x                | true  | 1",
      "python -m pipx install x      | true  | 3",
      "python -m pipx install x      | false | -1",
  })
  void pipInstallIndex(String text, boolean withPipx, int expected) {
    assertThat(Pip.installIndex(command(text), withPipx)).isEqualTo(expected);
  }

  @Test
  void pipAndPythonNames() {
    assertThat(Pip.isPip("pip3.12")).isTrue();
    assertThat(Pip.isPip("pipx")).isFalse();
    assertThat(Pip.isPip("pipenv")).isFalse();
    assertThat(Pip.isPython("python3.11")).isTrue();
    assertThat(Pip.isPython("python-config")).isFalse();
  }

  @Test
  void aptSimulates() {
    assertThat(Apt.simulates(command("apt-get install -s curl"))).isTrue();
    assertThat(Apt.simulates(command("apt-get install --dry-run curl"))).isTrue();
    assertThat(Apt.simulates(command("apt-get install -y curl"))).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0} names {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "--no-cache-dir       | --no-cache-dir",
      "--no-cache           | --no-cache-dir",
      "--no-ca              | --no-cache-dir",
      "--no-cache-dir=1     | --no-cache-dir",
      "--no-c               | null",
      "--no                 | null",
      "--no-cache-dirs      | null",
      "--req                | null",
      "--requirement        | --requirement",
      "--requirements       | --requirements-from-script",
      "--upgrade            | --upgrade",
      "--upgrade-s          | --upgrade-strategy",
      "--user               | --user",
      "--us                 | null",
      "--break              | --break-system-packages",
      "--ind                | --index-url",
      "--in                 | null",
      "--                   | null",
      "-U                   | null"})
  void pipReadsLongOptionAbbreviationsAsOptparseDoes(String word, String expected) {
    assertThat(Pip.installOption(word)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "apt-get install -y curl                 | true",
      "apt-get -q install curl                 | true",
      "apt-get install -s curl                 | false",
      "apt-get update                          | false",
      "apk add --no-cache curl                 | true",
      "apk del curl                            | false",
      "dnf -y install curl                     | true",
      "yum in curl                             | true",
      "zypper -n in curl                       | true",
      "pip install flask                       | true",
      "python3 -m pip install flask            | true",
      "pip download flask                      | false",
      "npm ci                                  | true",
      "npm i left-pad                          | true",
      "npm run build                           | false",
      "gem install bundler                     | true",
      "go install example.com/x@v1             | true",
      "go build ./...                          | false",
      "curl -O install                         | false",
  })
  void installs(String text, boolean expected) {
    assertThat(PackageManager.installs(command(text))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "apt-get install -y --no-install-recommends curl=7.88* wget | curl=7.88* wget",
      "apk add --virtual .deps curl                              | curl",
      "dnf install -y --setopt=tsflags=nodocs curl               | curl",
      "apt-get install -s curl                                   | ''",
      "pip install flask                                         | ''",
      "apt-get update                                            | ''",
  })
  void installedPackages(String text, String expected) {
    assertThat(PackageManager.installedPackages(command(text)).stream().map(Word::value)
        .collect(Collectors.joining(" "))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "apt-get purge -y --auto-remove curl | curl",
      "apt-get remove curl wget            | curl wget",
      "apk del .deps                       | .deps",
      "dnf erase curl                      | curl",
      "zypper rm curl                      | curl",
      "apt-get install curl                | ''",
      "apt-get autoremove                  | ''",
  })
  void removedPackages(String text, String expected) {
    assertThat(PackageManager.removedPackages(command(text)).stream().map(Word::value)
        .collect(Collectors.joining(" "))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(delimiter = '|', value = {
      "apt-get | curl=7.88.1-10 | curl",
      "apt-get | curl:amd64     | curl",
      "apk     | curl=8.5.0-r0  | curl",
      "apk     | curl@edge      | curl",
      "dnf     | curl-7.76.1    | curl",
      "dnf     | python3-pip    | python3-pip",
      "zypper  | curl>=8        | curl",
      "apt-get | libssl3        | libssl3",
  })
  void packageName(String program, String word, String expected) {
    assertThat(PackageManager.packageName(command(program + " install " + word), word)).isEqualTo(expected);
  }
}
