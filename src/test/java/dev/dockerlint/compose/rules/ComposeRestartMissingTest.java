package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeRestartMissingTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeRestartMissing());

  @Test
  void servicesWithoutRestartPolicy() {
    tester.check("services:\n  [|web|]:\n    image: nginx:1.27\n  db:\n    restart: always\n");
  }

  @Test
  void restartOrDeployPolicyPasses() {
    tester.check("x-r: &r\n  restart: unless-stopped\nservices:\n  web:\n    <<: *r\n  job:\n    restart: \"no\"\n"
        + "  swarm:\n    deploy:\n      restart_policy:\n        condition: on-failure\n");
  }
}
