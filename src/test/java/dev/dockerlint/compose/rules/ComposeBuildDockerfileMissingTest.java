package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeBuildDockerfileMissingTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeBuildDockerfileMissing());

  @Test
  void aMissingDockerfileOrContext() {
    tester.check(Map.of("compose.yaml", "services:\n  a:\n    build:\n      context: .\n      dockerfile: [|Dockerfile.dev|]\n"
        + "  b:\n    [|build|]: ./nowhere\n  c:\n    [|build|]: ./empty\n", "empty/README", "no Dockerfile here\n"));
  }

  @Test
  void presentDockerfilesPass() {
    tester.check(Map.of("compose.yaml", "services:\n  a:\n    build: ./app\n  b:\n    build:\n      context: app\n"
        + "      dockerfile: ../Dockerfile.b\n  c:\n    build:\n      context: https://github.com/org/repo.git\n"
        + "  d:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.20\n",
        "app/Dockerfile", "FROM alpine:3.20\n", "Dockerfile.b", "FROM alpine:3.20\n"));
  }
}
