package dev.dockerlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.rules.RuleTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AddGitUnpinnedTest {
  private final RuleTester tester = new RuleTester(new AddGitUnpinned());

  static Stream<String> valid() {
    return Stream.of(
        "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#d4f088e689b41353d74f1a0bfcd6d7c0b213aed2 /src\n",
        "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#d4f088e689b41353d74f1a0bfcd6d7c0b213aed2:docs /docs\n",
        "FROM alpine:3.20\nADD --checksum=d4f088e689b41353d74f1a0bfcd6d7c0b213aed2 "
            + "https://github.com/moby/buildkit.git#v0.10.1 /src\n",
        "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git?tag=v0.21.1&checksum=66735c67 /src\n",
        "FROM alpine:3.20\nADD git@github.com:moby/buildkit.git#d4f088e /src\n",
        "FROM alpine:3.20\nARG COMMIT=d4f088e689b41353d74f1a0bfcd6d7c0b213aed2\n"
            + "ADD https://github.com/moby/buildkit.git#${COMMIT} /src\n",
        // a ref set only by --build-arg may be a commit
        "FROM alpine:3.20\nARG REF\nADD https://github.com/moby/buildkit.git#${REF} /src\n",
        // an ONBUILD trigger is expanded in the child build, with the child's values
        "FROM alpine:3.20\nARG REF=main\nONBUILD ADD https://github.com/moby/buildkit.git#${REF} /src\n",
        // not a git source: a download (add-checksum-missing's)
        "FROM alpine:3.20\nADD https://github.com/moby/buildkit/archive/v0.10.1.tar.gz /src\n",
        "FROM alpine:3.20\nADD repo.git /src\n",
        "FROM alpine:3.20\nRUN git clone https://github.com/moby/buildkit.git\n");
  }

  static Stream<String> invalid() {
    return Stream.of(
        "FROM alpine:3.20\nADD [|https://github.com/moby/buildkit.git|] /src\n",
        "FROM alpine:3.20\nADD [|https://github.com/moby/buildkit.git#v0.10.1|] /src\n",
        "FROM alpine:3.20\nADD [|https://github.com/moby/buildkit.git#main:docs|] /docs\n",
        "FROM alpine:3.20\nADD [|https://github.com/moby/buildkit.git?branch=master&subdir=docs|] /docs\n",
        "FROM alpine:3.20\nADD [|git@github.com:moby/buildkit.git|] /src\n",
        "FROM alpine:3.20\nADD [|ssh://git@github.com/moby/buildkit.git#v1|] /src\n",
        "FROM alpine:3.20\nADD [|git://example.com/repo#main|] /src\n",
        "FROM alpine:3.20\nADD --keep-git-dir=true [|http://git.example.com/repo.git|] /src\n",
        "FROM alpine:3.20\nARG REF=v1.2\nADD [|https://github.com/org/repo.git#${REF}|] /src\n",
        "FROM alpine:3.20\nADD [[|\"https://github.com/org/repo.git\"|], \"/src\"]\n",
        "FROM alpine:3.20\nONBUILD ADD [|https://github.com/org/repo.git|] /src\n",
        "FROM alpine:3.20 AS src\nADD [|https://github.com/org/repo.git|] /src\nFROM alpine:3.20\nCOPY --from=src /src /src\n",
        "FROM alpine:3.20\nADD \\\n  # upstream\n  [|https://github.com/org/repo.git#dev|] /src\n",
        // a short ref is a branch or tag name, not a hash
        "FROM alpine:3.20\nADD [|https://github.com/org/repo.git#abc|] /src\n");
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
  void messageNamesTheRef() {
    assertThat(tester.check("FROM alpine:3.20\nADD [|https://github.com/org/repo.git#v1.2|] /src\n").get(0).message())
        .isEqualTo("ADD clones 'https://github.com/org/repo.git#v1.2' at 'v1.2', a branch or tag that can move; pin a "
            + "commit with #<commit sha> or ADD --checksum=<commit sha>");
    assertThat(tester.check("FROM alpine:3.20\nADD [|https://github.com/org/repo.git|] /src\n").get(0).message())
        .contains("at the default branch, which moves with every push");
  }
}
