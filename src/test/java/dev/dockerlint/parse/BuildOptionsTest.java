package dev.dockerlint.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.ast.ImageRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Dockerfile parsed as a build with args and a target sees it (a compose file's build section). */
class BuildOptionsTest {
  private static final String TEXT = "ARG BASE=alpine:3.20\nFROM ${BASE} AS build\nARG MODE=dev\nRUN echo $MODE\n"
      + "FROM scratch AS final\nCOPY --from=build /a /a\n";

  @Test
  void argsReplaceTheDefaultsOfTheArgsDeclared() {
    Dockerfile plain = DockerfileParser.parse("Dockerfile", TEXT);
    Dockerfile built = DockerfileParser.parse("Dockerfile", TEXT, Map.of("BASE", "node:latest", "MODE", "prod",
        "UNDECLARED", "x"), null);
    assertThat(plain.resolvedBaseImage(plain.stages().get(0)).map(ImageRef::raw)).contains("alpine:3.20");
    assertThat(built.resolvedBaseImage(built.stages().get(0)).map(ImageRef::raw)).contains("node:latest");
    assertThat(built.scopeAt(built.instructions().get(3)).expand("$MODE").value()).isEqualTo("prod");
    assertThat(built.scopeAt(built.instructions().get(3)).hasValue("UNDECLARED")).isFalse();
  }

  @Test
  void theTargetIsTheFinalStage() {
    assertThat(DockerfileParser.parse("Dockerfile", TEXT).finalStage().orElseThrow().name()).isEqualTo("final");
    assertThat(DockerfileParser.parse("Dockerfile", TEXT, Map.of(), "BUILD").finalStage().orElseThrow().name())
        .isEqualTo("build");
    assertThat(DockerfileParser.parse("Dockerfile", TEXT, Map.of(), "nosuch").finalStage().orElseThrow().name())
        .isEqualTo("final");
  }
}
