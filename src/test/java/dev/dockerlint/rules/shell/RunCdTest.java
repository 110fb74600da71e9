package dev.dockerlint.rules.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunCdTest {
  private final RuleTester tester = new RuleTester(new RunCd());

  static Stream<String> valid() {
    return Stream.of(
        "FROM debian:12\nRUN (cd /src && make)\n",
        "FROM debian:12\nRUN sh -c 'cd /src && make'\n",
        "FROM debian:12\nRUN cd /tmp && wget -q https://x/y\n",
        "FROM debian:12\nRUN cd \"$(mktemp -d)\" && make\n",
        "FROM debian:12\nRUN mkdir /usr/src/app && cd /usr/src/app && make && cd / && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN echo 'cd /app'\n",
        "FROM debian:12\nRUN cd /usr/src/php; ./configure; make install; cd /; docker-php-source delete\n",
        "FROM debian:12\nWORKDIR /app\nRUN make\n",
        // the directory is removed later: itself, a directory above it, a relative tail of it, a path ending in it
        "FROM debian:12\nRUN cd /usr/src/app && make && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN cd /usr/src/app/build && make && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN cd /usr/src/app && make && rm -rf app\n",
        "FROM debian:12\nRUN cd build && make && rm -rf /src/build\n",
        "FROM debian:12\nRUN cd /src && make; cd ..\n",
        // a nested cd into a directory the RUN later leaves or deletes is covered like the outer one
        "FROM debian:12\nRUN git clone https://x/app.git /usr/src/app && cd /usr/src/app && mkdir build && cd build \\\n"
            + "  && cmake .. && make && make install && cd ../.. && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN cd /usr/src/app && mkdir build && cd build && cmake .. && make install && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN cd /usr/src/app && cd ./build/release && make install && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN cd /usr/src/a && cd ../b && make && rm -rf /usr/src\n",
        "FROM debian:12\nRUN cd /usr/src/app && make && cd ../.. && echo done\n",
        "FROM debian:12\nRUN <<EOF\ncd /usr/src/app\ncd build\nmake install\ncd ../..\nrm -rf /usr/src/app\nEOF\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM debian:12\nRUN [|cd /app|] && npm ci\n",
        "FROM debian:12\nRUN set -eux; \\\n  [|cd /opt/app|]; \\\n  # build\n  make; cd /srv\n",
        "FROM debian:12\nRUN <<EOF\n[|cd /app|]\nmake\nEOF\n",
        "FROM debian:12\nRUN [|cd app|] && make\n",
        // removed or left before the cd, or a different directory that shares a prefix
        "FROM debian:12\nRUN rm -rf /usr/src/app && [|cd /usr/src/app|] && make\n",
        "FROM debian:12\nRUN [|cd /usr/src/application|] && make && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN cd / && [|cd /app|] && make\n",
        // near misses: the nested directory is not under what is removed, or its parent is not known
        "FROM debian:12\nRUN cd /usr/src/app && rm -rf /usr/src/app && [|cd build|] && make\n",
        "FROM debian:12\nRUN cd /usr/src/app && make && rm -rf /usr/src/app\nRUN [|cd build|] && make && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN [|cd /opt/app|] && cd build && make && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN [|cd build|] && make && rm -rf /usr/src/app\n",
        "FROM debian:12\nRUN [|cd /usr/src/app|] && cd build && make install && rm -rf /usr/src/app/build\n",
        "FROM debian:12\nRUN cd /usr/src/app && [|cd ../other|] && make && rm -rf /usr/src/app\n");
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
    var findings = tester.check("FROM debian:12\nRUN [|cd /app|] && make\n");
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).doesNotEndWith(".").doesNotContain("\n"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("'cd /app'"));
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("WORKDIR /app"));
  }
}
