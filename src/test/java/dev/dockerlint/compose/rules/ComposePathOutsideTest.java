package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposePathOutsideTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposePathOutside());

  @Test
  void pathsLeavingTheRepository() {
    tester.check("services:\n  a:\n    build:\n      context: [|../..|]\n    env_file: [|/etc/passwd|]\n"
        + "  b:\n    env_file:\n      - path: [|../secrets.env|]\ninclude:\n  - [|../../other/compose.yaml|]\n");
  }

  @Test
  void pathsInsidePass() {
    tester.check(Map.of("compose.yaml", "services:\n  a:\n    build: ./app\n    env_file: [app.env]\n",
        "app/Dockerfile", "FROM alpine:3.20\n", "app.env", "A=1\n"));
  }
}
