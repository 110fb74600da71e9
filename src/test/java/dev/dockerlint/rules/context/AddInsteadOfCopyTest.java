package dev.dockerlint.rules.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AddInsteadOfCopyTest {
  private final RuleTester tester = new RuleTester(new AddInsteadOfCopy());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nCOPY app.conf /etc/app/\n",
        "FROM debian:12\nADD rootfs.tar.xz /\n",
        "FROM debian:12\nADD \"app.tar\" /opt/\n",
        "FROM debian:12\nADD https://example.com/tool /usr/local/bin/tool\n",
        "FROM debian:12\nADD --checksum=sha256:0123 http://example.com/x.bin /x.bin\n",
        "FROM debian:12\nADD git@github.com:moby/buildkit.git /src\n",
        "FROM debian:12\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n",
        "FROM debian:12\nADD $SOURCE /opt/\n",
        "FROM debian:12\nARG URL=https://example.com/x.bin\nADD ${URL} /opt/\n",
        "FROM debian:12\nADD a.tgz b.tar.bz2 /opt/\n",
        "FROM debian:12\nONBUILD ADD . /app/\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nADD [|app.conf|] /etc/app/\n",
        "FROM debian:12\nADD [|.|] /app\n",
        "FROM debian:12\nADD [|app.zip|] /opt/\n",
        "FROM debian:12\nADD [[|\"app.conf\"|], \"/etc/app/\"]\n",
        "FROM debian:12\nADD --chown=app:app app.tar.gz [|notes.txt|] other.txt /opt/\n",
        "FROM debian:12\nARG CONF=app.conf\nADD [|${CONF}|] /etc/app/\n",
        "FROM debian:12\nADD \\\n    [|app.conf|] \\\n    /etc/app/\n",
        "FROM debian:12\nADD [|<<EOF|] /etc/motd\nhello\nEOF\n");
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
  void messageQuotesThePathAndSaysWhatToDo() {
    var findings = tester.check("FROM debian:12\nARG CONF=app.conf\nADD [|${CONF}|] /etc/app/\n");
    assertThat(findings.get(0).message()).contains("'app.conf'").contains("use COPY").doesNotEndWith(".");
    var heredoc = tester.check("FROM debian:12\nADD [|<<EOF|] /etc/motd\nhi\nEOF\n");
    assertThat(heredoc.get(0).message()).contains("heredoc");
  }

  @Test
  void oneFindingPerAdd() {
    assertThat(tester.check("FROM debian:12\nADD [|a.txt|] b.txt /opt/\n")).hasSize(1);
  }
}
