package dev.dockerlint.rules.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipNoCacheDirTest {
  private final RuleTester tester = new RuleTester(new PipNoCacheDir());

  static Stream<String> valid() {
    return Stream.of(
        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nONBUILD RUN pip install flask==3.0.3\n",
        "FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\n",
        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n",
        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=false\nRUN pip install flask==3.0.3\n",
        "FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install flask==3.0.3\n",
        "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask==3.0.3\n",
        "FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask==3.0.3\n",
        "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\n",
        "FROM python:3.12\nRUN pip install flask==3.0.3 && rm -rf /root/.cache/pip\n",
        "FROM python:3.12 AS build\nRUN pip install flask==3.0.3\nFROM python:3.12-slim\n",
        "FROM python:3.12\nRUN pipx install black==24.1.0\n",
        "FROM python:3.12\nRUN python setup.py install\n",
        // pip accepts any unambiguous prefix of a long option
        "FROM python:3.12\nRUN pip install --no-cache flask==3.0.3\n",
        "FROM python:3.12\nRUN pip install --no-ca flask==3.0.3\n",
        "FROM python:3.12\nRUN pip install --no-cache-d flask==3.0.3\n",
        "FROM python:3.12\nRUN pip --no-cache install flask==3.0.3\n",
        "FROM python:3.12\nRUN python3 -m pip install -r requirements.txt --no-cache\n",
        "FROM python:3.12\nRUN <<EOT bash\npip install --no-cache flask==3.0.3\nEOT\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM python:3.12\nONBUILD RUN [|pip install|] flask==3.0.3\n",
        "FROM python:3.12\nRUN [|pip install|] flask==3.0.3\n",
        "FROM python:3.12\nRUN [|pip3 install|] -r requirements.txt\n",
        "FROM python:3.12\nRUN [|python3 -m pip install|] --upgrade pip\n",
        "FROM python:3.12\nENV PIP_NO_CACHE_DIR=\nRUN sudo [|pip install|] x==1\n",
        "FROM python:3.12\nRUN <<EOF\n[|pip3.12 install|] x==1\nEOF\n",
        // near misses: an ambiguous prefix pip rejects, another option, an operand after --, a quoted word
        "FROM python:3.12\nRUN [|pip install|] --no-c flask==3.0.3\n",
        "FROM python:3.12\nRUN [|pip install|] --no-color flask==3.0.3\n",
        "FROM python:3.12\nRUN [|pip install|] --cache-dir /tmp/c flask==3.0.3\n",
        "FROM python:3.12\nRUN [|pip install|] -- --no-cache\n",
        "FROM python:3.12\nRUN [|pip install|] '--no-cache-dirs' x==1\n",
        "FROM python:3.12\nRUN <<EOT bash\n[|pip install|] flask==3.0.3\nEOT\n");
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
  void messageQuotesTheValueAndSaysWhatToDo() {
    var findings = tester.check("FROM python:3.12\nRUN [|pip install|] x==1\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("--no-cache-dir"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("PIP_NO_CACHE_DIR=1"));
  }
}
