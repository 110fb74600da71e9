package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeDockerSocketTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeDockerSocket());

  @Test
  void theSocketIsReportedInBothSyntaxes() {
    tester.check("services:\n  a:\n    volumes:\n      - [|/var/run/docker.sock:/var/run/docker.sock|]\n"
        + "      - [|/run/docker.sock:/sock:ro|]\n  b:\n    volumes:\n      - type: bind\n"
        + "        source: [|/var/run/docker.sock|]\n        target: /var/run/docker.sock\n");
  }

  @Test
  void otherMountsPass() {
    tester.check("services:\n  a:\n    volumes:\n      - ./app:/app\n      - data:/var/lib/data\n"
        + "      - /var/run/docker.sock.bak:/x\nvolumes:\n  data: {}\n");
  }

  @Test
  void throughInterpolationAndInclude() {
    tester.check(Map.of("compose.yaml", "include:\n  - sub/compose.yaml\nservices:\n  a:\n    image: a:1\n",
        "sub/compose.yaml", "services:\n  b:\n    volumes:\n      - [|${SOCK}:/var/run/docker.sock|]\n",
        "sub/.env", "SOCK=/var/run/docker.sock\n"));
  }
}
