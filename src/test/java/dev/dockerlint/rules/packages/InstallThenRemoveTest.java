package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstallThenRemoveTest {
  private final RuleTester tester = new RuleTester(new InstallThenRemove());

  static Stream<String> valid() {
    return Stream.of(
        // install and remove in one RUN: the official-images idiom
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del --no-network .build-deps\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y gcc && make && apt-get purge -y gcc\n",
        "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y gcc\nmake\napt-get purge -y gcc\nEOF\n",
        // purge without names, or of something installed elsewhere
        "FROM debian:12\nRUN apt-get install -y curl\nRUN apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n",
        "FROM debian:12\nRUN apt-get purge -y wget\n",
        // another stage's layers do not reach this one
        "FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12\nRUN apt-get purge -y gcc\n",
        // a file created and removed in the same RUN
        "FROM debian:12\nRUN curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz && tar xzf /tmp/x.tgz && rm /tmp/x.tgz\n",
        // removing something else than what COPY added
        "FROM debian:12\nCOPY app.tgz /tmp/\nRUN rm -rf /var/lib/apt/lists/*\n",
        // quoted text is data
        "FROM debian:12\nCOPY x /tmp/x\nRUN echo 'rm /tmp/x'\n",
        // exec form and variables stay silent
        "FROM debian:12\nCOPY x /tmp/x\nRUN [\"rm\", \"/tmp/x\"]\n",
        "FROM debian:12\nCOPY x /tmp/x\nRUN rm \"$TMP/x\"\n",
        // a working directory longer than PATH_MAX cannot exist: relative paths under it are not followed
        "FROM debian:12\nWORKDIR /" + "d".repeat(4096) + "\nCOPY x x\nRUN rm x\n",
        "FROM debian:12\nWORKDIR /" + "d".repeat(4000) + "\nWORKDIR " + "e".repeat(100) + "\nCOPY x x\nWORKDIR f\nRUN rm x\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN apt-get update && apt-get install -y gcc\nRUN make && apt-get purge -y [|gcc|]\n",
        "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\nRUN apt-get remove -y [|curl|]\n",
        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc\nRUN apk del [|.build-deps|]\n",
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir Cython==3.0.0\nRUN pip uninstall -y [|cython|]\n",
        "FROM debian:12\nRUN sudo apt-get install -y gcc\nRUN sudo apt-get purge -y [|gcc|]\n",
        // through a base stage
        "FROM debian:12 AS base\nRUN apt-get install -y gcc\nFROM base\nRUN apt-get purge -y [|gcc|]\n",
        // files from COPY/ADD and downloads
        "FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar xzf /tmp/app.tgz -C /opt && rm [|/tmp/app.tgz|]\n",
        "FROM debian:12\nADD https://example.com/x.tgz /tmp/x.tgz\nRUN tar xzf /tmp/x.tgz && rm -f [|/tmp/x.tgz|]\n",
        "FROM debian:12\nCOPY build/ /src/build/\nRUN rm -rf [|/src|]\n",
        "FROM debian:12\nWORKDIR /app\nCOPY installer.sh .\nRUN sh installer.sh \\\n  && rm [|installer.sh|]\n",
        "FROM debian:12\nRUN wget -O /tmp/x.deb https://example.com/x.deb\nRUN dpkg -i /tmp/x.deb && rm [|/tmp/x.deb|]\n",
        "FROM debian:12\nCOPY x /tmp/x\nRUN <<EOF\nset -e\nrm [|/tmp/x|]\nEOF\n",
        // an absolute WORKDIR after one too long is followed again, and absolute paths always are
        "FROM debian:12\nWORKDIR /" + "d".repeat(5000) + "\nCOPY x /tmp/x\nWORKDIR /app\nCOPY y y\n"
            + "RUN rm [|/tmp/x|] [|y|]\n",
        "FROM debian:12\nWORKDIR /" + "d".repeat(4000) + "\nCOPY y y\nRUN rm [|y|]\n");
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
  void messageNamesTheAddingLine() {
    var findings = tester.check("FROM debian:12\nRUN apt-get install -y gcc\nRUN apt-get purge -y [|gcc|]\n");
    assertThat(findings.get(0).message()).isEqualTo("'apt-get purge' removes 'gcc' installed by the RUN on line 2, "
        + "whose layer keeps it; install and remove it in the same RUN or use a multi-stage build");
    var files = tester.check("FROM debian:12\nCOPY a.tgz /tmp/\nRUN rm [|/tmp/a.tgz|]\n");
    assertThat(files.get(0).message()).contains("'rm /tmp/a.tgz' deletes a file added by the COPY on line 2");
    // a directory with several added files: the message names the one added first, not the first by name
    // and the removal forgets everything under it: the later 'rm /app/a' is not reported again
    var directory = tester.check("FROM debian:12\nCOPY z /app/lib/z\nCOPY a /app/a\nCOPY m /app/m\n"
        + "RUN rm -rf [|/app|]\nRUN rm /app/a\n");
    assertThat(directory).hasSize(1);
    assertThat(directory.get(0).message()).contains("deletes '/app/lib/z' added by the COPY on line 2");
  }
}
