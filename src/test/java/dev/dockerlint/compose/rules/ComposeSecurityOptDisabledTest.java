package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeSecurityOptDisabledTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeSecurityOptDisabled());

  @Test
  void confinementTurnedOff() {
    tester.check("services:\n  a:\n    security_opt:\n      - [|seccomp:unconfined|]\n      - [|apparmor=unconfined|]\n"
        + "      - [|label:disable|]\n      - [|systempaths=unconfined|]\n");
  }

  @Test
  void profilesAndNoNewPrivilegesPass() {
    tester.check("services:\n  a:\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./profile.json\n"
        + "      - apparmor:docker-default\n      - label:type:svirt_apache_t\n");
  }

  @Test
  void fromAnOverrideFile() {
    tester.check(Map.of("compose.yaml", "services:\n  a:\n    image: a:1\n    security_opt: [no-new-privileges:true]\n",
        "compose.override.yaml", "services:\n  a:\n    security_opt: [[|seccomp=unconfined|]]\n"));
  }
}
