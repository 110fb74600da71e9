package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.lint.LintSettings;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunBashismTest {
  private final RuleTester tester = new RuleTester(new RunBashism());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN if [ -f /etc/os-release ]; then . /etc/os-release; fi\n",
        "FROM debian:12\nRUN [ \"$a\" = b ] && test a != b\n",
        // bash runs it: SHELL, bash -c, a heredoc bash reads, a bash shebang, the hadolint shell pragma
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN [[ -f x ]] && source y && mkdir {a,b}\n",
        "FROM debian:12\nRUN bash -c '[[ -f x ]] && source y'\n",
        "FROM debian:12\nRUN bash -e <<EOF\n[[ -f x ]] && echo {a,b}\nEOF\n",
        "FROM debian:12\nRUN <<EOF\n#!/bin/bash\nsource /etc/os-release\nEOF\n",
        "# hadolint shell=bash\nFROM debian:12\nRUN [[ -f x ]]\n",
        "FROM debian:12\n# dockerlint shell=bash\nRUN [[ -f x ]]\n",
        // a stage built on a bash stage inherits its SHELL
        "FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nRUN pushd /tmp && popd\n",
        // quoted or not brace expansion at all
        "FROM debian:12\nRUN echo '{a,b}' \"[[ x ]]\" '$x' && find . -exec rm {} \\; && echo {} {x}\n",
        "FROM debian:12\nRUN A={a,b} env && echo \"${a}\" ${#a} ${a:-b}\n",
        // busybox ash has these
        "FROM alpine:3.20\nRUN [[ -f x ]] && source /etc/profile && [ a == a ] && cat <<< x && echo $'\\t' &> /dev/null\n",
        "FROM node:22-alpine\nRUN function f { :; }\n",
        // not a POSIX shell, not shell at all
        "FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN [[ -f x ]]\n",
        "FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint({1, 2})\nEOF\n",
        "FROM debian:12\nRUN [\"bash\", \"-c\", \"[[ -f x ]]\"]\n",
        "FROM debian:12\nRUN cat <<EOF > /etc/x.conf\nsource {a,b}\nEOF\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|source|] /etc/os-release && echo \"$VERSION_ID\"\n",
        "FROM debian:12\nRUN [ \"$a\" [|==|] b ] && test a [|==|] b\n",
        "FROM debian:12\nRUN [|pkgs=(curl git)|] && echo [|${pkgs[0]}|] [|${#pkgs[@]}|]\n",
        "FROM debian:12\nRUN [|function|] f { :; }; f\n",
        "FROM debian:12\nRUN cat [|<<<|] \"$x\" && make [|&>|] /dev/null && make [|&>>|] log\n",
        "FROM debian:12\nRUN mkdir -p /srv/[|{data,logs}|] && cp x[|{,.bak}|] && echo [|{1..3}|]\n",
        "FROM debian:12\nRUN printf [|$'\\t'|]\n",
        "FROM debian:12\nRUN [|pushd|] /tmp && [|popd|]\n",
        // continued lines, a comment inside them, the backtick escape
        "FROM debian:12\nRUN set -e; \\\n  # load the release\n  [|source|] /etc/os-release\n",
        "# escape=`\nFROM debian:12\nRUN echo a && `\n  [|source|] x\n",
        // ONBUILD triggers, heredoc scripts, sh -c in a bash stage, SHELL sh, dash
        "FROM debian:12\nONBUILD RUN [|source|] x\n",
        "FROM debian:12\nRUN <<EOF\nset -e\n[|source|] x\nEOF\n",
        "FROM debian:12\nSHELL [\"/bin/dash\", \"-c\"]\nRUN [|source|] x\n",
        "FROM debian:12\nRUN sh <<EOF\n[|source|] x\nEOF\n",
        // what busybox ash lacks
        "FROM alpine:3.20\nRUN [|a=(1 2)|] && mkdir /x/[|{a,b}|] && [|pushd|] /x\n");
  }

  /** {@code [[} cannot be marked ({@code [|[[|]} reads as two openings): its cases give the range. */
  static Stream<org.junit.jupiter.params.provider.Arguments> doubleBrackets() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("FROM debian:12\nRUN if [[ -f x ]]; then echo yes; fi\n", "2:8-2:10"),
        org.junit.jupiter.params.provider.Arguments.of(
            "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN sh -c '[[ -f x ]]'\n", "3:12-3:14"),
        // a bash stage does not make the next one bash
        org.junit.jupiter.params.provider.Arguments.of(
            "FROM debian:12 AS a\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -f x ]]\nFROM debian:12\nRUN [[ -f x ]]\n",
            "5:5-5:7"));
  }

  @ParameterizedTest
  @MethodSource("doubleBrackets")
  void doubleBracketsAreReportedAtTheirPlace(String source, String range) {
    assertThat(tester.lint(source)).extracting(f -> f.range().toString()).containsExactly(range);
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
  void eachFindingStandsForShellChecksCodeOfItsConstruct() {
    List<Finding> findings = tester.lint("FROM debian:12\nRUN source x && [[ -f y ]]\n");
    assertThat(findings).extracting(Finding::aliases).containsExactly(List.of("SC3046"), List.of("SC3010"));
  }

  @Test
  void aShellCheckCodeSilencesOnlyItsConstruct() {
    String run = "RUN source x && [[ -f y ]]\n";
    LintSettings ignoring = new LintSettings(Set.of("SC3010"), Set.of(), Map.of(), List.of());
    assertThat(tester.lint("FROM debian:12\n" + run, ignoring)).extracting(Finding::aliases)
        .containsExactly(List.of("SC3046"));
    assertThat(tester.lint("FROM debian:12\n# hadolint ignore=SC3046\n" + run)).extracting(Finding::aliases)
        .containsExactly(List.of("SC3010"));
  }

  @Test
  void messageQuotesTheConstructNamesTheShellAndSaysWhatToDo() {
    List<Finding> findings = tester.check("FROM debian:12\nSHELL [\"/bin/dash\", \"-c\"]\nRUN [|source|] x\n");
    assertThat(findings).singleElement().extracting(Finding::message).asString()
        .startsWith("'source' is a bash command: dash fails").contains("use '. FILE'").doesNotEndWith(".");
    assertThat(tester.check("FROM debian:12\nRUN [|a=(1 2)|]\n")).singleElement().extracting(Finding::message)
        .asString().startsWith("'a=(...)' is a bash array: /bin/sh fails");
  }
}
