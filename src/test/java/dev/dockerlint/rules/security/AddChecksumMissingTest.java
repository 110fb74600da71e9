package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AddChecksumMissingTest {
  private final RuleTester tester = new RuleTester(new AddChecksumMissing());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
            + "https://example.com/app.tar.gz /opt/\n",
        "FROM alpine:3.20\nARG SUM=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d\n"
            + "ADD --checksum=$SUM https://example.com/app.tar.gz /opt/\n",
        "FROM alpine:3.20\nADD app.tar.gz /opt/\n",
        // BuildKit matches the scheme case-sensitively: a local path
        "FROM alpine:3.20\nADD HTTPS://example.com/x /x\n",
        // plain http and git sources are other rules' business
        "FROM alpine:3.20\nADD http://example.com/x /x\n",
        "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.10.1 /src\n",
        "FROM alpine:3.20\nCOPY https-notes.txt /x\n",
        // a source set only by --build-arg is not known to be a URL
        "FROM alpine:3.20\nARG URL\nADD ${URL} /x\n",
        "FROM alpine:3.20\nADD <<EOF /etc/motd\nhttps://example.com\nEOF\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nADD [|https://example.com/app.tar.gz|] /opt/\n",
        "FROM alpine:3.20\nADD --chmod=755 [|https://example.com/tool|] /usr/local/bin/tool\n",
        "FROM alpine:3.20\nADD [[|\"https://example.com/a b.tgz\"|], \"/opt/\"]\n",
        "FROM alpine:3.20\nARG V=1.2\nADD [|https://example.com/app-${V}.tgz|] /opt/\n",
        "FROM alpine:3.20\nARG URL=https://example.com/app.tgz\nADD [|$URL|] /opt/\n",
        "FROM alpine:3.20\nADD [|https://a.example/x|] [|https://b.example/y|] /opt/\n",
        "FROM alpine:3.20\nADD \\\n  # the release\n  [|https://example.com/app.tgz|] \\\n  /opt/\n",
        "FROM alpine:3.20\nONBUILD ADD [|https://example.com/app.tgz|] /opt/\n",
        "FROM alpine:3.20 AS fetch\nADD [|https://example.com/app.tgz|] /opt/\nFROM scratch\nCOPY --from=fetch /opt /opt\n",
        // no .git suffix: BuildKit downloads the page, it does not clone
        "FROM alpine:3.20\nADD [|https://github.com/org/repo|] /src\n");
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
  void messageQuotesTheUrlWithoutCredentialsOrQueryValues() {
    var findings = tester.check("FROM alpine:3.20\nADD [|https://bob:hunter2@example.com/x.tgz?token=abc&v=1|] /x\n");
    assertThat(findings.get(0).message()).isEqualTo("ADD downloads 'https://****@example.com/x.tgz?token=...&v=...' "
        + "without --checksum, so the build takes whatever the server sends that day; pin it with "
        + "ADD --checksum=sha256:<digest>");
    assertThat(findings.get(0).message()).doesNotContain("hunter2", "abc");
  }
}
