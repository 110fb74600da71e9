package dev.dockerlint.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.parse.DockerfileParser;
import dev.dockerlint.shell.ShellCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The queries rules ask of the build model: RUNs, base images, COPY --from, paths, ports, names. */
class BuildQueriesTest {
  private static Dockerfile parse(String text) {
    return DockerfileParser.parse("Dockerfile", text);
  }

  @Test
  void shellRunsListShellFormRunsAndOnbuildTriggersOnlyWhenAsked() {
    Dockerfile file = parse("FROM a AS one\nRUN echo 1\nRUN [\"echo\", \"2\"]\nONBUILD RUN echo 3\nFROM b\nRUN echo 4\n");
    List<String> lines = new ArrayList<>();
    for (ShellRun run : file.shellRuns(true)) {
      lines.add(run.stage().index() + ":" + run.run().range().startLine() + (run.onbuild() ? " onbuild" : ""));
    }
    assertThat(lines).containsExactly("0:2", "0:4 onbuild", "1:6");
    assertThat(file.shellRuns(false)).hasSize(2);
  }

  @Test
  void invokedRunCommandsReadExecFormAndOnbuildAndLookThroughWrappers() {
    Dockerfile file = parse("FROM a\nRUN sudo apt-get update && command -v curl\nRUN [\"env\", \"A=1\", \"make\"]\n"
        + "ONBUILD RUN useradd x\n");
    List<String> names = new ArrayList<>();
    for (ShellCommand command : file.invokedRunCommands()) {
      names.add(command.name());
    }
    assertThat(names).containsExactly("apt-get", "make", "useradd");
  }

  @Test
  void shippedStagesAreTheFinalStageAndItsBases() {
    Dockerfile file = parse("FROM a AS base\nFROM b AS tools\nFROM base\n");
    assertThat(file.shippedStages()).containsExactlyInAnyOrder(file.stages().get(0), file.stages().get(2));
  }

  @Test
  void mountsCacheEndingWithMatchesCacheAndTmpfsTargetsBySuffix() {
    Run run = parse("FROM a\nRUN --mount=type=cache,target=/root/.cache/pip/ --mount=target=/x/.cache/yarn pip i\n")
        .instructions(Run.class).get(0);
    assertThat(run.mountsCacheEndingWith(".cache/pip")).isTrue();
    assertThat(run.mountsCacheEndingWith("/root/.cache/pip")).isTrue();
    assertThat(run.mountsCacheEndingWith("cache/pip")).isFalse();
    assertThat(run.mountsCacheEndingWith(".cache/yarn")).as("a bind mount is no cache").isFalse();
  }

  @Test
  void resolvedBaseImageNeedsEveryVariableKnown() {
    Dockerfile file = parse("ARG V=3.20\nARG OPEN\nFROM alpine:$V AS a\nFROM alpine:$OPEN\nFROM a\nFROM scratch\n");
    List<Stage> stages = file.stages();
    assertThat(file.resolvedBaseImage(stages.get(0)).map(ImageRef::raw)).contains("alpine:3.20");
    assertThat(stages.get(0).describeBaseImage()).isEqualTo("'alpine:3.20' (from alpine:$V)");
    assertThat(file.resolvedBaseImage(stages.get(1))).isEmpty();
    assertThat(file.resolvedBaseImage(stages.get(2))).isEmpty();
    assertThat(file.resolvedBaseImage(stages.get(3))).isEmpty();
  }

  @Test
  void copyFromsKnowTheirStage() {
    Dockerfile file = parse("FROM a AS Build\nCOPY --from=build x y\nCOPY --from=0 x y\nCOPY --from=$S x y\n"
        + "FROM b\nCOPY --from=nginx:1 x y\nCOPY --from=1 x y\n");
    List<String> seen = new ArrayList<>();
    for (CopyFrom ref : file.copyFroms()) {
      seen.add(ref.value() + (ref.namesOwnStage() ? " own" : "") + (ref.looksLikeImage() ? " image" : "")
          + (ref.isNumeric() ? " index" : ""));
    }
    assertThat(seen).containsExactly("build own", "0 own index", "nginx:1 image", "1 own index");
  }

  @Test
  void variableRangeFindsTheUseInsideItsToken() {
    Dockerfile file = parse("FROM a\nENV A=x${HOME:-/root}y \\\n  B=$PATH\n");
    Env env = file.instructions(Env.class).get(0);
    assertThat(file.source().slice(file.variableRange(env.range(), "HOME"))).isEqualTo("${HOME:-/root}");
    assertThat(file.source().slice(file.variableRange(env.range(), "PATH"))).isEqualTo("$PATH");
    assertThat(file.variableRange(env.range(), "PAT")).isEqualTo(env.range());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "/app         | /app",
      "$DIR/app     | /srv/app",
      "$OPEN/app    | ",
      "app/$OPEN    | app/",
      "'$OPEN'      | ",
  })
  void expandPathKnowsWhereAPathBegins(String path, String expected) {
    Dockerfile file = parse("FROM a\nARG DIR=/srv\nARG OPEN\nWORKDIR " + path + "\n");
    Workdir workdir = file.instructions(Workdir.class).get(0);
    assertThat(file.scopeAt(workdir).expandPath(workdir.path().text())).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "/app      | true",
      "C:\\app    | true",
      "c:/app    | true",
      "\\app     | true",
      "app       | false",
      "./app     | false",
      "é:app     | false",
  })
  void isAbsolute(String path, boolean expected) {
    assertThat(Workdir.isAbsolute(path)).isEqualTo(expected);
  }

  @Test
  void parseExpandedSplitsAndNeedsKnownValues() {
    Dockerfile file = parse("FROM a\nARG PORTS=\"80 443/udp\"\nARG OPEN\nEXPOSE $PORTS $OPEN\n");
    Expose expose = file.instructions(Expose.class).get(0);
    Scope scope = file.scopeAt(expose);
    List<String> raw = new ArrayList<>();
    for (PortSpec port : PortSpec.parseExpanded(scope, expose.ports().get(0)).orElseThrow()) {
      raw.add(port.raw());
    }
    assertThat(raw).containsExactly("80", "443/udp");
    assertThat(PortSpec.parseExpanded(scope, expose.ports().get(1))).isEmpty();
  }

  @Test
  void closestNames() {
    assertThat(NameSuggestion.closestVariable("home", List.of("HOME", "HOMER"))).isEqualTo("HOME");
    assertThat(NameSuggestion.closestVariable("VERSON", List.of("VERSION"))).isEqualTo("VERSION");
    assertThat(NameSuggestion.closestVariable("AB", List.of("XY"))).isNull();
    List<Stage> stages = parse("FROM a\nFROM b AS builder\n").stages();
    assertThat(NameSuggestion.closestStage(stages, "biulder")).isEqualTo("builder");
    assertThat(NameSuggestion.closestStage(stages, "runtime")).isNull();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "node:20                        | node",
      "library/node                   | node",
      "docker.io/library/python:3.12  | python",
      "docker.io/node                 | node",
      "index.docker.io/library/alpine | alpine",
      "bitnami/node:20                | ''",
      "ghcr.io/library/node:20        | ''",
      "localhost:5000/node            | ''",
      "mirror.gcr.io/library/python:3 | python",
      "public.ecr.aws/docker/library/node:22 | node",
      "public.ecr.aws/library/node    | ''",
  })
  void officialNameIsForDockerHubLibraryImagesOnly(String reference, String expected) {
    assertThat(ImageRef.parse(reference).officialName().orElse("")).isEqualTo(expected);
  }

  @Test
  void sourceStageIsTheLastEarlierStageOfTheNameOrTheIndex() {
    Dockerfile file = parse("FROM a AS Build\nFROM b AS build\nFROM c\nCOPY --from=BUILD /x /x\nCOPY --from=0 /y /y\n"
        + "COPY --from=2 /z /z\nCOPY --from=alpine:3.20 /w /w\nCOPY --from=later /v /v\nFROM d AS later\n");
    List<String> sources = new ArrayList<>();
    for (CopyFrom copy : file.copyFroms()) {
      sources.add(copy.value() + "=" + file.sourceStage(copy).map(s -> String.valueOf(s.index())).orElse("-"));
    }
    assertThat(sources).containsExactly("BUILD=1", "0=0", "2=-", "alpine:3.20=-", "later=-");
  }
}
