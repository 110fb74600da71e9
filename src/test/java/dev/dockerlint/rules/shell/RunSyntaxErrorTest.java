package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.lint.Finding;
import dev.dockerlint.rules.RuleTester;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunSyntaxErrorTest {
  private final RuleTester tester = new RuleTester(new RunSyntaxError());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN echo \"it's\" && if true; then echo 'a \"b\"'; fi\n",
        "FROM debian:12\nRUN for f in a b; do echo \"$f\"; done && case x in x) echo;; esac\n",
        "FROM debian:12\nRUN echo $(ls \"$(pwd)\") `id -u` ${HOME:-/root} $((1 + 2))\n",
        // continued lines joined as BuildKit joins them, a comment line inside
        "FROM debian:12\nRUN echo \"a \\\n  b\" && \\\n  # comment with an ' apostrophe\n  ls\n",
        // heredocs: data for another program, another interpreter, a well-formed script
        "FROM debian:12\nRUN python3 <<EOF\nprint(\"it's\")\nEOF\n",
        "FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint(\"it's python\")\nEOF\n",
        "FROM debian:12\nRUN cat <<EOF > /etc/motd\ndon't \"quote\" (me\nEOF\n",
        "FROM debian:12\nRUN <<EOF\nif true; then\n  echo ok\nfi\nEOF\n",
        // not a POSIX shell: not checked
        "FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN Write-Host \"unterminated\n",
        "FROM debian:12\nRUN [\"sh\", \"-c\", \"echo 'x\"]\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN echo [|\"|]installing && apt-get update\n",
        "FROM debian:12\nRUN echo [|'|]a \\\n  b && ls\n",
        "FROM debian:12\nRUN [|i|]f [ -f /x ]; then echo x; \\\n    else echo y\n",
        "FROM debian:12\nRUN [|f|]or f in a; do echo \"$f\"\n",
        "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl [|&|]&\n",
        "FROM debian:12\nRUN echo [|$|](ls\n",
        "FROM debian:12\nRUN <<EOF\nset -e\necho [|\"|]x\nEOF\n",
        "FROM debian:12\nONBUILD RUN echo [|'|]x\n",
        "# escape=`\nFROM debian:12\nRUN echo a && `\n  echo [|\"|]b\n",
        // one finding per RUN: the first failure
        "FROM debian:12\nRUN echo [|\"|]a && echo 'b\n");
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
  void messageNamesTheProblemAndSaysWhatToDo() {
    List<Finding> findings = tester.check("FROM debian:12\nRUN echo [|\"|]abc\n");
    assertThat(findings).singleElement().extracting(Finding::message).asString()
        .isEqualTo("Shell syntax error in RUN: unterminated double quote; the build fails at this step, so fix the "
            + "script here");
  }
}
