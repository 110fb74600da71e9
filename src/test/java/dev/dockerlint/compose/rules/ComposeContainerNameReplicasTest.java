package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeContainerNameReplicasTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeContainerNameReplicas());

  @Test
  void aFixedNameAndSeveralReplicas() {
    tester.check("services:\n  web:\n    container_name: [|web|]\n    deploy:\n      replicas: 3\n");
    tester.check("services:\n  web:\n    container_name: [|web|]\n    scale: 2\n");
  }

  @Test
  void oneReplicaOrNoNamePasses() {
    tester.check("services:\n  a:\n    container_name: app\n    deploy:\n      replicas: 1\n  b:\n    deploy:\n"
        + "      replicas: 5\n  c:\n    container_name: cron\n    deploy:\n      replicas: ${N}\n");
  }

  @Test
  void interpolatedReplicas() {
    tester.check(Map.of("compose.yaml", "services:\n  a:\n    container_name: [|app|]\n    deploy:\n"
        + "      replicas: ${REPLICAS}\n", ".env", "REPLICAS=4\n"));
  }
}
