package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposePrivilegedTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposePrivileged());

  @Test
  void privilegedServicesAreReported() {
    tester.check("services:\n  web:\n    image: nginx:1.27\n    privileged: [|true|]\n");
    tester.check("services:\n  web:\n    image: nginx:1.27\n    privileged: [|\"true\"|]\n");
  }

  @Test
  void throughAnAnchorAndMergeKeyTheFindingIsAtTheAnchor() {
    tester.check("x-base: &base\n  privileged: [|[|true|]|]\nservices:\n  a:\n    <<: *base\n    image: a:1\n"
        + "  b:\n    <<: *base\n    image: b:1\n");
  }

  @Test
  void aProfileDoesNotHideAService() {
    tester.check("services:\n  debug:\n    image: busybox:1.36\n    profiles: [debug]\n    privileged: [|true|]\n");
  }

  @Test
  void extendsCarriesItOver() {
    tester.check(Map.of("compose.yaml", "services:\n  web:\n    extends:\n      file: base.yml\n      service: base\n"
        + "    image: nginx:1.27\n", "base.yml", "services:\n  base:\n    privileged: [|true|]\n"));
    tester.check("services:\n  base:\n    image: a:1\n    privileged: [|[|true|]|]\n  web:\n    extends: base\n");
  }

  @Test
  void anOverrideFileCanTurnItOffOrOn() {
    tester.check(Map.of("compose.yaml", "services:\n  web:\n    image: a:1\n    privileged: true\n",
        "compose.override.yaml", "services:\n  web:\n    privileged: false\n"));
    tester.check(Map.of("compose.yaml", "services:\n  web:\n    image: a:1\n",
        "compose.override.yaml", "services:\n  web:\n    privileged: [|true|]\n"));
  }

  @Test
  void interpolationFromTheEnvFileBesideIt() {
    tester.check(Map.of("compose.yaml", "services:\n  web:\n    image: a:1\n    privileged: [|${PRIV}|]\n",
        ".env", "PRIV=true\n"));
    tester.check(Map.of("compose.yaml", "services:\n  web:\n    image: a:1\n    privileged: ${PRIV:-false}\n"));
    tester.check("services:\n  web:\n    image: a:1\n    privileged: ${UNSET_HERE}\n"); // not known: no claim
  }

  @Test
  void falseAndAbsentPass() {
    tester.check("services:\n  web:\n    image: a:1\n    privileged: false\n  db:\n    image: b:1\n");
  }

  @Test
  void aPragmaAboveTheKeyCoversIt() {
    tester.check("services:\n  web:\n    image: a:1\n    # dockerlint ignore=compose-privileged\n    privileged: true\n");
    tester.check("services:\n  # dockerlint ignore=compose-privileged\n  web:\n    image: a:1\n    privileged: true\n"
        + "  db:\n    privileged: [|true|]\n");
    tester.check("# dockerlint global ignore=compose-privileged\nservices:\n  web:\n    privileged: true\n");
  }
}
