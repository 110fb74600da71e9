package dev.dockerlint.compose.rules;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeHealthcheckMissingTest {
  private final ComposeRuleTester tester = new ComposeRuleTester(new ComposeHealthcheckMissing());

  @Test
  void waitingForAServiceWithoutHealthcheck() {
    tester.check("services:\n  web:\n    depends_on:\n      db:\n        condition: [|service_healthy|]\n"
        + "  db:\n    image: postgres:16\n  cache:\n    healthcheck:\n      disable: true\n"
        + "  worker:\n    depends_on:\n      cache: {condition: [|service_healthy|]}\n");
  }

  @Test
  void aHealthcheckInTheServiceOrInItsDockerfile() {
    tester.check(Map.of("compose.yaml", "x-hc: &hc\n  healthcheck:\n    test: [CMD, pg_isready]\nservices:\n  web:\n"
        + "    depends_on:\n      db:\n        condition: service_healthy\n      api:\n        condition: service_healthy\n"
        + "      cache:\n        condition: service_started\n  db:\n    <<: *hc\n  api:\n    build: ./api\n  cache:\n"
        + "    image: redis:7\n", "api/Dockerfile", "FROM alpine:3.20\nHEALTHCHECK CMD wget -q localhost\n"));
  }

  @Test
  void aDockerfileWithoutOne() {
    tester.check(Map.of("compose.yaml", "services:\n  web:\n    depends_on:\n      api:\n"
        + "        condition: [|service_healthy|]\n  api:\n    build: ./api\n", "api/Dockerfile",
        "FROM alpine:3.20\nHEALTHCHECK NONE\n"));
  }
}
