package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AddPlainHttpTest {
  private final RuleTester tester = new RuleTester(new AddPlainHttp());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nADD https://example.com/app.tar.gz /opt/\n",
        // verified: the transport does not matter
        "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
            + "http://example.com/app.tar.gz /opt/\n",
        "FROM alpine:3.20\nADD HTTP://example.com/x /x\n",
        "FROM alpine:3.20\nADD http.conf /etc/http.conf\n",
        // git sources are add-git-unpinned's
        "FROM alpine:3.20\nADD http://git.example.com/repo.git /src\n",
        "FROM alpine:3.20\nRUN wget http://example.com/x\n",
        "FROM alpine:3.20\nADD <<EOF /etc/mirror\nhttp://mirror.example.com\nEOF\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nADD [|http://example.com/app.tar.gz|] /opt/\n",
        "FROM alpine:3.20\nADD [[|\"http://example.com/app.tgz\"|], \"/opt/\"]\n",
        "FROM alpine:3.20\nENV MIRROR=http://mirror.example.com\nADD [|${MIRROR}/app.tgz|] /opt/\n",
        "FROM alpine:3.20\nADD \\\n  [|http://example.com/a|] \\\n  # and\n  [|http://example.com/b|] /opt/\n",
        "FROM alpine:3.20\nONBUILD ADD [|http://example.com/app.tgz|] /opt/\n",
        "FROM alpine:3.20 AS fetch\nADD [|http://example.com/a.tgz|] /a.tgz\nFROM scratch\nCOPY --from=fetch /a.tgz /\n",
        // an empty --checksum verifies nothing
        "FROM alpine:3.20\nADD --checksum= [|http://example.com/app.tgz|] /opt/\n");
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
  void messageSaysWhatToDo() {
    assertThat(tester.check("FROM alpine:3.20\nADD [|http://example.com/x|] /x\n").get(0).message())
        .isEqualTo("ADD downloads 'http://example.com/x' over plain http, where anyone on the network path can "
            + "replace it; use https and pin the file with ADD --checksum=sha256:<digest>");
  }
}
