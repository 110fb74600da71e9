package dev.dockerlint.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockerlint.parse.DockerfileParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a stage inherits from the stages it is built on; answers are remembered, so order must not matter. */
class DockerfileTest {
  private static final String CHAIN = """
      FROM alpine:3.20 AS zero
      WORKDIR /zero
      FROM zero AS one
      WORKDIR /one
      FROM one AS two
      FROM two AS three
      FROM alpine:3.20 AS other
      FROM three AS four
      WORKDIR /four
      """;

  private static Optional<String> inheritedWorkdir(Dockerfile file, int stage) {
    return file.inherited(file.stages().get(stage), Workdir.class).map(w -> w.path().text());
  }

  @Test
  void theNearestBaseStageThatSetsItWins() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", CHAIN);
    assertThat(List.of(0, 1, 2, 3, 4, 5)).map(i -> inheritedWorkdir(file, i)).containsExactly(
        Optional.empty(), Optional.of("/zero"), Optional.of("/one"), Optional.of("/one"), Optional.empty(),
        Optional.of("/one"));
  }

  @Test
  void askingInAnyOrderGivesTheSameAnswers() {
    // a remembered answer is what a stage inherits, not what it sets itself: asking for "one" first
    // must not make "two" inherit /zero
    for (List<Integer> order : List.of(List.of(1, 2, 3, 5), List.of(5, 3, 2, 1), List.of(3, 1, 5, 2))) {
      Dockerfile file = DockerfileParser.parse("Dockerfile", CHAIN);
      for (int stage : order) {
        inheritedWorkdir(file, stage);
      }
      assertThat(List.of(1, 2, 3, 5)).as("after asking in order %s", order).map(i -> inheritedWorkdir(file, i))
          .containsExactly(Optional.of("/zero"), Optional.of("/one"), Optional.of("/one"), Optional.of("/one"));
    }
  }

  @Test
  void eachInstructionTypeIsRememberedApart() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", CHAIN + "FROM four AS five\nUSER app\nFROM five\n");
    Stage last = file.stages().get(file.stages().size() - 1);
    assertThat(file.inherited(last, Workdir.class).map(w -> w.path().text())).contains("/four");
    assertThat(file.inherited(last, User.class).map(u -> u.user().text())).contains("app");
    assertThat(file.inherited(file.stages().get(1), User.class)).isEmpty();
  }

  @Test
  void onbuildTriggersAreFoundWithTheirOnbuildAndSeeItsScope() {
    Dockerfile file = DockerfileParser.parse("Dockerfile",
        "FROM alpine:3.20 AS Base\nENV A=1\nONBUILD ENV B=$A\nENV C=2\nONBUILD RUN echo $A\n");
    List<Env> envs = file.instructionsWithTriggers(Env.class);
    assertThat(envs).extracting(e -> e.pairs().get(0).key().text()).containsExactly("A", "B", "C");
    Env trigger = envs.get(1);
    assertThat(file.onbuildOf(trigger)).isPresent();
    assertThat(file.onbuildOf(envs.get(0))).isEmpty();
    assertThat(file.scopeAt(trigger).get("A")).isPresent();
    assertThat(file.scopeAt(trigger).get("C")).isEmpty();
    assertThat(file.stageOf(trigger)).contains(file.stages().get(0));
    assertThat(file.shellRuns(true)).extracting(ShellRun::onbuild).containsExactly(true);
    assertThat(file.shellRuns(false)).isEmpty();
  }

  @Test
  void stagesAreNamedWithoutCase() {
    Dockerfile file = DockerfileParser.parse("Dockerfile", "FROM alpine:3.20 AS Build\nFROM build\n");
    assertThat(file.stageNamed("BUILD")).contains(file.stages().get(0));
    assertThat(file.stageNamed("other")).isEmpty();
  }
}
