package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeServiceUnknownTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeServiceUnknown());

  @Test
  void unknownServices() {
    tester.check("services:\n  web:\n    depends_on:\n      - [|dbb|]\n    links:\n      - [|cache:redis|]\n  db:\n"
        + "    image: postgres:16\n");
    tester.check("services:\n  web:\n    depends_on:\n      [|db|]:\n        condition: service_started\n");
  }

  @Test
  void knownServicesPassWhateverTheirProfileAndFile() {
    tester.check(Map.of("compose.yaml", "include:\n  - db.yaml\nservices:\n  web:\n    depends_on: [db, cache]\n"
        + "    links: [\"cache:c\"]\n  cache:\n    profiles: [dev]\n", "db.yaml", "services:\n  db:\n    image: postgres:16\n"));
  }

  @Test
  void overrideFilesAddServices() {
    tester.check(Map.of("compose.yaml", "services:\n  web:\n    depends_on: [db]\n",
        "compose.override.yaml", "services:\n  db:\n    image: postgres:16\n"));
  }
}
