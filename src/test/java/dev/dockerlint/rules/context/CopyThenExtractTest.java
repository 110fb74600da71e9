package dev.dockerlint.rules.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CopyThenExtractTest {
  private final RuleTester tester = new RuleTester(new CopyThenExtract());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nADD app.tar.gz /opt/\n",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN ls /tmp\n",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -tzf /tmp/app.tar.gz\n",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -czf /tmp/other.tar.gz /etc\n",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/other.tar.gz\n",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/app.tar.gz\n",
        "FROM debian:12 AS b\nRUN tar -czf /o.tar.gz /etc\nFROM debian:12\nCOPY --from=b /o.tar.gz /tmp/\nRUN tar -xzf /tmp/o.tar.gz\n",
        "FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n",
        "FROM debian:12\nCOPY data.csv.gz /tmp/\nRUN gunzip /tmp/data.csv.gz\n",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz --strip-components=1 -C /opt\n",
        "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN echo tar -xzf /tmp/app.tar.gz\n",
        "FROM debian:12\nCOPY $ARCHIVE /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nCOPY [|app.tar.gz|] /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n",
        "FROM debian:12\nCOPY [|app.tar|] /tmp/app.tar\nRUN tar --extract --file /tmp/app.tar\n",
        "FROM debian:12\nCOPY [|build.tgz|] /tmp/app.tgz\nRUN tar -xf /tmp/app.tgz\n",
        "FROM debian:12\nCOPY [[|\"data.tar.bz2\"|], \"/tmp/\"]\nRUN tar -xjf /tmp/data.tar.bz2\n",
        "FROM debian:12\nCOPY [|app.tar.gz|] /tmp/\nRUN gunzip -c /tmp/app.tar.gz | tar -x\n",
        "FROM debian:12\nCOPY [|app.tar.gz|] /tmp/\nRUN tar xzf /tmp/app.tar.gz\n",
        "FROM debian:12\nCOPY [|a.tar.xz|] [|b.txz|] /tmp/\nRUN tar -xJf /tmp/a.tar.xz && tar -xJf /tmp/b.txz\n",
        "FROM debian:12\nARG V=1.2\nCOPY [|app-${V}.tar.gz|] /tmp/\nRUN tar -xzf /tmp/app-1.2.tar.gz\n",
        "FROM debian:12\nCOPY [|app.tar.gz|] /tmp/\nRUN set -e; \\\n  # unpack\n  sudo tar -xzf /tmp/app.tar.gz\n",
        "FROM debian:12\nCOPY [|app.tar.gz|] /tmp/\nWORKDIR /opt\nRUN <<EOF\ntar -xzf /tmp/app.tar.gz\nEOF\n");
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
  void reportedOnceAndTheMessageSaysWhereAndWhatToDo() {
    var findings = tester.check("FROM debian:12\nCOPY [|app.tar.gz|] /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n"
        + "RUN tar -xzf /tmp/app.tar.gz\n");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).message()).contains("'app.tar.gz'", "'tar' on line 3", "ADD app.tar.gz").doesNotEndWith(".");
  }
}
