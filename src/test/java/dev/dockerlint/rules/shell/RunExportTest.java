package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunExportTest {
  private final RuleTester tester = new RuleTester(new RunExport());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\n",
        "FROM debian:12\nRUN export DEBIAN_FRONTEND=noninteractive && apt-get update\n",
        "FROM node:20\nRUN export GNUPGHOME=\"$(mktemp -d)\" && gpg --batch --import /k.asc && rm -rf \"$GNUPGHOME\"\n",
        "FROM python:3.12\nRUN . /opt/venv/bin/activate && pip install flask\n",
        "FROM debian:12\nRUN X=1 make\n",
        "FROM debian:12\nRUN export X=1; (cd /src && make)\n",
        "FROM debian:12\nRUN echo 'export X=1' >> /etc/profile.d/x.sh\n",
        "FROM debian:12\nRUN umask\n",
        "FROM debian:12\nRUN export -p\n",
        "FROM debian:12\nRUN declare -a list=(a b)\n",
        "FROM debian:12\nRUN [\"export\", \"X=1\"]\n",
        "FROM debian:12\nRUN cd /src\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|export X=y|]\n",
        "FROM debian:12\nRUN [|export A=1 B=2|]\n",
        "FROM debian:12\nRUN make && [|export BUILT=1|]\n",
        "FROM debian:12\nRUN [|export A=1|] && [|export B=2|]\n",
        "FROM debian:12\nRUN [|FOO=bar|]\n",
        "FROM python:3.12\nRUN [|source /opt/venv/bin/activate|]\n",
        "FROM python:3.12\nRUN python3 -m venv /opt/venv && [|. /opt/venv/bin/activate|]\n",
        "FROM debian:12\nRUN [|alias ll='ls -l'|]\n",
        "FROM debian:12\nRUN [|umask 002|]\n",
        "FROM debian:12\nRUN [|declare -x X=1|]\n",
        "FROM debian:12\nRUN if [ -d /opt ]; then [|export HAS_OPT=1|]; fi\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\n[|export PATH=/opt/bin:$PATH|]\nEOF\n",
        "FROM debian:12\nONBUILD RUN [|export APP_ENV=production|]\n",
        "FROM debian:12\nRUN make \\\n  # remember it\n  && [|export BUILT=1|]\n",
        "FROM debian:12\nRUN [|export X=$(cat /version)|]\n");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void valid(String source) {
    tester.check(source);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalid(String source) {
    tester.check(source);
  }

  @Test
  void messagesNameTheVariablesButNotTheirValues() {
    var findings = tester.check("FROM debian:12\nRUN [|export API_TOKEN=s3cr3t-value OTHER=1|]\n");
    assertThat(findings.get(0).message()).isEqualTo("'export' of API_TOKEN, OTHER is lost when this RUN's shell exits: "
        + "later instructions do not see it; set it with ENV API_TOKEN=<value>, or in the RUN that uses it");
    assertThat(findings.get(0).message()).doesNotContain("s3cr3t");
    assertThat(tester.check("FROM python:3.12\nRUN [|source /opt/venv/bin/activate|]\n").get(0).message())
        .isEqualTo("'source /opt/venv/bin/activate' changes only this RUN's shell, which exits right after; set what "
            + "it sets with ENV (for a virtualenv: ENV PATH=/opt/venv/bin:$PATH), or source it in the RUN that needs it");
  }
}
