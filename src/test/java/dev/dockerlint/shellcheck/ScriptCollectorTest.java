package dev.dockerlint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.ShellDialect;
import dev.dockerlint.parse.DockerfileParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which scripts ShellCheck gets and what each covers; the recorded fixtures show their text and places. */
class ScriptCollectorTest {
  private static List<Script> collect(String dockerfile) {
    return ScriptCollector.collect(DockerfileParser.parse("Dockerfile", dockerfile));
  }

  @Test
  void aShStringTheOuterShellExpandsIsAHoleInWhatTheRunCovers() {
    List<Script> scripts = collect("FROM debian:12\nRUN sh -c 'ls /a' && sh -c \"ls $B\" && ls\n");
    assertThat(scripts).hasSize(2);
    assertThat(scripts.get(0).covered()).extracting(Object::toString).containsExactly("2:5-2:28", "2:35-2:41");
    assertThat(scripts.get(1).text()).isEqualTo("ls /a");
    assertThat(scripts.get(1).covered()).extracting(Object::toString).containsExactly("2:11-2:18");
  }

  @Test
  void unquotingFollowsEachCharacterBackToItsPlace() {
    int[] indexes = new int[32];
    assertThat(ScriptCollector.unquote("'a b'\"c\\\"d\"e\\ f", 10, indexes)).isEqualTo("a bc\"de f");
    assertThat(indexes).startsWith(11, 12, 13, 16, 18, 19, 21, 23, 24);
    assertThat(ScriptCollector.unquote("$'\\t'", 0, new int[8])).as("ANSI-C quoting is not followed").isNull();
    assertThat(ScriptCollector.unquote("'open", 0, new int[8])).isNull();
  }

  @Test
  void dialectsFollowTheStageAndTheScriptsOwnShebang() {
    List<Script> scripts = collect("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo a\nRUN <<EOF\n#!/bin/sh\n"
        + "echo b\nEOF\nRUN dash -c 'echo c'\nFROM alpine:3.20\nRUN echo d\n");
    assertThat(scripts).extracting(Script::dialect)
        .containsExactly(ShellDialect.BASH, ShellDialect.SH, ShellDialect.BASH, ShellDialect.DASH, ShellDialect.BUSYBOX);
  }

  /** A hang guard in the spirit of LargeFileTest: thousands of ENV lines and RUNs using them. */
  @Test
  @Timeout(20)
  void aLargeFileIsCollectedInLinearTime() {
    StringBuilder text = new StringBuilder("FROM debian:12\n");
    for (int i = 0; i < 20_000; i++) {
      text.append("ENV V").append(i).append("=x\n");
      if (i % 4 == 0) {
        text.append("RUN echo $V").append(i).append(" ${V").append(i / 2).append("} && sh -c 'ls'\n");
      }
    }
    List<String> skipped = new ArrayList<>();
    List<Script> scripts = ScriptCollector.collect(DockerfileParser.parse("Dockerfile", text.toString()), skipped);
    assertThat(scripts).hasSize(10_000);
    assertThat(scripts.get(9_998).content("sh")).contains("export V19996 V9998\n");
    assertThat(scripts.get(9_999).text()).isEqualTo("ls");
    assertThat(skipped).isEmpty();
  }
}
