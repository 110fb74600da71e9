package dev.dockerlint.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrontendTest {
  static Stream<Arguments> syntaxes() {
    int latest = Frontend.LATEST;
    return Stream.of(
        Arguments.of("docker/dockerfile:1", latest, false),
        Arguments.of("docker/dockerfile", latest, false),
        Arguments.of("docker/dockerfile:latest", latest, false),
        Arguments.of("docker/dockerfile:1.4", 4, false),
        Arguments.of("docker/dockerfile:1.4.3", 4, false),
        Arguments.of("docker/dockerfile:1.20.0-rc2", 20, false),
        Arguments.of("docker.io/docker/dockerfile:1.7", 7, false),
        Arguments.of("docker/dockerfile:1-labs", latest, true),
        Arguments.of("docker/dockerfile:labs", latest, true),
        Arguments.of("docker/dockerfile:1.7-labs", 7, true),
        Arguments.of("docker/dockerfile:1.1-experimental", 1, true),
        Arguments.of("docker/dockerfile-upstream:master-labs", latest, true),
        Arguments.of("docker/dockerfile:1.5@sha256:0123", 5, false),
        Arguments.of("Docker/Dockerfile:1.3", 3, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syntaxes")
  void readsDockersFrontendVersions(String syntax, int minor, boolean labs) {
    Frontend f = Frontend.of(syntax);
    assertThat(f.minor()).isEqualTo(minor);
    assertThat(f.labs()).isEqualTo(labs);
    assertThat(f.describe()).isEqualTo(syntax);
  }

  @Test
  void otherFrontendsAndNoDirectiveMeanTheDefault() {
    assertThat(Frontend.of(null)).isEqualTo(Frontend.DEFAULT);
    assertThat(Frontend.of("example.com/frontend:1.2")).isEqualTo(Frontend.DEFAULT);
    assertThat(Frontend.of("docker/dockerfile-copy:1.2")).isEqualTo(Frontend.DEFAULT);
    assertThat(Frontend.DEFAULT.atLeast(20)).isTrue();
    assertThat(Frontend.DEFAULT.labs()).isFalse();
  }

  @Test
  void checkOptionsAsBuildkitReadsThem() {
    CheckOptions o = CheckOptions.parse("skip=A, B;error=True");
    assertThat(o.skip()).containsExactlyInAnyOrder("A", "B");
    assertThat(o.errorOnWarning()).isTrue();
    assertThat(o.error()).isNull();
    assertThat(CheckOptions.parse("experimental=all").experimentalAll()).isTrue();
    assertThat(CheckOptions.parse("skip").error()).isEqualTo("failed to parse check options: invalid check option \"skip\"");
    assertThat(CheckOptions.parse("nope=1").error()).isEqualTo("failed to parse check options: invalid check option \"nope\"");
    assertThat(CheckOptions.parse("").skipAll()).isFalse();
  }
}
