package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.HeredocScript;
import dev.dockerlint.ast.Onbuild;
import dev.dockerlint.ast.Run;
import dev.dockerlint.ast.ShellForm;
import dev.dockerlint.shell.ShellCommand;
import dev.dockerlint.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which heredoc bodies of a RUN a shell runs, and where their commands are in the file. */
class RunScriptTest {

  private static Run run(String dockerfile) {
    Dockerfile file = DockerfileParser.parse("Dockerfile", dockerfile);
    assertThat(file.syntaxErrors()).isEmpty();
    return file.instructions(Run.class).get(0);
  }

  private static List<String> names(Run run) {
    List<String> names = new ArrayList<>();
    for (ShellCommand c : ((ShellForm) run.command()).script().commands()) {
      names.add(c.name() + "@" + c.range().startLine() + ":" + c.range().startColumn());
    }
    return names;
  }

  /** Each heredoc script as name=shell ("" for the stage's shell). */
  private static List<String> scripts(Run run) {
    List<String> scripts = new ArrayList<>();
    for (HeredocScript s : run.heredocScripts()) {
      scripts.add(s.heredoc().name() + "=" + s.shell());
    }
    return scripts;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // the whole command is one heredoc: its body is the script of the stage's shell
      "'RUN <<EOF\\napt-get install vim\\nEOF'                         | EOF=            | apt-get@3:1",
      "'RUN 2<<EOF\\napt-get install vim\\nEOF'                        | EOF=            | apt-get@3:1",
      "'RUN <<\"EOF\"\\napt-get install $X\\nEOF'                        | EOF=            | apt-get@3:1",
      "'RUN <<-EOF\\n\\t\\tapt-get install vim\\n\\tEOF'                  | EOF=            | apt-get@3:3",
      // a #! line names the program: a shell is parsed, anything else is not
      "'RUN <<EOF\\n#!/bin/bash -e\\napt-get install vim\\nEOF'          | EOF=bash        | apt-get@4:1",
      "'RUN <<EOF\\n#!/usr/bin/env -S bash -eu\\napt-get install vim\\nEOF' | EOF=bash     | apt-get@4:1",
      "'RUN <<EOF\\n#!/usr/bin/env python3\\napt-get install vim\\nEOF'  | ''              | ''",
      "'RUN <<EOF\\n#!/usr/bin/node\\napt-get install vim\\nEOF'         | ''              | ''",
      // BuildKit looks for #! before stripping tabs: this one runs with the shell
      "'RUN <<-EOF\\n\\t#!/usr/bin/env python3\\n\\tapt-get install vim\\n\\tEOF' | EOF=     | apt-get@4:2",
      // a shell reading the heredoc on standard input runs it, wherever the heredoc is written
      "'RUN <<EOT bash\\napt-get install vim\\nEOT'                      | EOT=bash        | apt-get@3:1;bash@2:5",
      "'RUN bash <<EOT\\napt-get install vim\\nEOT'                      | EOT=bash        | apt-get@3:1;bash@2:5",
      "'RUN sh -e <<EOT\\napt-get install vim\\nEOT'                     | EOT=sh          | apt-get@3:1;sh@2:5",
      "'RUN bash <<''EOT''\\napt-get install $X\\nEOT'                  | EOT=bash        | apt-get@3:1;bash@2:5",
      "'RUN <<-EOT bash\\n\\tapt-get install vim\\n\\tEOT'                 | EOT=bash        | apt-get@3:2;bash@2:5",
      "'RUN set -e; <<A bash && cat <<B > /f\\napt-get install vim\\nA\\nrm -rf /\\nB' | A=bash | set@2:5;apt-get@3:1;bash@2:13;cat@2:25",
      "'RUN bash <<A && sh <<B\\necho a\\nA\\necho b\\nB'                  | A=bash;B=sh     | echo@3:1;bash@2:5;echo@5:1;sh@2:17",
      // bodies given to anything else are data
      "'RUN python3 <<EOF\\napt-get install vim\\nEOF'                   | ''              | python3@2:5",
      "'RUN <<EOF python3\\napt-get install vim\\nEOF'                   | ''              | python3@2:5",
      "'RUN bash -c make <<EOF\\napt-get install vim\\nEOF'              | ''              | make@2:13;bash@2:5",
      "'RUN cat <<EOF > /etc/x\\napt-get install vim\\nEOF'              | ''              | cat@2:5",
      // several heredocs and no command: nothing runs them (BuildKit hands the shell an empty command)
      "'RUN <<A <<B\\napt-get install vim\\nA\\nmake\\nB'                  | ''              | ''",
  })
  void heredocScriptsAndCommandPositions(String dockerfile, String expectedScripts, String expectedCommands) {
    Run run = run("FROM debian:12\n" + dockerfile.replace("\\n", "\n").replace("\\t", "\t") + "\n");
    assertThat(String.join(";", scripts(run))).isEqualTo(expectedScripts);
    assertThat(String.join(";", names(run))).isEqualTo(expectedCommands);
  }

  @Test
  void aHeredocScriptPointsAtTheCommandInTheBody() {
    Run run = run("FROM debian:12\nRUN <<EOT bash\n  set -ex\n  apt-get install vim\nEOT\n");
    ShellCommand apt = ((ShellForm) run.command()).script().commands().get(1);
    assertThat(apt.range()).isEqualTo(SourceRange.of(4, 3, 4, 22));
    assertThat(apt.words().get(2).range()).isEqualTo(SourceRange.of(4, 19, 4, 22));
    assertThat(run.heredocScripts()).singleElement()
        .satisfies(s -> assertThat(s.heredoc().body()).isEqualTo("  set -ex\n  apt-get install vim\n"));
  }

  @Test
  void aStageShellThatIsNotPosixRunsNoHeredocScript() {
    Dockerfile file = DockerfileParser.parse("Dockerfile",
        "FROM debian:12\nSHELL [\"pwsh\", \"-Command\"]\nRUN <<EOF\nGet-ChildItem\nEOF\n");
    Run run = file.instructions(Run.class).get(0);
    assertThat(run.heredocScripts()).isEmpty();
    assertThat(((ShellForm) run.command()).script().commands()).isEmpty();
  }

  @Test
  void onbuildRunHeredocScripts() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM debian:12\nONBUILD RUN <<EOT bash\nmake\nEOT\n");
    Run trigger = (Run) file.instructions(Onbuild.class).get(0).trigger();
    assertThat(scripts(trigger)).containsExactly("EOT=bash");
    assertThat(names(trigger)).containsExactly("make@3:1", "bash@2:13");
  }

  @Test
  void execFormAndHeredocFreeRunsHaveNone() {
    assertThat(run("FROM debian:12\nRUN [\"bash\", \"-c\", \"make\"]\n").heredocScripts()).isEmpty();
    assertThat(run("FROM debian:12\nRUN make\n").heredocScripts()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'#!/bin/sh\\n'                 | sh",
      "'#!/bin/bash -e\\nx'           | bash",
      "'#! /usr/bin/env bash\\n'      | bash",
      "'#!/usr/bin/env -i PATH=/bin dash\\n' | dash",
      "'#!/usr/bin/env -u HOME zsh\\n' | zsh",
      "'#!/usr/bin/env python3\\n'    | python3",
      "'#!/usr/bin/env\\n'            | ''",
      "'#!'                           | ''"})
  void interpreterOfAShebangLine(String body, String expected) {
    assertThat(RunScript.interpreter(body.replace("\\n", "\n"))).isEqualTo(expected);
  }
}
