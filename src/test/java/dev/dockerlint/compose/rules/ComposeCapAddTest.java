package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeCapAddTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeCapAdd());

  @Test
  void dangerousCapabilitiesAndNoDropAll() {
    tester.check("services:\n  a:\n    [|cap_add|]:\n      - [|SYS_ADMIN|]\n      - [|CAP_NET_ADMIN|]\n      - CHOWN\n");
    tester.check("services:\n  a:\n    cap_drop: [ALL]\n    cap_add: [[|ALL|]]\n");
  }

  @Test
  void narrowCapabilitiesAfterDroppingAllPass() {
    tester.check("services:\n  a:\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n      - CHOWN\n");
    tester.check("services:\n  a:\n    cap_drop: [all]\n");
  }

  @Test
  void throughAnAnchorAndAnOverride() {
    tester.check(Map.of("compose.yaml", "x-caps: &caps\n  cap_drop: [ALL]\nservices:\n  a:\n    <<: *caps\n"
        + "    cap_add: [NET_BIND_SERVICE]\n", "compose.override.yaml", "services:\n  a:\n    cap_add: [[|SYS_PTRACE|]]\n"));
  }
}
